package org.lowtide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lowtide.analysis.Trough;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisResult;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.TimeFormats;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportWarning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lowtide analyze FILE}: the weekly pattern of a traffic file and its lowest windows. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Import a traffic file and find the recurring weekly windows of lowest traffic.")
final class AnalyzeCommand implements Callable<Integer> {

    private static final DateTimeFormatter HH_MM = TimeFormats.HM;

    private final AnalysisService analysis;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Traffic CSV: a timestamp column and a value column.")
    private Path file;

    @Mixin
    private ImportOptionsMixin importOptions;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "PT2H",
            converter = Converters.PositiveDuration.class,
            description = "Window length, e.g. 2h, 90 min, 1h30m or PT2H. Default: ${DEFAULT-VALUE}.")
    private Duration duration;

    @Option(names = "--troughs", paramLabel = "N", defaultValue = "5",
            description = "How many non-overlapping windows to list. Default: ${DEFAULT-VALUE}.")
    private int troughCount;

    @Option(names = "--forecast-weeks", paramLabel = "N", defaultValue = "8",
            description = "Weeks to forecast (0 for none). Default: ${DEFAULT-VALUE}.")
    private int forecastWeeks;

    @Option(names = "--holidays", paramLabel = "CC[-REGION]",
            description = "Mark public holidays of this calendar (e.g. DE, DE-BY, US-NY) and estimate their effect.")
    private String holidays;

    @Option(names = "--components", paramLabel = "OUT.csv",
            description = "Write the decomposition (trend, seasonal components, remainder) as CSV.")
    private Path components;

    @Option(names = "--forecast-csv", paramLabel = "OUT.csv",
            description = "Write the forecast per step (mean, 80 %% and 95 %% bands, chosen method, baselines) as CSV.")
    private Path forecastCsv;

    @Option(names = "--json", description = "Print one JSON object (schema in the README) instead of a summary.")
    private boolean json;

    @picocli.CommandLine.Mixin
    private OutputOptionsMixin output;

    AnalyzeCommand(AnalysisService analysis) {
        this.analysis = analysis;
    }

    @Override
    public Integer call() throws Exception {
        if (troughCount < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--troughs must be at least 1");
        }
        if (forecastWeeks < 0 || forecastWeeks > 520) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--forecast-weeks must be 0 to 520");
        }
        OutputOptionsMixin.check(components, output.componentsCsv());
        if (holidays != null) {
            try {
                AnalysisService.requireHolidayCalendar(holidays);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        AnalysisRequest request = new AnalysisRequest(importOptions.source(file, spec), importOptions.toOptions(file),
                duration, troughCount, forecastWeeks, java.util.Optional.ofNullable(holidays));
        String name = request.source().displayName();
        // One analysis serves the output and the recommendation (planned on it).
        org.lowtide.service.RecommendationService.Recommended both = LowtideCli.dataStep(name,
                () -> new org.lowtide.service.RecommendationService(new org.lowtide.service.PlanService(analysis),
                        java.time.Clock.systemUTC()).analyzeAndRecommend(analysis, request, java.util.Optional.empty(),
                        ProgressListener.NONE, Cancellation.NEVER));
        AnalysisResult result = both.analysis();
        java.util.Optional<org.lowtide.planning.Recommendation> recommendation = both.recommendation();
        java.util.List<String> extra = new java.util.ArrayList<>();
        importOptions.zoneWarning(file).ifPresent(extra::add);
        if (components != null) {
            java.util.Optional<org.lowtide.analysis.Decomposition> d = result.patterns()
                    .flatMap(org.lowtide.analysis.Patterns::decomposition);
            if (d.isEmpty()) {
                spec.commandLine().getErr().println("lowtide: " + file.getFileName() + ": no decomposition to write to "
                        + components + ": the series is too short or has too few measured values");
                return LowtideCli.EXIT_BAD_INPUT;
            }
            PatternsOutput.writeComponents(d.get(), components, output.componentsCsv());
        }
        if (forecastCsv != null) {
            java.util.Optional<org.lowtide.analysis.Forecast> f = result.patterns()
                    .flatMap(org.lowtide.analysis.Patterns::forecast);
            if (f.isEmpty() && forecastWeeks == 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no forecast to write to "
                        + forecastCsv + ": --forecast-weeks is 0");
            }
            if (f.isEmpty()) {
                // the options are fine: the data is too short or too sparse to forecast (exit 4)
                spec.commandLine().getErr().println("lowtide: " + name + ": no forecast to write to " + forecastCsv
                        + ": the series is too short or has too few measured values");
                return LowtideCli.EXIT_BAD_INPUT;
            }
            PatternsOutput.writeForecast(f.get(), forecastCsv);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (var t = org.lowtide.service.Timings.phase("output")) {
            if (json) {
                out.println(toJson(result, recommendation, extra));
            } else {
                printSummary(result, recommendation, extra, out);
            }
            out.flush();
        }
        return LowtideCli.EXIT_OK;
    }

    static String toJson(AnalysisResult result) throws Exception {
        return toJson(result, java.util.Optional.empty(), List.of());
    }

    static String toJson(AnalysisResult result, java.util.Optional<org.lowtide.planning.Recommendation> recommendation,
                         List<String> extraWarnings) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        TrafficSeries series = result.series();
        ObjectNode s = root.putObject("series");
        s.put("name", series.name());
        s.put("start", series.start().toString());
        s.put("end", series.end().toString());
        s.put("step", series.step().toString());
        s.put("points", series.size());
        s.put("missing", series.missingCount());
        s.put("zone", series.zone().getId());
        root.putArray("periods");
        root.putArray("anomalies");
        ArrayNode troughs = root.putArray("troughs");
        for (Trough t : result.troughs()) {
            ObjectNode node = troughs.addObject();
            node.put("dayOfWeek", t.day().name());
            node.put("start", HH_MM.format(t.start()));
            node.put("end", HH_MM.format(t.end()));
            node.put("duration", t.duration().toString());
            node.put("expected", t.expected());
            node.put("shareOfPeak", t.shareOfPeak());
            node.put("weeksOfData", t.weeksOfData());
            node.put("tentative", t.tentative());
            node.put("description", t.describe());
        }
        PatternsOutput.addJson(root, result);
        CliJson.addWarnings(root, result.imported().warnings(), result.notes());
        recommendation.ifPresent(r -> RecommendationOutput.addJson(root, r));
        RecommendationOutput.addWarnings(root, extraWarnings);
        return mapper.writeValueAsString(CliJson.finite(root));
    }

    private static void printSummary(AnalysisResult result,
                                     java.util.Optional<org.lowtide.planning.Recommendation> recommendation,
                                     List<String> extraWarnings, PrintWriter out) {
        TrafficSeries series = result.series();
        out.printf(Locale.ROOT, "%s: %,d points every %s, %s to %s, %,d missing, read in %s%n",
                result.imported().source().name(), series.size(), unit(series.step()),
                series.start().atZone(series.zone()).toLocalDateTime(),
                series.end().atZone(series.zone()).toLocalDateTime(), series.missingCount(), series.zone().getId());
        // Said first, not only among the warnings: the numbers below are of coarser totals than the file's.
        result.coarserNote().ifPresent(n -> out.println("Warning: " + n));
        recommendation.ifPresent(r -> RecommendationOutput.print(r, out));
        List<Trough> troughs = result.troughs();
        if (troughs.isEmpty()) {
            out.println("No recurring window found.");
        } else {
            out.printf(Locale.ROOT, "Lowest %s windows of the week by traffic in the window alone "
                            + "(expected traffic over the whole window, no rollback time):%n",
                    adjective(result.request().window()));
            for (int i = 0; i < troughs.size(); i++) {
                Trough t = troughs.get(i);
                out.printf(Locale.ROOT, "  %d. %s (about %,.0f per %s; %d week%s of data%s)%n", i + 1, t.describe(),
                        t.expected(), unit(series.step()), t.weeksOfData(), t.weeksOfData() == 1 ? "" : "s",
                        t.tentative() ? ": tentative" : "");
            }
        }
        PatternsOutput.printSummary(result, out);
        List<ImportWarning> warnings = result.imported().warnings();
        List<String> notes = result.notes().stream().filter(n -> !result.coarserNote().orElse("").equals(n)).toList();
        if (!warnings.isEmpty() || !notes.isEmpty() || !extraWarnings.isEmpty()) {
            out.println("Warnings:");
            warnings.forEach(w -> out.println("  " + w));
            notes.forEach(n -> out.println("  " + n));
            extraWarnings.forEach(n -> out.println("  " + n));
        }
    }

    /** "5 minutes", "hour", "2 hours", "day": for "every …" and "per …". */
    static String unit(Duration d) {
        String words = amount(d);
        return words.startsWith("1 ") ? words.substring(2) : words;
    }

    /** "2-hour", "30-minute": a duration used as an adjective. */
    static String adjective(Duration d) {
        String words = amount(d);
        int space = words.indexOf(' ');
        if (space < 0) {
            return words;
        }
        String noun = words.substring(space + 1);
        return words.substring(0, space) + "-" + (noun.endsWith("s") ? noun.substring(0, noun.length() - 1) : noun);
    }

    private static String amount(Duration d) {
        long seconds = d.getSeconds();
        if (d.getNano() != 0) {
            return d.toString();
        }
        if (seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
