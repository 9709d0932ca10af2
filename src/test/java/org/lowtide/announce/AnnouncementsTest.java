package org.lowtide.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lowtide.announce.AnnounceFixtures.berlin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowtide.planning.Plan;

class AnnouncementsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");

    /** Sunday 28 March 2027, 01:30 CET; two hours of real time end at 04:30 CEST (DST at 02:00). */
    private static final Plan ACROSS_DST = AnnounceFixtures.plan(Duration.ofHours(2), berlin(3, 28, 1, 30),
            berlin(4, 3, 2, 0));

    private static AnnounceSettings settings(String... matchers) {
        List<Matcher> m = new ArrayList<>();
        for (String s : matchers) {
            m.add(Matcher.parse(s));
        }
        return new AnnounceSettings("team.lowtide", "Database upgrade", "ops@example.com", m, false,
                List.of(ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo")), List.of("PIJ90N7", "P2ABCDE"),
                List.of("8kbf7d35c070"));
    }

    private static JsonNode fixture(String name) throws Exception {
        try (InputStream in = AnnouncementsTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }

    /** Field names and JSON types, recursively (arrays by their first element). */
    private static String shape(JsonNode n) {
        if (n.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo);
            for (String f : names) {
                sb.append(f).append(':').append(shape(n.get(f))).append(',');
            }
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            return "[" + (n.isEmpty() ? "" : shape(n.get(0))) + "]";
        }
        return n.getNodeType().name();
    }

    @Test
    void matchersReadAsAmtoolWritesThem() {
        assertThat(Matcher.parse("service=\"shop\"")).isEqualTo(new Matcher("service", Matcher.Op.EQUAL, "shop"));
        assertThat(Matcher.parse("env=~\"prod|staging\"")).isEqualTo(new Matcher("env", Matcher.Op.REGEX, "prod|staging"));
        assertThat(Matcher.parse("team!=db")).isEqualTo(new Matcher("team", Matcher.Op.NOT_EQUAL, "db"));
        assertThat(Matcher.parse(" job !~ \"test.*\" ")).isEqualTo(new Matcher("job", Matcher.Op.NOT_REGEX, "test.*"));
        assertThat(Matcher.parse("msg=\"say \\\"hi\\\"\"").value()).isEqualTo("say \"hi\"");
        assertThat(Matcher.parse("env=~\"prod|staging\"").toString()).isEqualTo("env=~\"prod|staging\"");
        assertThatThrownBy(() -> Matcher.parse("service")).hasMessageContaining("not a matcher");
        assertThatThrownBy(() -> Matcher.parse("1x=\"a\"")).hasMessageContaining("not a label name");
        assertThatThrownBy(() -> Matcher.parse("a=~\"(\"")).hasMessageContaining("regular expression");
        assertThatThrownBy(() -> Matcher.parse("a=\"b")).hasMessageContaining("closing quote");
    }

    @Test
    void aSilenceThatWouldQuietEverythingIsRefused() {
        assertThatThrownBy(() -> settings().requireSilenceable()).hasMessageContaining("at least one matcher");
        assertThatThrownBy(() -> settings("env=~\".*\"", "team!=\"db\"").requireSilenceable())
                .hasMessageContaining("quiet all alerts");
        settings("env=~\".*\"", "service=\"shop\"").requireSilenceable();
    }

    @Test
    void silencesAreInUtcToTheSecondAcrossTheDstChange() throws Exception {
        AnnounceSettings s = settings("service=\"shop\"", "env=~\"prod|staging\"", "team!=\"db\"", "job!~\"test.*\"");
        List<AnnouncedWindow> windows = Announcements.windows(ACROSS_DST, false, NOW);
        assertThat(windows).hasSize(2);
        Silence first = Announcements.silence(windows.get(0), s);
        // 01:30 CET = 00:30Z; two real hours later is 02:30Z = 04:30 CEST (02:00–03:00 local does not exist)
        assertThat(first.startsAt()).isEqualTo(Instant.parse("2027-03-28T00:30:00Z"));
        assertThat(first.endsAt()).isEqualTo(Instant.parse("2027-03-28T02:30:00Z"));
        assertThat(first.comment()).contains("Database upgrade", "team.lowtide", "window 1",
                "2027-03-28T01:30:00+01:00", "2027-03-28T04:30:00+02:00");
        JsonNode file = JSON.readTree(Announcements.silencesFile(List.of(first)));
        assertThat(file.isArray()).isTrue();
        JsonNode j = file.get(0);
        assertThat(shape(j)).isEqualTo(shape(fixture("alertmanager-postable-silence.json")));
        assertThat(j.path("startsAt").asText()).isEqualTo("2027-03-28T00:30:00Z");
        assertThat(j.path("endsAt").asText()).isEqualTo("2027-03-28T02:30:00Z");
        assertThat(j.path("createdBy").asText()).isEqualTo("ops@example.com");
        JsonNode m = j.path("matchers");
        assertThat(m).hasSize(4);
        assertThat(m.get(1).path("isRegex").asBoolean()).isTrue();
        assertThat(m.get(1).path("isEqual").asBoolean()).isTrue();
        assertThat(m.get(2).path("isRegex").asBoolean()).isFalse();
        assertThat(m.get(2).path("isEqual").asBoolean()).isFalse();
        assertThat(m.get(3).path("isRegex").asBoolean()).isTrue();
        assertThat(m.get(3).path("isEqual").asBoolean()).isFalse();
    }

    @Test
    void theRollbackTailIsTheUsersChoice() {
        Instant end = Announcements.windows(ACROSS_DST, false, NOW).get(0).end();
        Instant tail = Announcements.windows(ACROSS_DST, true, NOW).get(0).end();
        assertThat(Duration.between(end, tail)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void windowsAlreadyOverAreLeftOut() {
        assertThat(Announcements.windows(ACROSS_DST, false, Instant.parse("2027-03-30T00:00:00Z")))
                .extracting(AnnouncedWindow::key).containsExactly("window-2");
    }

    @Test
    void pagerDutyBodyHasTheReferenceFieldsAndOffsetsOfEachEnd() throws Exception {
        AnnouncedWindow w = Announcements.windows(ACROSS_DST, false, NOW).get(0);
        ObjectNode body = Announcements.pagerDutyBody(w, settings("service=\"shop\""));
        assertThat(shape(body)).isEqualTo(shape(fixture("pagerduty-create-maintenance-window.json")));
        JsonNode mw = body.path("maintenance_window");
        assertThat(mw.path("type").asText()).isEqualTo("maintenance_window");
        assertThat(mw.path("start_time").asText()).isEqualTo("2027-03-28T01:30:00+01:00");
        assertThat(mw.path("end_time").asText()).isEqualTo("2027-03-28T04:30:00+02:00");
        assertThat(OffsetDateTime.parse(mw.path("end_time").asText()).toInstant()).isEqualTo(w.end());
        assertThat(mw.path("services")).hasSize(2);
        assertThat(mw.path("services").get(1).path("id").asText()).isEqualTo("P2ABCDE");
        assertThat(mw.path("services").get(1).path("type").asText()).isEqualTo("service_reference");
        assertThat(mw.path("description").asText()).contains("team.lowtide");
    }

    @Test
    void statuspageBodyHasTheReferenceFields() throws Exception {
        AnnouncedWindow w = Announcements.windows(ACROSS_DST, false, NOW).get(0);
        ObjectNode body = Announcements.statuspageBody(w, settings("service=\"shop\""));
        assertThat(shape(body)).isEqualTo(shape(fixture("statuspage-create-incident.json")));
        JsonNode i = body.path("incident");
        assertThat(i.path("status").asText()).isEqualTo("scheduled");
        assertThat(Instant.parse(i.path("scheduled_for").asText())).isEqualTo(Instant.parse("2027-03-28T00:30:00Z"));
        assertThat(Instant.parse(i.path("scheduled_until").asText())).isEqualTo(Instant.parse("2027-03-28T02:30:00Z"));
        assertThat(i.path("component_ids").get(0).asText()).isEqualTo("8kbf7d35c070");
        assertThat(i.path("body").asText()).contains("Saturday 27 March 2027, 20:30 EDT – 22:30 EDT (America/New_York)",
                "Sunday 28 March 2027, 09:30 JST – 11:30 JST (Asia/Tokyo)");
        for (Iterator<JsonNode> it = i.path("metadata").elements(); it.hasNext(); ) {
            assertThat(it.next().isObject()).as("Statuspage: top-level metadata values must be objects").isTrue();
        }
    }

    @Test
    void readersSeeEachZonesOwnAbbreviationAtEachEnd() {
        AnnouncedWindow w = Announcements.windows(ACROSS_DST, false, NOW).get(0);
        assertThat(Announcements.inZone(w, AnnounceFixtures.BERLIN))
                .isEqualTo("Sunday 28 March 2027, 01:30 CET – 04:30 CEST (Europe/Berlin)");
        AnnounceSettings s = new AnnounceSettings("team.lowtide", "Shop <maintenance> & more", "ops", List.of(), false,
                List.of(AnnounceFixtures.BERLIN, ZoneId.of("UTC")), List.of(), List.of());
        List<AnnouncedWindow> ws = Announcements.windows(ACROSS_DST, false, NOW);
        String md = Announcements.markdown(ws, s);
        assertThat(md).contains("Lowtide", "# Shop \\<maintenance\\> & more", "## Window 2",
                "- Sunday 28 March 2027, 01:30 CET – 04:30 CEST (Europe/Berlin)",
                "- Sunday 28 March 2027, 00:30 UTC – 02:30 UTC (UTC)");
        String html = Announcements.html(ws, s);
        assertThat(html).contains("<h1>Shop &lt;maintenance&gt; &amp; more</h1>",
                "<li>Sunday 28 March 2027, 01:30 CET – 04:30 CEST (Europe/Berlin)</li>",
                "<time datetime=\"2027-03-28T00:30:00Z\">").doesNotContain("<maintenance>");
    }

    @Test
    void namedChangesAreKeyedByTheirName() {
        Plan p = AnnounceFixtures.plan(Duration.ofHours(1), berlin(3, 10, 2, 0));
        org.lowtide.planning.ChangeWindow w = p.windows().get(0);
        Plan named = new Plan(p.request(), p.unit(), List.of(new org.lowtide.planning.ChangeWindow(1, w.window(),
                w.tailEnd(), w.latestSafeStart(), 1, 1, 1, List.of(), java.util.Optional.of("db-migration"))),
                p.recurring(), p.rejections(), p.medianCandidate(), p.habit(), 1, 1);
        AnnouncedWindow a = Announcements.windows(named, false, NOW).get(0);
        assertThat(a.key()).isEqualTo("change:db-migration");
        assertThat(Announcements.silence(a, settings("service=\"shop\"")).comment()).contains("(change db-migration)");
    }
}
