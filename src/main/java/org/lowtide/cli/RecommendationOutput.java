package org.lowtide.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.lowtide.planning.Recommendation;

/** The one recommendation, printed the same way by {@code analyze}, {@code cost}, {@code plan} and {@code report}. */
final class RecommendationOutput {

    private static final DateTimeFormatter HM = org.lowtide.traffic.TimeFormats.HM;

    private RecommendationOutput() {
    }

    /** Prints the headline, how it was ranked and why it differs from the quietest window. */
    static void print(Recommendation r, PrintWriter out) {
        out.println(r.headline());
        if (r.weekly().isPresent() || r.first().isPresent()) {
            out.println("  " + capital(r.basisText()) + ".");
        }
        r.whyDiffers().ifPresent(why -> out.println("  " + why));
    }

    /** Adds {@code recommendation} {weekly {dayOfWeek, start, end, zone, text}, first {start, end}, basis, …}. */
    static void addJson(ObjectNode root, Recommendation r) {
        ObjectNode n = root.putObject("recommendation");
        n.put("basis", r.basis() == Recommendation.Basis.EXPECTED_COST ? "expectedCost" : "trafficAtStake");
        n.put("duration", r.window().toString());
        n.put("rollbackTail", r.rollbackTail().toString());
        r.weekly().ifPresent(w -> {
            ObjectNode weekly = n.putObject("weekly");
            weekly.put("dayOfWeek", w.day().name());
            weekly.put("start", HM.format(w.start()));
            weekly.put("end", HM.format(w.start().plus(w.duration())));
            weekly.put("zone", w.zone().getId());
            weekly.put("text", r.weeklyText().orElse(""));
        });
        r.first().ifPresent(w -> {
            ZoneId zone = r.weekly().map(x -> x.zone()).orElse(ZoneId.of("UTC"));
            ObjectNode first = n.putObject("first");
            first.put("start", w.window().start().atZone(zone).toOffsetDateTime().toString());
            first.put("end", w.window().end().atZone(zone).toOffsetDateTime().toString());
            first.put("text", r.firstText().orElse(""));
        });
        n.put("explanation", capital(r.basisText()) + ".");
        r.whyDiffers().ifPresent(why -> n.put("whyNotQuietest", why));
        ArrayNode warnings = n.putArray("warnings");
        r.warnings().forEach(warnings::add);
    }

    /**
     * Appends the recommendation's warnings to {@code warnings} (line and column 0), creating the
     * array when the command has none yet.
     */
    static void addWarnings(ObjectNode root, Iterable<String> messages) {
        ArrayNode array = root.has("warnings") ? (ArrayNode) root.get("warnings") : root.putArray("warnings");
        for (String m : messages) {
            boolean seen = false;
            for (com.fasterxml.jackson.databind.JsonNode w : array) {
                seen |= m.equals(w.path("message").asText());
            }
            if (!seen) {
                array.addObject().put("line", 0).put("column", 0).put("message", m);
            }
        }
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
