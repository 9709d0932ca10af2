package org.lowtide.announce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Plan;
import org.lowtide.traffic.TimeFormats;

/**
 * Turns a plan's dated windows into what is announced: silences, PagerDuty maintenance windows,
 * Statuspage scheduled incidents, and a Markdown or HTML text for readers. Pure functions of the
 * plan, the settings and the time now (windows already over are left out: Alertmanager refuses a
 * silence that ended, and nobody needs to be told of the past).
 *
 * <p>Times: silences and Statuspage take instants in UTC; PagerDuty's bodies carry the plan zone's
 * offset of each instant, so a window across a DST change says {@code +01:00} at its start and
 * {@code +02:00} at its end, and the readers' text names each zone's own abbreviation at each end.
 */
public final class Announcements {

    /** Every file Lowtide writes here carries this word in its first bytes (so that it may be replaced). */
    public static final String MARK = "Lowtide";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter DAY = TimeFormats.LONG_DAY;
    /** {@code 03:00 CET} ("HH:mm z"; z, zz and zzz all print the short zone name). */
    private static final DateTimeFormatter TIME = TimeFormats.HM_ZONE;

    private Announcements() {
    }

    /**
     * The plan's dated windows still to come at {@code now}, best first.
     *
     * @param withTail whether each runs to the end of its rollback tail
     */
    public static List<AnnouncedWindow> windows(Plan plan, boolean withTail, Instant now) {
        ZoneId zone = plan.request().constraints().zone();
        List<AnnouncedWindow> out = new ArrayList<>();
        for (ChangeWindow w : plan.windows()) {
            Instant end = withTail ? w.tailEnd() : w.window().end();
            if (!end.isAfter(now)) {
                continue;
            }
            String key = w.change().map(c -> "change:" + c).orElse("window-" + w.rank());
            out.add(new AnnouncedWindow(key, w.rank(), w.window().start(), end, zone, w.change()));
        }
        return out;
    }

    /** The silence of one window (without an id: the sync decides create or update). */
    public static Silence silence(AnnouncedWindow w, AnnounceSettings s) {
        s.requireSilenceable();
        return new Silence(Optional.empty(), s.matchers(), w.start(), w.end(), s.createdBy(), comment(w, s));
    }

    /** The comment of a window's silence: the change, the plan and the window, so it is recognised later. */
    static String comment(AnnouncedWindow w, AnnounceSettings s) {
        return s.title() + w.change().map(c -> " (change " + c + ")").orElse("") + ": window " + w.rank()
                + " of Lowtide plan " + s.planName() + ", " + local(w.start(), w.zone()) + " to "
                + local(w.end(), w.zone()) + " " + w.zone().getId();
    }

