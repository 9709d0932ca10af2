package org.lowtide.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.planning.WindowRequest;
import org.lowtide.project.PlanFileException;
import org.lowtide.report.ChartExport;
import org.lowtide.report.Paper;
import org.lowtide.report.ReportCharts;
import org.lowtide.report.ReportModel;
import org.lowtide.report.ReportOptions;
import org.lowtide.report.ReportTables;
import org.lowtide.report.Section;
import org.lowtide.report.pdf.PdfReportWriter;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.Cancellation;
import org.lowtide.service.CostService;
import org.lowtide.service.PlanFileService;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.ReportService;
import org.lowtide.service.TrafficSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lowtide report FILE|PLAN --pdf OUT}: the report for leadership as a PDF, and each of its
 * charts as PNG and SVG for slides.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the report for leadership as a PDF: the recommended window, what it saves, the "
                + "pattern, the money, the plan, and every assumption with its source.")
final class ReportCommand implements Callable<Integer> {

    /** The environment variable (reproducible builds) that fixes the date a report states it was made. */
    static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    private final PlanFileService planFiles;
    private final ReportService reports;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|PLAN",
            description = "Traffic CSV, or a plan saved with `lowtide plan ... --save PLAN` (re-planned from its source).")
    private Path input;

    @Mixin
    private ImportOptionsMixin importOptions;

    @Mixin
    private PlanOptionsMixin planOptions;

    @Mixin
    private CostOptionsMixin costOptions;

    @Option(names = "--by-traffic",
            description = "Rank windows by the traffic at stake instead of the expected cost of a change in money.")
    private boolean byTraffic;

    @Option(names = "--scenario", paramLabel = "FILE.json", description = "k/h scenarios and lever effects (README).")
    private Path scenarioFile;

    @Option(names = "--simulations", paramLabel = "N", defaultValue = "100000",
            description = "Changes simulated per start time. Default: ${DEFAULT-VALUE}.")
    private int simulations;

    @Option(names = "--seed", paramLabel = "N", description = "Monte Carlo seed. Default: a fixed seed.")
    private Long seed;

    @Mixin
    private OutputOptionsMixin output;

    @Option(names = "--pdf", paramLabel = "OUT", required = true, description = "Where to write the PDF (atomically).")
    private Path pdf;

    @Option(names = "--png-dir", paramLabel = "DIR",
            description = "Also write every chart as PNG (2x) and SVG, and every table as CSV, into DIR.")
    private Path pngDir;

    @Option(names = "--title", paramLabel = "TITLE", description = "The report's title. Default: \"" + ReportOptions.DEFAULT_TITLE + "\".")
    private String title;

    @Option(names = "--author", paramLabel = "NAME", description = "Who made the report (printed on it).")
    private String author;

    @Option(names = "--notes", paramLabel = "TEXT", description = "A few words for the readers, printed on the summary page.")
    private String notes;

    @Option(names = "--paper", paramLabel = "a4|letter", defaultValue = "a4", description = "Paper size. Default: ${DEFAULT-VALUE}.")
    private String paper;

    @Option(names = "--sections", paramLabel = "LIST", split = ",",
            description = "Sections to print, comma-separated: summary, pattern, money, plan, assumptions. Default: all.")
    private List<String> sections = new ArrayList<>();

    ReportCommand(PlanService plans, CostService costs) {
        this.planFiles = new PlanFileService(plans);
        this.reports = new ReportService(plans, costs);
    }

    @Override
    public Integer call() throws Exception {
        OutputOptionsMixin.check(pdf, output.pdf());
        if (pngDir != null && java.nio.file.Files.exists(pngDir) && !java.nio.file.Files.isDirectory(pngDir)) {
            throw new org.lowtide.project.OutputFileException(pngDir + ": cannot write charts: it is a file, not a folder");
        }
        org.lowtide.report.pdf.Warmup.inBackground(); // loads the PDF code on the idle core while we plan
        ReportOptions options = options();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<String> badSimulations = org.lowtide.cost.CostLimits.simulations("--simulations", simulations);
        if (badSimulations.isPresent()) {
            throw new ParameterException(spec.commandLine(), badSimulations.get());
        }
        boolean planFile = input != null && isPlanFile(input);
        // Resolved once: a Prometheus source checks its options and warns about --insecure here.
        Optional<TrafficSource> traffic = planFile ? Optional.empty() : Optional.of(importOptions.source(input, spec));
        CostAssumptions assumptions = costOptions.toAssumptions(spec, traffic, importOptions.toOptions(input));
        Optional<ReportService.CostInputs> cost = Optional.of(new ReportService.CostInputs(assumptions,
                scenarioFile == null ? ScenarioSet.defaults() : CostService.readScenarios(scenarioFile), simulations,
                seed == null ? CostAnalysis.DEFAULT_SEED : seed,
                Optional.ofNullable(costOptions.learned).map(org.lowtide.service.RiskResult::estimate)));
        ReportModel model;
        if (planFile) {
            List<String> given = planOptions.givenOptions();
            if (!given.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "a saved plan brings its own options; drop "
                        + String.join(", ", given) + " or report on the traffic file instead");
            }
            PlanFileService.Reopened reopened;
            try {
                reopened = planFiles.reopen(input, importOptions.savedPlanConnection(spec), ProgressListener.NONE,
                        Cancellation.NEVER);
            } catch (PlanFileException e) {
                err.println("lowtide: " + e.getMessage());
                return LowtideCli.EXIT_BAD_INPUT;
            }
            for (String note : reopened.notes()) {
                err.println("lowtide: note: " + note);
            }
            PlanFileService.Reopened plan = reopened;
            model = LowtideCli.dataStep(input.getFileName().toString(),
                    () -> reports.prepare(plan, cost, options, ProgressListener.NONE, Cancellation.NEVER));
        } else {
            ZoneId zone = importOptions.toOptions(input).zone();
            WindowRequest request;
            PlanRequest planRequest;
            try {
                request = planOptions.request(planOptions.planZone(zone),
                        assumptions.detect().value().plus(assumptions.restoreP90().value()));
                AnalysisRequest analysis = new AnalysisRequest(traffic.orElseThrow(),
                        importOptions.toOptions(input), request.duration(), AnalysisRequest.DEFAULT_TROUGHS);
                planRequest = new PlanRequest(analysis, request, planOptions.holidayCalendar(),
                        byTraffic ? Optional.empty() : Optional.of(assumptions),
                        planOptions.rules(assumptions.nightHours().value()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            try {
                PlanService.checkHolidayCalendar(planOptions.holidayCalendar());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            try {
                model = reports.prepare(planRequest, cost, options, planOptions.userInputs(),
                        ProgressListener.NONE, Cancellation.NEVER);
            } catch (IllegalArgumentException e) {
                // the options were checked above: what fails now is the data (DESIGN §6: exit 4, no usage text)
                err.println("lowtide: " + input.getFileName() + ": " + e.getMessage());
                return LowtideCli.EXIT_BAD_INPUT;
            }
        }
        PdfReportWriter.Result result = reports.writePdf(model, pdf, output.pdf(), ProgressListener.NONE,
                Cancellation.NEVER);
        List<Path> charts = new ArrayList<>();
        if (pngDir != null) {
            charts = writeCharts(model, pngDir);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d pages, %s%n", pdf, result.pages(), options.paper().name());
        for (Path chart : charts) {
            out.println(chart);
        }
        if (!result.missingCharacters().isEmpty()) {
            err.println("lowtide: warning: no font on this machine has " + String.join("", result.missingCharacters())
                    + "; these characters show as boxes. Install a font for them (Debian: fonts-noto-cjk or "
                    + "fonts-droid-fallback) or name one with -D" + org.lowtide.report.pdf.ReportFonts.FallbackFonts.PROPERTY
                    + "=FILE.");
        }
        return LowtideCli.EXIT_OK;
    }

    private ReportOptions options() {
        Paper size;
        Set<Section> chosen = EnumSet.noneOf(Section.class);
        try {
            size = Paper.parse(paper);
            for (String s : sections) {
                chosen.add(section(s));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (chosen.isEmpty()) {
            chosen = EnumSet.allOf(Section.class);
        }
        return new ReportOptions(title == null || title.isBlank() ? ReportOptions.DEFAULT_TITLE : title,
                author == null ? "" : author, notes == null ? "" : notes, chosen, size, createdAt());
    }

    private static Section section(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (Section s : Section.values()) {
            if (s.name().equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--sections takes summary, pattern, money, plan, assumptions; not '"
                + name + "'");
    }

    /** The date the report states: {@code SOURCE_DATE_EPOCH} (seconds) when set, for reproducible output, else now. */
    private Instant createdAt() {
        String epoch = System.getProperty("lowtide.sourceDateEpoch", System.getenv(SOURCE_DATE_EPOCH));
        if (epoch == null || epoch.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), SOURCE_DATE_EPOCH + " must be seconds since 1970, not '"
                    + epoch + "'");
        }
    }

    /** A saved plan is JSON ending in .lowtide, or any file whose first character opens a JSON object. */
    static boolean isPlanFile(Path file) throws IOException {
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".lowtide")) {
            return true;
        }
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            do {
                c = in.read();
            } while (c == 0xFEFF || (c >= 0 && Character.isWhitespace(c)));
            return c == '{';
        } catch (java.nio.charset.MalformedInputException e) {
            return false;
        }
    }

    private List<Path> writeCharts(ReportModel model, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        int i = 1;
        for (Map.Entry<String, Supplier<JFreeChart>> e : new ReportCharts(model).all().entrySet()) {
            String base = String.format(Locale.ROOT, "%02d-%s", i++, e.getKey());
            Path png = dir.resolve(base + ".png");
            Path svg = dir.resolve(base + ".svg");
            ChartExport.writePng(e.getValue().get(), png, output.chartOrTable());
            ChartExport.writeSvg(e.getValue().get(), svg, output.chartOrTable());
            written.add(png);
            written.add(svg);
        }
        for (Map.Entry<String, String> e : ReportTables.all(model).entrySet()) {
            Path csv = dir.resolve(e.getKey() + ".csv");
            org.lowtide.service.Exports.writeString(csv, e.getValue(), output.chartOrTable());
            written.add(csv);
        }
        return written;
    }
}
