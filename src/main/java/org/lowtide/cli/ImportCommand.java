package org.lowtide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lowtide.service.Cancellation;
import org.lowtide.service.ImportService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ColumnRole;
import org.lowtide.traffic.imports.FlaggedStretch;
import org.lowtide.traffic.imports.ImportDetails;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.imports.ImportWarning;
import org.lowtide.traffic.imports.SourceInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lowtide import FILE --describe}: what the importer makes of a file, and every warning. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a traffic file and describe what was read: format, columns, series, rows, grid"
                + " and every warning. Exit 4 with file, line and column when it cannot be read.")
final class ImportCommand implements Callable<Integer> {

    private final ImportService imports;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Traffic file: CSV (any common shape) or a Graphite, Prometheus, CloudWatch, Datadog,"
                    + " InfluxDB or Grafana export.")
    private Path file;

    @Mixin
    private ImportOptionsMixin importOptions;

    @Option(names = "--describe", description = "Describe the import (the default and only action for now).")
    private boolean describe;

    @Option(names = "--json", description = "Print one JSON object (schema in the README) instead of text.")
    private boolean json;

    ImportCommand(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public Integer call() throws Exception {
        org.lowtide.service.TrafficSource source = importOptions.source(file, spec);
        org.lowtide.traffic.imports.ImportOptions options = importOptions.toOptions(file);
        ImportResult result = LowtideCli.dataStep(source.displayName(),
                () -> imports.importTraffic(source, options, ProgressListener.NONE, Cancellation.NEVER));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(result));
        } else {
            printDescription(result, out);
        }
        return LowtideCli.EXIT_OK;
    }

    static String toJson(ImportResult result) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        SourceInfo source = result.source();
        ImportDetails details = result.details();
        TrafficSeries series = result.series();
        root.put("file", source.name());
        root.put("format", source.format());
        root.put("description", details.description());
        root.put("encoding", details.encoding());
        ArrayNode columns = root.putArray("columns");
        source.columns().forEach(columns::add);
        root.put("timeColumn", source.timeColumn());
        root.put("timestampFormat", details.timestampFormat());
        if (details.dateOrder().isPresent()) {
            root.put("dateOrder", details.dateOrder().get().id());
            root.put("dateOrderNote", details.dateOrderNote());
        } else {
            root.putNull("dateOrder");
        }
        ObjectNode rows = root.putObject("rows");
        rows.put("read", source.rowsRead());
        rows.put("used", source.rowsUsed());
        rows.put("merged", source.rowsMerged());
        rows.put("skipped", source.rowsSkipped());
        ObjectNode s = root.putObject("series");
        s.put("name", series.name());
        s.put("start", series.start().toString());
        s.put("end", series.end().toString());
        s.put("step", series.step().toString());
        s.put("points", series.size());
        s.put("missing", series.missingCount());
        s.put("gaps", details.gapCount());
        s.put("zone", series.zone().getId());
        s.put("kind", details.kind().id());
        s.put("kindReason", details.kindReason());
        s.put("aggregation", details.kind().aggregation());
        details.dataSpacing().ifPresent(d -> s.put("dataSpacing", d.toString()));
        s.put("resampled", details.resampled());
        ArrayNode available = root.putArray("available");
        details.available().forEach(available::add);
        ArrayNode selected = root.putArray("selected");
        details.selected().forEach(selected::add);
        ArrayNode flagged = root.putArray("flagged");
        for (FlaggedStretch f : details.flagged()) {
            ObjectNode node = flagged.addObject();
            node.put("start", f.interval().start().toString());
            node.put("end", f.interval().end().toString());
            node.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            node.put("value", f.value());
            node.put("steps", f.steps());
            node.put("line", f.firstLine());
        }
        if (!details.columnRoles().isEmpty()) {
            ArrayNode roles = root.putArray("columnRoles");
            for (ColumnRole role : details.columnRoles()) {
                ObjectNode node = roles.addObject();
                node.put("name", role.name());
                node.put("role", role.role().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                node.put("detail", role.detail());
            }
        }
        CliJson.addWarnings(root, result.warnings(), List.of());
        return mapper.writeValueAsString(CliJson.finite(root));
    }

    static void printDescription(ImportResult result, PrintWriter out) {
        SourceInfo source = result.source();
        ImportDetails details = result.details();
        TrafficSeries series = result.series();
        out.println(source.name());
        row(out, "format", details.description() + " [" + source.format() + "]");
        row(out, "columns", String.join(", ", source.columns()));
        if (!details.columnRoles().isEmpty() && details.columnRoles().stream()
                .anyMatch(r -> r.role() == ColumnRole.Role.ATTRIBUTE || r.role() == ColumnRole.Role.SERIES_KEY
                        || (r.role() == ColumnRole.Role.TIME && !r.detail().equals("date and time")))) {
            row(out, "roles", roles(details.columnRoles()));
        }
        row(out, "time", source.timeColumn() + (details.timestampFormat().isEmpty() ? ""
                : ": " + details.timestampFormat()));
        if (details.dateOrder().isPresent()) {
            row(out, "dates", details.dateOrderNote());
        }
        row(out, "series", series.name() + " — " + details.kind().id() + " (" + details.kindReason()
                + "); values on one step " + (details.kind().aggregation().equals("sum") ? "summed" : "averaged"));
        List<String> others = details.available().stream().filter(n -> !details.selected().contains(n)).toList();
        if (!others.isEmpty()) {
            row(out, "also", String.join(", ", others.size() > 12 ? others.subList(0, 12) : others)
                    + (others.size() > 12 ? " and " + (others.size() - 12) + " more" : "")
                    + " (choose with --series NAME, or add up with --sum)");
        }
        row(out, "rows", String.format(Locale.ROOT, "%,d read = %,d used + %,d merged + %,d skipped",
                source.rowsRead(), source.rowsUsed(), source.rowsMerged(), source.rowsSkipped()));
        row(out, "grid", String.format(Locale.ROOT, "%s to %s, every %s: %,d points, %,d missing in %,d gap%s, zone %s",
                series.start(), series.end(), AnalyzeCommand.unit(series.step()), series.size(),
                series.missingCount(), details.gapCount(), details.gapCount() == 1 ? "" : "s", series.zone().getId()));
        if (!details.resampled().isEmpty()) {
            row(out, "resampled", details.resampled());
        }
        if (!details.flagged().isEmpty()) {
            row(out, "flagged", details.flagged().size() + " stretch" + (details.flagged().size() == 1 ? "" : "es")
                    + " of zeros or one repeated value (likely collection gaps; listed below)");
        }
        List<ImportWarning> warnings = result.warnings();
        if (warnings.isEmpty()) {
            out.println("No warnings.");
        } else {
            out.println("Warnings (" + warnings.size() + "):");
            warnings.forEach(w -> out.println("  " + w));
        }
    }

    /** @return the roles in a line, grouped: "time Date + Hour; value Rented Bike Count; attributes Seasons, …" */
    static String roles(List<ColumnRole> roles) {
        StringBuilder sb = new StringBuilder();
        for (ColumnRole.Role role : ColumnRole.Role.values()) {
            List<String> names = roles.stream().filter(r -> r.role() == role)
                    .map(r -> r.detail().isEmpty() || role != ColumnRole.Role.TIME ? r.name()
                            : r.name() + " (" + r.detail() + ")").toList();
            if (!names.isEmpty()) {
                sb.append(sb.length() > 0 ? "; " : "").append(role.words()).append(' ')
                        .append(String.join(", ", names.size() > 8 ? names.subList(0, 8) : names))
                        .append(names.size() > 8 ? " and " + (names.size() - 8) + " more" : "");
            }
        }
        return sb.toString();
    }

    private static void row(PrintWriter out, String label, String text) {
        out.printf(Locale.ROOT, "  %-10s %s%n", label, text);
    }
}