    /** ISO-8601 with seconds and the zone's offset at that instant, as PagerDuty's reference writes times. */
    private static String local(Instant t, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone).toOffsetDateTime());
    }

    /** A silence as the v2 API and {@code amtool silence import} read it. */
    public static ObjectNode silenceJson(Silence s) {
        ObjectNode node = NODES.objectNode();
        s.id().ifPresent(id -> node.put("id", id));
        ArrayNode matchers = node.putArray("matchers");
        for (Matcher m : s.matchers()) {
            matchers.addObject().put("name", m.name()).put("value", m.value()).put("isRegex", m.op().isRegex())
                    .put("isEqual", m.op().isEqual());
        }
        node.put("startsAt", s.startsAt().toString());
        node.put("endsAt", s.endsAt().toString());
        node.put("createdBy", s.createdBy());
        node.put("comment", s.comment());
        return node;
    }

    /** All silences as a JSON array, the form {@code amtool silence import FILE} reads. */
    public static String silencesFile(List<Silence> silences) {
        ArrayNode array = NODES.arrayNode();
        silences.forEach(s -> array.add(silenceJson(s)));
        return text(array);
    }

    /**
     * The body of PagerDuty's {@code POST /maintenance_windows} (REST API v2) for one window: its
     * services by id, a description, start and end with the plan zone's offsets.
     */
    public static ObjectNode pagerDutyBody(AnnouncedWindow w, AnnounceSettings s) {
        if (s.pagerDutyServices().isEmpty()) {
            throw new IllegalArgumentException("a PagerDuty maintenance window needs at least one service id"
                    + " (--pagerduty-service PIJ90N7)");
        }
        ObjectNode body = NODES.objectNode();
        ObjectNode mw = body.putObject("maintenance_window");
        mw.put("type", "maintenance_window");
        mw.put("start_time", local(w.start(), w.zone()));
        mw.put("end_time", local(w.end(), w.zone()));
        mw.put("description", comment(w, s));
        ArrayNode services = mw.putArray("services");
        for (String id : s.pagerDutyServices()) {
            services.addObject().put("id", id).put("type", "service_reference");
        }
        return body;
    }

    /**
     * The body of Atlassian Statuspage's {@code POST /v1/pages/{page_id}/incidents} for one window:
     * a scheduled incident that reminds subscribers before, and starts and completes by itself.
     */
    public static ObjectNode statuspageBody(AnnouncedWindow w, AnnounceSettings s) {
        ObjectNode body = NODES.objectNode();
        ObjectNode incident = body.putObject("incident");
        incident.put("name", s.title());
        incident.put("status", "scheduled");
        incident.put("scheduled_for", w.start().toString());
        incident.put("scheduled_until", w.end().toString());
        incident.put("scheduled_remind_prior", true);
        incident.put("scheduled_auto_in_progress", true);
        incident.put("scheduled_auto_completed", true);
        incident.put("body", readerText(w, s));
        ArrayNode components = incident.putArray("component_ids");
        s.statuspageComponents().forEach(components::add);
        ObjectNode meta = incident.putObject("metadata").putObject("lowtide");
        meta.put("plan", s.planName()).put("window", w.key()).put("writtenBy", MARK);
        return body;
    }

    /** A list of request bodies as one JSON array (the files of PagerDuty and Statuspage bodies). */
    public static String bodiesFile(List<ObjectNode> bodies) {
        ArrayNode array = NODES.arrayNode();
        bodies.forEach(array::add);
        return text(array);
    }

    /** The plain text of one window for readers: the window in each reader zone. */
    static String readerText(AnnouncedWindow w, AnnounceSettings s) {
        StringBuilder sb = new StringBuilder("We will carry out planned maintenance");
        w.change().ifPresent(c -> sb.append(" (").append(c).append(')'));
        sb.append(". Expect short interruptions during this window:");
        for (ZoneId z : zones(w, s)) {
            sb.append("\n- ").append(inZone(w, z));
        }
        return sb.toString();
    }

    private static List<ZoneId> zones(AnnouncedWindow w, AnnounceSettings s) {
        return s.readerZones().isEmpty() ? List.of(w.zone()) : s.readerZones();
    }

    /**
     * One window in one zone, e.g. "Sunday 28 March 2027, 01:30 CET – 03:30 CEST (Europe/Berlin)";
     * the end's day is named when it differs.
     */
    public static String inZone(AnnouncedWindow w, ZoneId zone) {
        ZonedDateTime a = w.start().atZone(zone);
        ZonedDateTime b = w.end().atZone(zone);
        String end = a.toLocalDate().equals(b.toLocalDate()) ? TIME.format(b) : DAY.format(b) + ", " + TIME.format(b);
        return DAY.format(a) + ", " + TIME.format(a) + " – " + end + " (" + zone.getId() + ")";
    }

    /** A Markdown announcement of every window, each in the readers' zones. */
    public static String markdown(List<AnnouncedWindow> windows, AnnounceSettings s) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- written by Lowtide from plan ").append(s.planName().replace("--", "- -")).append(" -->\n");
        sb.append("# ").append(escapeMarkdown(s.title())).append("\n\n");
        if (windows.isEmpty()) {
            sb.append("No maintenance is planned.\n");
        }
        for (AnnouncedWindow w : windows) {
            sb.append("## Window ").append(w.rank());
            w.change().ifPresent(c -> sb.append(": ").append(escapeMarkdown(c)));
            sb.append("\n\nWe will carry out planned maintenance. Expect short interruptions during this window:\n\n");
            for (ZoneId z : zones(w, s)) {
                sb.append("- ").append(inZone(w, z)).append('\n');
            }
            sb.append("- UTC: ").append(w.start()).append(" – ").append(w.end()).append("\n\n");
        }
        return sb.toString();
    }

    /** The same announcement as a small HTML page. */
    public static String html(List<AnnouncedWindow> windows, AnnounceSettings s) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<!-- written by Lowtide from plan ").append(escapeHtml(s.planName().replace("--", "- -")))
                .append(" -->\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>").append(escapeHtml(s.title()))
                .append("</title></head>\n<body>\n<h1>").append(escapeHtml(s.title())).append("</h1>\n");
        if (windows.isEmpty()) {
            sb.append("<p>No maintenance is planned.</p>\n");
        }
        for (AnnouncedWindow w : windows) {
            sb.append("<h2>Window ").append(w.rank());
            w.change().ifPresent(c -> sb.append(": ").append(escapeHtml(c)));
            sb.append("</h2>\n<p>We will carry out planned maintenance. Expect short interruptions during this"
                    + " window:</p>\n<ul>\n");
            for (ZoneId z : zones(w, s)) {
                sb.append("  <li>").append(escapeHtml(inZone(w, z))).append("</li>\n");
            }
            sb.append("  <li>UTC: <time datetime=\"").append(w.start()).append("\">").append(w.start())
                    .append("</time> – <time datetime=\"").append(w.end()).append("\">").append(w.end())
                    .append("</time></li>\n</ul>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String escapeMarkdown(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]#<>|])", "\\\\$1");
    }

    /** JSON as indented text with a final newline. */
    public static String text(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
