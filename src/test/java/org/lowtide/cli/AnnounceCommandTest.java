package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.announce.AnnounceFixtures.berlin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.announce.AnnounceFixtures;

/**
 * {@code lowtide announce}: the files without any network, usage errors, and the requests
 * {@code --send} makes to PagerDuty and Statuspage, checked on a local HTTP stub (method, path,
 * headers, body) that answers as their API references document.
 */
class AnnounceCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer stub;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    /** One request the stub received. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> String.join(",", e.getValue())).orElse(null);
        }

        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    /** Starts the stub; {@code answer} gives status and body for each request. */
    private String stub(Function<Request, Object[]> answer) throws Exception {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(r);
            Object[] a = answer.apply(r);
            byte[] bytes = ((String) a[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) a[0], bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        stub.start();
        return "http://127.0.0.1:" + stub.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    private Path plan(Duration d, java.time.ZonedDateTime... starts) throws Exception {
        return AnnounceFixtures.save(AnnounceFixtures.plan(d, starts), dir.resolve("team.lowtide"));
    }

    private Path token(String name, String value) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, value + "\n");
        return f;
    }

    @Test
    void filesAreWrittenWithoutAnyNetwork() throws Exception {
        Path plan = plan(Duration.ofHours(2), berlin(3, 28, 1, 30), berlin(4, 3, 2, 0));
        Path out = dir.resolve("announce");
        CliRun run = CliRun.of("announce", plan.toString(), "--out", out.toString(), "--matcher", "service=\"shop\"",
                "--matcher", "env=~\"prod|staging\"", "--pagerduty", "--pagerduty-service", "PIJ90N7",
                "--statuspage", "abc123", "--reader-zone", "America/New_York", "--reader-zone", "Europe/Berlin",
                "--title", "Database upgrade", "--created-by", "ops");
        assertThat(run.code()).as(run.err()).isEqualTo(0);
        JsonNode silences = JSON.readTree(out.resolve("alertmanager-silences.json").toFile());
        assertThat(silences).hasSize(2);
        assertThat(silences.get(0).path("startsAt").asText()).isEqualTo("2027-03-28T00:30:00Z");
        assertThat(silences.get(0).path("matchers").get(1).path("isRegex").asBoolean()).isTrue();
        JsonNode pd = JSON.readTree(out.resolve("pagerduty-maintenance-windows.json").toFile());
        assertThat(pd.get(0).path("maintenance_window").path("end_time").asText()).isEqualTo("2027-03-28T04:30:00+02:00");
        JsonNode sp = JSON.readTree(out.resolve("statuspage-incidents.json").toFile());
        assertThat(sp.get(1).path("incident").path("status").asText()).isEqualTo("scheduled");
        assertThat(Files.readString(out.resolve("announcement.md"))).contains("# Database upgrade",
                "Saturday 27 March 2027, 20:30 EDT – 22:30 EDT (America/New_York)",
                "Sunday 28 March 2027, 01:30 CET – 04:30 CEST (Europe/Berlin)");
        assertThat(Files.readString(out.resolve("announcement.html"))).contains("<h1>Database upgrade</h1>");
        assertThat(Files.readString(plan)).doesNotContain("announced"); // files only: nothing to remember

        // again: our own files are replaced; a foreign file is refused without --force
        assertThat(CliRun.of("announce", plan.toString(), "--out", out.toString()).code()).isEqualTo(0);
        Files.writeString(out.resolve("announcement.md"), "my notes\n");
        CliRun refused = CliRun.of("announce", plan.toString(), "--out", out.toString());
        assertThat(refused.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("announcement.md").contains("--force");
        assertThat(Files.readString(out.resolve("announcement.md"))).isEqualTo("my notes\n");
        assertThat(CliRun.of("announce", plan.toString(), "--out", out.toString(), "--force").code()).isEqualTo(0);
    }

    @Test
    void usageErrorsSayWhatToChange() throws Exception {
        Path plan = plan(Duration.ofHours(1), berlin(4, 10, 3, 0));
        CliRun nothing = CliRun.of("announce", plan.toString());
        assertThat(nothing.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(nothing.err()).contains("say where to announce");
        CliRun badMatcher = CliRun.of("announce", plan.toString(), "--alertmanager", "http://127.0.0.1:1",
                "--matcher", "service");
        assertThat(badMatcher.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(badMatcher.err()).contains("--matcher", "service=\\\"shop\\\"".replace("\\", ""));
        CliRun everything = CliRun.of("announce", plan.toString(), "--alertmanager", "http://127.0.0.1:1",
                "--matcher", "env=~\".*\"");
        assertThat(everything.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(everything.err()).contains("quiet all alerts");
        CliRun noService = CliRun.of("announce", plan.toString(), "--pagerduty", "--send");
        assertThat(noService.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(noService.err()).contains("--pagerduty-service");
        CliRun noPlan = CliRun.of("announce", dir.resolve("missing.lowtide").toString(), "--out", dir.toString());
        assertThat(noPlan.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(noPlan.err()).contains("missing.lowtide", "not found");
    }

    @Test
    void pagerDutySendMakesTheDocumentedRequestsAndRemembersThem() throws Exception {
        AtomicInteger ids = new AtomicInteger();
        String api = stub(r -> r.method().equals("POST")
                ? new Object[] {201, "{\"maintenance_window\":{\"id\":\"PW" + ids.incrementAndGet()
                        + "\",\"type\":\"maintenance_window\"}}"}
                : r.method().equals("DELETE") ? new Object[] {204, ""}
                : new Object[] {200, "{\"maintenance_window\":{\"id\":\"" + r.path().replaceAll(".*/", "") + "\"}}"});
        Path plan = plan(Duration.ofHours(2), berlin(3, 28, 1, 30), berlin(4, 3, 2, 0));
        Path token = token("pd.token", "y_NbAkKc66ryYTWUXYEu");
        Path out = dir.resolve("out");
        List<String> args = List.of("announce", plan.toString(), "--pagerduty", "--pagerduty-service", "PIJ90N7",
                "--pagerduty-from", "ops@example.com", "--pagerduty-token-file", token.toString(),
                "--pagerduty-api", api, "--send", "--out", out.toString(), "--json");
        CliRun first = CliRun.of(args);
        assertThat(first.code()).as(first.err()).isEqualTo(0);
        assertThat(requests).hasSize(2);
        JsonNode bodies = JSON.readTree(out.resolve("pagerduty-maintenance-windows.json").toFile());
        for (int i = 0; i < 2; i++) {
            Request r = requests.get(i);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/maintenance_windows");
            assertThat(r.header("Authorization")).isEqualTo("Token token=y_NbAkKc66ryYTWUXYEu");
            assertThat(r.header("Accept")).isEqualTo("application/vnd.pagerduty+json;version=2");
            assertThat(r.header("From")).isEqualTo("ops@example.com");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.json()).as("exactly the body written to the file").isEqualTo(bodies.get(i));
        }
        JsonNode report = JSON.readTree(first.out());
        assertThat(report.path("actions")).hasSize(2);
        assertThat(report.path("actions").get(0).path("action").asText()).isEqualTo("created");
        assertThat(report.path("saved").asBoolean()).isTrue();
        assertThat(Files.readString(plan)).contains("\"pagerduty\"", "PW1", "PW2").doesNotContain("y_NbAkKc66ryYTWUXYEu");

        // again: nothing is sent
        requests.clear();
        CliRun again = CliRun.of(args);
        assertThat(again.code()).isEqualTo(0);
        assertThat(requests).isEmpty();
        assertThat(JSON.readTree(again.out()).path("actions").get(0).path("action").asText()).isEqualTo("unchanged");

        // re-planned window 1, window 2 removed: PUT the first, DELETE the second
        AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(3), berlin(3, 28, 1, 30)), plan);
        CliRun replanned = CliRun.of(args);
        assertThat(replanned.code()).as(replanned.err()).isEqualTo(0);
        assertThat(requests).extracting(r -> r.method() + " " + r.path())
                .containsExactly("PUT /maintenance_windows/PW1", "DELETE /maintenance_windows/PW2");
        assertThat(requests.get(0).json().path("maintenance_window").path("end_time").asText())
                .isEqualTo("2027-03-28T05:30:00+02:00");
        assertThat(requests.get(1).body()).isEmpty();
        assertThat(Files.readString(plan)).contains("PW1").doesNotContain("PW2");
    }

    @Test
    void whatWasSentBeforeAFailureIsKeptSoTheNextTryDoesNotRepeatIt() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        String api = stub(r -> {
            int n = posts.incrementAndGet();
            if (n == 2 && failing.get()) {
                return new Object[] {503, "{\"error\":{\"message\":\"Service Unavailable\",\"code\":5000}}"};
            }
            return new Object[] {201, "{\"maintenance_window\":{\"id\":\"PW" + n + "\"}}"};
        });
        Path plan = plan(Duration.ofHours(2), berlin(3, 28, 1, 30), berlin(4, 3, 2, 0));
        List<String> args = List.of("announce", plan.toString(), "--pagerduty", "--pagerduty-service", "PIJ90N7",
                "--pagerduty-from", "ops@example.com", "--pagerduty-token-file", token("t", "abc").toString(),
                "--pagerduty-api", api, "--send");
        CliRun failed = CliRun.of(args);
        assertThat(failed.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(failed.err()).contains("PagerDuty failed on its side (503)", "Service Unavailable");
        assertThat(Files.readString(plan)).contains("PW1");
        failing.set(false);
        requests.clear();
        CliRun retried = CliRun.of(args);
        assertThat(retried.code()).as(retried.err()).isEqualTo(0);
        assertThat(requests).extracting(r -> r.method() + " " + r.path()).containsExactly("POST /maintenance_windows");
        assertThat(requests.get(0).json().path("maintenance_window").path("start_time").asText())
                .isEqualTo("2027-04-03T02:00:00+02:00");
        assertThat(Files.readString(plan)).contains("PW1", "PW3");
    }

    @Test
    void alertmanagerDryRunAsksButPostsNothingAndCredentialsGoInTheHeader() throws Exception {
        String am = stub(r -> r.method().equals("GET") ? new Object[] {200, "[]"}
                : new Object[] {200, "{\"silenceID\":\"6f1a9c2e-0000-4000-8000-000000000001\"}"});
        Path plan = plan(Duration.ofHours(2), berlin(3, 28, 1, 30));
        byte[] before = Files.readAllBytes(plan);
        Path token = token("am.token", "am-bearer-1");
        CliRun dry = CliRun.of("announce", plan.toString(), "--alertmanager", am, "--matcher", "service=\"shop\"",
                "--alertmanager-token-file", token.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.err()).isEqualTo(0);
        assertThat(requests).extracting(r -> r.method() + " " + r.path()).containsExactly("GET /api/v2/silences");
        assertThat(requests.get(0).header("Authorization")).isEqualTo("Bearer am-bearer-1");
        assertThat(dry.out()).contains("dry run", "window-1 would be created", "\"startsAt\" : \"2027-03-28T00:30:00Z\"");
        assertThat(Files.readAllBytes(plan)).isEqualTo(before);

        requests.clear();
        CliRun real = CliRun.of("announce", plan.toString(), "--alertmanager", am, "--matcher", "service=\"shop\"",
                "--alertmanager-token-file", token.toString(), "--json");
        assertThat(real.code()).as(real.err()).isEqualTo(0);
        assertThat(requests).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /api/v2/silences", "POST /api/v2/silences");
        JsonNode posted = requests.get(1).json();
        assertThat(posted.has("id")).isFalse();
        assertThat(posted.path("matchers").get(0).path("value").asText()).isEqualTo("shop");
        assertThat(posted.path("endsAt").asText()).isEqualTo("2027-03-28T02:30:00Z");
        JsonNode report = JSON.readTree(real.out());
        assertThat(report.path("actions").get(0).path("id").asText()).isEqualTo("6f1a9c2e-0000-4000-8000-000000000001");
        assertThat(Files.readString(plan)).contains("6f1a9c2e-0000-4000-8000-000000000001").doesNotContain("am-bearer-1");
    }

    @Test
    void refusedAlertmanagerCredentialsAreSaidInWords() throws Exception {
        String am = stub(r -> new Object[] {401, "Unauthorized"});
        Path plan = plan(Duration.ofHours(2), berlin(3, 28, 1, 30));
        CliRun run = CliRun.of("announce", plan.toString(), "--alertmanager", am, "--matcher", "service=\"shop\"");
        assertThat(run.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("Alertmanager refused the credentials (401)", "Unauthorized",
                "LOWTIDE_ALERTMANAGER_TOKEN")
                .doesNotContain("Exception");
    }

    @Test
    void statuspageSendPostsScheduledIncidentsToThePage() throws Exception {
        String api = stub(r -> new Object[] {201, "{\"id\":\"p31zjtct2jer\",\"name\":\"Planned maintenance\"}"});
        Path plan = plan(Duration.ofHours(2), berlin(3, 28, 1, 30));
        Path token = token("sp.token", "89a229ce1a8dbcf9ff30430fbe35eb4c");
        CliRun run = CliRun.of("announce", plan.toString(), "--statuspage", "kctbh9vrtdwd", "--statuspage-component",
                "8kbf7d35c070", "--statuspage-token-file", token.toString(), "--statuspage-api", api, "--send");
        assertThat(run.code()).as(run.err()).isEqualTo(0);
        assertThat(requests).hasSize(1);
        Request r = requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/pages/kctbh9vrtdwd/incidents");
        assertThat(r.header("Authorization")).isEqualTo("OAuth 89a229ce1a8dbcf9ff30430fbe35eb4c");
        JsonNode incident = r.json().path("incident");
        assertThat(incident.path("status").asText()).isEqualTo("scheduled");
        assertThat(incident.path("scheduled_for").asText()).isEqualTo("2027-03-28T00:30:00Z");
        assertThat(incident.path("scheduled_until").asText()).isEqualTo("2027-03-28T02:30:00Z");
        assertThat(incident.path("component_ids").get(0).asText()).isEqualTo("8kbf7d35c070");
        assertThat(run.out()).contains("created (p31zjtct2jer)");
        assertThat(Files.readString(plan)).contains("kctbh9vrtdwd", "p31zjtct2jer");
    }

    @Test
    void apiErrorsAreShownInPlainWords() throws Exception {
        String error;
        try (InputStream in = getClass().getResourceAsStream("/org/lowtide/announce/pagerduty-error.json")) {
            error = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String body = error;
        String api = stub(r -> new Object[] {400, body});
        Path plan = plan(Duration.ofHours(2), berlin(3, 28, 1, 30));
        CliRun run = CliRun.of("announce", plan.toString(), "--pagerduty", "--pagerduty-service", "PIJ90N7",
                "--pagerduty-from", "ops@example.com", "--pagerduty-token-file", token("t", "abc").toString(),
                "--pagerduty-api", api, "--send");
        assertThat(run.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("PagerDuty refused the request as invalid", "Invalid Input Provided",
                "code 2001", "Start time must be before end time.").doesNotContain("Exception", "abc");
        // no token: said before anything is sent
        requests.clear();
        CliRun noFrom = CliRun.of("announce", plan.toString(), "--pagerduty", "--pagerduty-service", "PIJ90N7",
                "--pagerduty-token-file", token("t", "abc").toString(), "--pagerduty-api", api, "--send");
        assertThat(noFrom.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(noFrom.err()).contains("--pagerduty-from");
        assertThat(requests).isEmpty();
    }
}
