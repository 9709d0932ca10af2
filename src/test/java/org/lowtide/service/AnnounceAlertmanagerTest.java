package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lowtide.announce.AnnounceFixtures.berlin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.announce.AlertmanagerServer;
import org.lowtide.announce.AnnounceException;
import org.lowtide.announce.AnnounceFixtures;
import org.lowtide.announce.AnnounceSettings;
import org.lowtide.announce.Matcher;
import org.lowtide.announce.SyncAction;

/**
 * Announcing to a real Alertmanager (Debian's 0.25, started on loopback): the silences read back
 * through its API carry the matchers and the windows' start and end to the second, across the
 * DST change; announcing again adds nothing; a re-planned window's silence is updated; a removed
 * window's silence is expired.
 */
class AnnounceAlertmanagerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AlertmanagerServer server;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        AlertmanagerServer.assumeInstalled();
        assertThat(AlertmanagerServer.version()).contains("version 0.25");
        dir = Files.createTempDirectory("lowtide-am");
        server = AlertmanagerServer.start(dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static AnnounceSettings settings(String... matchers) {
        List<Matcher> m = new ArrayList<>();
        for (String s : matchers) {
            m.add(Matcher.parse(s));
        }
        return new AnnounceSettings("team.lowtide", "Database upgrade", "ops@example.com", m, false, List.of(),
                List.of(), List.of());
    }

    private static JsonNode silences() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.url() + "/api/v2/silences")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode silence(String id) throws Exception {
        return StreamSupport.stream(silences().spliterator(), false).filter(s -> s.path("id").asText().equals(id))
                .findFirst().orElseThrow();
    }

    private static long notExpired() throws Exception {
        return StreamSupport.stream(silences().spliterator(), false)
                .filter(s -> !s.path("status").path("state").asText().equals("expired")).count();
    }

    private static String idOf(AnnounceService.Outcome o, String key) {
        return o.actions().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow().id();
    }

    @Test
    void announceReadBackAgainReplanAndRemove() throws Exception {
        AnnounceService service = new AnnounceService();
        Path plan = AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(2), berlin(3, 28, 1, 30),
                berlin(4, 3, 2, 0)), dir.resolve("team.lowtide"));
        AnnounceSettings s = settings("service=\"shop\"", "env=~\"prod|staging\"", "team!=\"db\"", "job!~\"test.*\"");
        AnnounceService.Destinations to = AnnounceService.Destinations.alertmanager(server.url());
        long before = notExpired();

        // a dry run asks but creates nothing and leaves the plan file alone
        byte[] untouched = Files.readAllBytes(plan);
        AnnounceService.Outcome dry = service.send(plan, s, to, true, Instant.now());
        assertThat(dry.count(SyncAction.Kind.CREATED)).isEqualTo(2);
        assertThat(notExpired()).isEqualTo(before);
        assertThat(Files.readAllBytes(plan)).isEqualTo(untouched);

        AnnounceService.Outcome first = service.send(plan, s, to, false, Instant.now());
        assertThat(first.count(SyncAction.Kind.CREATED)).isEqualTo(2);
        assertThat(first.saved()).isTrue();
        assertThat(notExpired()).isEqualTo(before + 2);
        String id1 = idOf(first, "window-1");
        JsonNode one = silence(id1);
        // 01:30 CET on the day clocks go forward, two real hours: 00:30Z to 02:30Z, to the second
        assertThat(Instant.parse(one.path("startsAt").asText())).isEqualTo(Instant.parse("2027-03-28T00:30:00Z"));
        assertThat(Instant.parse(one.path("endsAt").asText())).isEqualTo(Instant.parse("2027-03-28T02:30:00Z"));
        assertThat(one.path("status").path("state").asText()).isEqualTo("pending");
        assertThat(one.path("createdBy").asText()).isEqualTo("ops@example.com");
        assertThat(one.path("comment").asText()).contains("team.lowtide", "window 1", "Database upgrade");
        List<String> matchers = new ArrayList<>();
        for (JsonNode m : one.path("matchers")) {
            matchers.add(new Matcher(m.path("name").asText(), Matcher.Op.of(m.path("isRegex").asBoolean(),
                    m.path("isEqual").asBoolean()), m.path("value").asText()).toString());
        }
        assertThat(matchers).containsExactlyInAnyOrder("service=\"shop\"", "env=~\"prod|staging\"", "team!=\"db\"",
                "job!~\"test.*\"");
        assertThat(Files.readString(plan)).contains("\"announced\"", id1, server.url());

        // again: nothing changes, not even Alertmanager's updatedAt, and the plan file is not rewritten
        String updatedAt = one.path("updatedAt").asText();
        byte[] saved = Files.readAllBytes(plan);
        AnnounceService.Outcome again = service.send(plan, s, to, false, Instant.now());
        assertThat(again.count(SyncAction.Kind.UNCHANGED)).isEqualTo(2);
        assertThat(again.actions()).hasSize(2);
        assertThat(again.saved()).isFalse();
        assertThat(notExpired()).isEqualTo(before + 2);
        assertThat(silence(id1).path("updatedAt").asText()).isEqualTo(updatedAt);
        assertThat(Files.readAllBytes(plan)).isEqualTo(saved);

        // re-planned: window 1 moves to 02:00 on 27 March and is an hour longer; saving the plan keeps the ids
        AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(3), berlin(3, 27, 2, 0), berlin(4, 3, 2, 0)),
                plan);
        AnnounceService.Outcome replanned = service.send(plan, s, to, false, Instant.now());
        assertThat(replanned.count(SyncAction.Kind.UPDATED)).isEqualTo(2); // both an hour longer
        assertThat(notExpired()).isEqualTo(before + 2);
        JsonNode moved = silence(idOf(replanned, "window-1"));
        assertThat(Instant.parse(moved.path("startsAt").asText())).isEqualTo(Instant.parse("2027-03-27T01:00:00Z"));
        assertThat(Instant.parse(moved.path("endsAt").asText())).isEqualTo(Instant.parse("2027-03-27T04:00:00Z"));
        assertThat(idOf(replanned, "window-1")).as("a pending silence is updated in place").isEqualTo(id1);

        // window 2 removed from the plan: its silence is expired
        String id2 = idOf(replanned, "window-2");
        AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(3), berlin(3, 27, 2, 0)), plan);
        AnnounceService.Outcome removed = service.send(plan, s, to, false, Instant.now());
        assertThat(removed.count(SyncAction.Kind.REMOVED)).isEqualTo(1);
        assertThat(removed.count(SyncAction.Kind.UNCHANGED)).isEqualTo(1);
        assertThat(silence(id2).path("status").path("state").asText()).isEqualTo("expired");
        assertThat(notExpired()).isEqualTo(before + 1);
        assertThat(Files.readString(plan)).doesNotContain(id2);

        // and once more: nothing to do
        assertThat(service.send(plan, s, to, false, Instant.now()).count(SyncAction.Kind.UNCHANGED)).isEqualTo(1);
        assertThat(notExpired()).isEqualTo(before + 1);
    }

    @Test
    void changedMatchersReplaceTheSilenceWithoutLeavingTheOldOneActive() throws Exception {
        AnnounceService service = new AnnounceService();
        Path plan = AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(1), berlin(4, 10, 3, 0)),
                dir.resolve("matchers.lowtide"));
        AnnounceService.Destinations to = AnnounceService.Destinations.alertmanager(server.url());
        long before = notExpired();
        String first = idOf(service.send(plan, settings("service=\"shop\""), to, false, Instant.now()), "window-1");
        String second = idOf(service.send(plan, settings("service=\"cart\""), to, false, Instant.now()), "window-1");
        assertThat(notExpired()).isEqualTo(before + 1);
        assertThat(silence(second).path("matchers").get(0).path("value").asText()).isEqualTo("cart");
        if (!second.equals(first)) {
            assertThat(silence(first).path("status").path("state").asText()).isEqualTo("expired");
        }
    }

    @Test
    void anUnreachableAlertmanagerIsSaidInWords() throws Exception {
        Path plan = AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(1), berlin(4, 10, 3, 0)),
                dir.resolve("unreachable.lowtide"));
        int port = org.lowtide.traffic.sources.PrometheusServer.freePort();
        assertThatThrownBy(() -> new AnnounceService().send(plan, settings("service=\"shop\""),
                AnnounceService.Destinations.alertmanager("http://127.0.0.1:" + port), false, Instant.now()))
                .isInstanceOf(AnnounceException.class).hasMessageContaining("connection refused")
                .hasMessageNotContaining("Exception");
    }
}
