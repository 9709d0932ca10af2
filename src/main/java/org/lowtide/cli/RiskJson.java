package org.lowtide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.lowtide.risk.LognormalFit;
import org.lowtide.risk.RiskEstimate;
import org.lowtide.service.RiskResult;

/**
 * The {@code risk} object that {@code cost --json} and {@code plan --json} add when the risk was
 * learned from history (issue #21), and the lines the summaries print.
 */
final class RiskJson {

    private RiskJson() {
    }

    /** @return {@code json} (one object) with a {@code risk} member added, or unchanged without history */
    static String withRisk(String json, RiskResult learned) throws java.io.IOException {
        if (learned == null) {
            return json;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        root.set("risk", of(mapper, learned));
        return mapper.writeValueAsString(root);
    }

    static ObjectNode of(ObjectMapper mapper, RiskResult learned) {
        RiskEstimate e = learned.estimate();
        ObjectNode n = mapper.createObjectNode();
        n.put("source", e.source());
        e.failureRate().ifPresent(f -> {
            ObjectNode c = n.putObject("changeFailureRate");
            c.put("value", f.value());
            c.put("measured", f.measured());
            c.put("low", f.low());
            c.put("high", f.high());
            c.put("dataWeight", f.dataWeight());
            c.put("changes", f.changes());
            c.put("failed", f.failed());
            c.put("incidentsAttributed", f.incidents());
            c.put("incidentsNotChange", f.notChange());
            c.put("incidentsUnattributed", f.unattributed());
            c.put("rule", f.rule());
        });
        e.detect().ifPresent(d -> n.set("detect", duration(mapper, d)));
        e.restore().ifPresent(d -> n.set("restore", duration(mapper, d)));
        e.outages().ifPresent(d -> n.set("outages", duration(mapper, d)));
        if (e.changesPerYear() > 0) {
            n.put("changesPerYear", e.changesPerYear());
        }
        e.band().ifPresent(b -> n.put("doraBand", b.label()));
        var lines = n.putArray("notes");
        learned.lines().forEach(lines::add);
        return n;
    }

    private static ObjectNode duration(ObjectMapper mapper, RiskEstimate.DurationEstimate d) {
        ObjectNode n = mapper.createObjectNode();
        LognormalFit f = d.fit();
        n.put("median", d.median().toString());
        n.put("p90", d.p90().toString());
        n.put("dataWeight", d.dataWeight());
        n.put("n", f.n());
        n.put("mu", f.mu());
        n.put("sigma", f.sigma());
        n.put("fittedMedianMinutes", f.medianMinutes());
        n.put("fittedP90Minutes", f.p90Minutes());
        n.put("medianLowMinutes", f.medianLow());
        n.put("medianHighMinutes", f.medianHigh());
        n.put("p90LowMinutes", f.p90Low());
        n.put("p90HighMinutes", f.p90High());
        n.put("level", f.level());
        n.put("from", d.from());
        return n;
    }

    /** Prints the learned risk in words, for the summaries. */
    static void print(RiskResult learned, PrintWriter out) {
        if (learned == null) {
            return;
        }
        RiskEstimate e = learned.estimate();
        out.println("Risk from your history: " + e.source());
        e.failureRate().ifPresent(f -> out.printf(java.util.Locale.ROOT,
                "  change failure rate %.1f %% (measured %.1f %%, 90 %% interval %.1f–%.1f %%)%n", 100 * f.value(),
                100 * f.measured(), 100 * f.low(), 100 * f.high()));
        e.detect().ifPresent(d -> out.println("  " + words("time to detect", d)));
        e.restore().ifPresent(d -> out.println("  " + words("time to restore", d)));
        e.band().ifPresent(b -> out.println("  DORA 2023 cluster: " + b.label()));
        learned.lines().forEach(l -> out.println("  - " + l));
    }

    private static String words(String what, RiskEstimate.DurationEstimate d) {
        LognormalFit f = d.fit();
        return String.format(java.util.Locale.ROOT, "%s median %s, p90 %s (fit to %d: median 90 %% interval %.0f–%.0f "
                + "min, p90 %.0f–%.0f min)", what, org.lowtide.service.RiskService.words(d.median()),
                org.lowtide.service.RiskService.words(d.p90()), f.n(), f.medianLow(), f.medianHigh(), f.p90Low(),
                f.p90High());
    }
}
