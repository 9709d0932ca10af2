package org.lowtide.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of DESIGN §2, kept by the build. */
@AnalyzeClasses(packages = "org.lowtide", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {"org.lowtide.traffic..", "org.lowtide.analysis..", "org.lowtide.cost..",
        "org.lowtide.planning..", "org.lowtide.report..", "org.lowtide.project..", "org.lowtide.risk.."};

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.lowtide.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the core, the services and the CLI must run without a display");

    @ArchTest
    static final ArchRule uiDoesNotUseCli = noClasses()
            .that().resideInAPackage("org.lowtide.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.lowtide.cli..");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses()
            .that().resideInAPackage("org.lowtide.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.lowtide.ui..");

    @ArchTest
    static final ArchRule coreDoesNotUseFaces = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.lowtide.service..", "org.lowtide.ui..",
                    "org.lowtide.cli..")
            .because("the core is used by the services, never the other way round");

    @ArchTest
    static final ArchRule servicesDoNotUseFaces = noClasses()
            .that().resideInAPackage("org.lowtide.service..")
            .should().dependOnClassesThat().resideInAnyPackage("org.lowtide.ui..", "org.lowtide.cli..");

    @ArchTest
    static final ArchRule onlyCliWritesToStandardOutput = noClasses()
            .that().resideOutsideOfPackage("org.lowtide.cli..")
            .should().accessField(System.class, "out")
            .because("stdout belongs to the CLI's output contract (JSON must stay parseable)");
}
