package org.lowtide.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The package rules of DESIGN §2, kept by the build: the layer table as one layered rule, what
 * each core package may use besides the JDK, JavaFX only in {@code ui}, standard streams only in
 * {@code cli}, and the faces reaching core logic only through {@code service} or {@code report}.
 *
 * <p>Packages being added on other branches are core packages here already: live sources
 * ({@code traffic.sources} or {@code source}, beside {@code traffic.imports}) and incident history
 * ({@code cost.history} inside cost, or {@code risk}). Layers that do not exist yet are optional.
 */
@AnalyzeClasses(packages = "org.lowtide", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String TRAFFIC = "org.lowtide.traffic";
    private static final String IMPORTS = "org.lowtide.traffic.imports..";
    private static final String[] SOURCES = {"org.lowtide.traffic.sources..", "org.lowtide.source.."};
    private static final String ANALYSIS = "org.lowtide.analysis..";
    private static final String COST = "org.lowtide.cost.."; // cost.history included
    private static final String RISK = "org.lowtide.risk..";
    private static final String PLANNING = "org.lowtide.planning..";
    private static final String FLEET = "org.lowtide.fleet..";
    private static final String REPORT = "org.lowtide.report..";
    private static final String PROJECT = "org.lowtide.project..";
    private static final String ANNOUNCE = "org.lowtide.announce..";
    private static final String SERVICE = "org.lowtide.service..";
    private static final String UI = "org.lowtide.ui..";
    private static final String CLI = "org.lowtide.cli..";

    /** Everything below the faces and the services. */
    private static final String[] CORE = {TRAFFIC, IMPORTS, SOURCES[0], SOURCES[1], ANALYSIS, COST, RISK, PLANNING,
        FLEET, REPORT, PROJECT, ANNOUNCE};

    private static final String JACKSON = "com.fasterxml.jackson..";
    private static final String COMMONS_MATH = "org.apache.commons.math3..";

    /** DESIGN §2's table: who may use whom. A layer lists who may use it; what it uses follows. */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Traffic").definedBy(TRAFFIC)
            .layer("Imports").definedBy(IMPORTS)
            .layer("Sources").definedBy(SOURCES)
            .layer("Analysis").definedBy(ANALYSIS)
            .layer("Cost").definedBy(COST)
            .layer("Risk").definedBy(RISK)
            .layer("Planning").definedBy(PLANNING)
            .layer("Fleet").definedBy(FLEET)
            .layer("Report").definedBy(REPORT)
            .layer("Announce").definedBy(ANNOUNCE)
            .layer("Project").definedBy(PROJECT)
            .layer("Service").definedBy(SERVICE)
            .layer("Ui").definedBy(UI)
            .layer("Cli").definedBy(CLI)
            .layer("Main").definedBy("org.lowtide")
            .whereLayer("Main").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Ui", "Cli", "Main")
            .whereLayer("Project").mayOnlyBeAccessedByLayers("Report", "Service", "Ui", "Cli")
            .whereLayer("Report").mayOnlyBeAccessedByLayers("Service", "Ui", "Cli")
            .whereLayer("Announce").mayOnlyBeAccessedByLayers("Project", "Service", "Ui", "Cli")
            .whereLayer("Fleet").mayOnlyBeAccessedByLayers("Report", "Service", "Ui", "Cli")
            .whereLayer("Planning").mayOnlyBeAccessedByLayers("Announce", "Fleet", "Report", "Project", "Service", "Ui",
                    "Cli")
            .whereLayer("Risk").mayOnlyBeAccessedByLayers("Cost", "Planning", "Fleet", "Report", "Project", "Service", "Ui",
                    "Cli")
            .whereLayer("Cost").mayOnlyBeAccessedByLayers("Risk", "Planning", "Fleet", "Report", "Project", "Service", "Ui",
                    "Cli")
            .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Cost", "Risk", "Planning", "Fleet", "Report", "Project",
                    "Service", "Ui", "Cli")
            .whereLayer("Sources").mayOnlyBeAccessedByLayers("Announce", "Fleet", "Project", "Report", "Service", "Ui",
                    "Cli")
            .whereLayer("Imports").mayOnlyBeAccessedByLayers("Announce", "Sources", "Analysis", "Cost", "Risk", "Planning",
                    "Fleet",
                    "Report", "Project", "Service", "Ui", "Cli")
            .because("DESIGN §2: core packages never use service, ui or cli; ui and cli never use each other");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.lowtide.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule trafficUsesTheJdkOnly = classes()
            .that().resideInAPackage(TRAFFIC)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", TRAFFIC)
            .because("DESIGN §2: the traffic series and intervals use the JDK only");

    @ArchTest
    static final ArchRule importsUseTrafficAndJackson = classes()
            .that().resideInAPackage(IMPORTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", TRAFFIC, IMPORTS, JACKSON);

    @ArchTest
    static final ArchRule liveSourcesUseTrafficImportsAndJackson = classes()
            .that().resideInAnyPackage(SOURCES)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.net.ssl..", TRAFFIC, IMPORTS,
                    SOURCES[0], SOURCES[1], JACKSON)
            .allowEmptyShould(true)
            .because("a live source (java.net.http and its TLS, Jackson) gives the same ImportResult as a file");

    @ArchTest
    static final ArchRule announceUsesPlanningSourcesAndJackson = classes()
            .that().resideInAPackage(ANNOUNCE)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.net.ssl..", TRAFFIC, IMPORTS,
                    SOURCES[0], PLANNING, ANNOUNCE, JACKSON)
            .because("announcing turns a plan's windows into requests (java.net.http, Jackson) and reuses the"
                    + " Prometheus source's credentials and TLS; it knows no files, services or faces");

    @ArchTest
    static final ArchRule analysisUsesTrafficAndCommonsMath = classes()
            .that().resideInAPackage(ANALYSIS)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", TRAFFIC, ANALYSIS, COMMONS_MATH);

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage(UI)
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the core, the services and the CLI must run without a display");

    @ArchTest
    static final ArchRule onlyCliUsesStandardStreams = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("stdout belongs to the CLI's output contract (JSON must stay parseable) and errors are"
                    + " reported as messages or logged, never printed with printStackTrace");

    /**
     * Core classes that are values although not records: immutable results holding arrays
     * ({@code RevenueCurve}, {@code ChangeSimulator.Run}), and the range checks both faces give
     * their inputs so that both say the same ({@code CostLimits}), and the date-time patterns defined
     * once ({@code TimeFormats}, and {@code Durations}: how a duration may be written, read alike by both faces).
     */
    private static final java.util.Set<String> VALUE_CLASSES = java.util.Set.of("org.lowtide.cost.RevenueCurve",
            "org.lowtide.cost.ChangeSimulator$Run", "org.lowtide.cost.CostLimits", "org.lowtide.traffic.TimeFormats",
            "org.lowtide.traffic.Durations");

    /** A core type the faces may not call: no record, enum, interface, exception or value class. */
    private static final DescribedPredicate<JavaClass> CORE_LOGIC = new DescribedPredicate<>(
            "core logic (a class of a core package other than report that is no record, enum, interface or exception)") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return resideInCoreButNotReport(c) && !VALUE_CLASSES.contains(c.getName()) && !c.isRecord() && !c.isEnum() && !c.isInterface()
                    && !c.isAssignableTo(Throwable.class) && !top.isRecord() && !top.isEnum()
                    && !c.getModifiers().contains(JavaModifier.SYNTHETIC);
        }
    };

    private static boolean resideInCoreButNotReport(JavaClass c) {
        String p = c.getPackageName();
        return p.startsWith("org.lowtide.") && !p.startsWith("org.lowtide.report")
                && !p.startsWith("org.lowtide.service") && !p.startsWith("org.lowtide.ui")
                && !p.startsWith("org.lowtide.cli") && !p.equals("org.lowtide");
    }

    /**
     * DESIGN §2: {@code ui} and {@code cli} name core value records, but reach core logic
     * (planning, saving, exporting, checksums) through {@code service} (or {@code report}, whose
     * charts and model the faces show).
     */
    @ArchTest
    static final ArchRule facesReachCoreLogicThroughServices = noClasses()
            .that().resideInAnyPackage(UI, CLI)
            .should().accessTargetWhere(JavaAccess.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(CORE_LOGIC)))
            .because("view models and commands hold screen state and options, not use cases");

    /** A call of {@code owner.method(...)}, any overload. */
    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall> call(Class<?> owner,
                                                                                           String method) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + method,
                c -> c.getTargetOwner().isEquivalentTo(owner) && c.getName().equals(method));
    }

    /** Issue 19: one SHA-256 helper, which every package may use (it is in {@code traffic}, the JDK-only bottom). */
    @ArchTest
    static final ArchRule oneSha256 = noClasses()
            .that().doNotHaveFullyQualifiedName("org.lowtide.traffic.Checksums")
            .should().callMethodWhere(call(java.security.MessageDigest.class, "getInstance"))
            .because("a checksum is org.lowtide.traffic.Checksums: one algorithm, one hex form");

    /** Issue 19: the date-time patterns people read are defined once, in {@code TimeFormats}. */
    @ArchTest
    static final ArchRule datePatternsDefinedOnce = noClasses()
            .that().doNotHaveFullyQualifiedName("org.lowtide.traffic.TimeFormats")
            .should().callMethodWhere(call(java.time.format.DateTimeFormatter.class, "ofPattern"))
            .because("dates read alike in the GUI, the CLI, the report and the messages: name a TimeFormats constant"
                    + " (or add one there)");
}
