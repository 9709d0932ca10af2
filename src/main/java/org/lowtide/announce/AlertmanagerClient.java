package org.lowtide.announce;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lowtide.traffic.sources.PrometheusConnection;

/**
 * The Alertmanager v2 API's silences: {@code GET /api/v2/silences}, {@code POST /api/v2/silences}
 * (with an id to update) and {@code DELETE /api/v2/silence/{id}} (expires it). Credentials go in the
 * {@code Authorization} header (bearer or basic, for an Alertmanager behind a proxy or with
 * {@code --web.config.file}). Thread-safe.
 */
public final class AlertmanagerClient {

    /** A silence as Alertmanager holds it. */
    public record Existing(Silence silence, String state) {
        public boolean expired() {
            return "expired".equals(state);
        }
    }

    private final HttpJson http;

    /** @param base the Alertmanager's URL, e.g. {@code http://alertmanager:9093} (with its path prefix if any) */
    public AlertmanagerClient(String base, PrometheusConnection connection) throws AnnounceException {
        if (!base.matches("(?i)https?://.+")) {
            throw new AnnounceException("'" + base + "' is not an Alertmanager URL; write it as http://host:9093");
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        connection.auth().header().ifPresent(h -> headers.put("Authorization", h));
        this.http = new HttpJson("Alertmanager", base, connection, headers);
    }

    /** @return the URL, without a trailing slash */
    public String base() {
        return http.base();
    }

    /** Every silence the Alertmanager holds, by id (expired ones too, until it forgets them). */
    public Map<String, Existing> silences() throws AnnounceException, InterruptedException {
        HttpJson.Answer a = http.send("GET", "/api/v2/silences", Optional.empty());
        if (a.status() == 401 || a.status() == 403) {
            throw new AnnounceException(http.refused("list its silences", a, errorText(a)) + "; set"
                    + " LOWTIDE_ALERTMANAGER_TOKEN (or LOWTIDE_ALERTMANAGER_USER and _PASSWORD) or give"
                    + " --alertmanager-token-file FILE");
        }
        if (a.status() != 200) {
            throw new AnnounceException(http.refused("list its silences", a, errorText(a)));
        }
        JsonNode root = a.json();
        if (!root.isArray()) {
            throw new AnnounceException("the answer of " + base() + "/api/v2/silences is not a list of silences; is"
                    + " this an Alertmanager (version 0.16 or later)?");
        }
        Map<String, Existing> out = new HashMap<>();
        for (JsonNode n : root) {
            try {
                List<Matcher> matchers = new ArrayList<>();
                for (JsonNode m : n.path("matchers")) {
                    matchers.add(new Matcher(m.path("name").asText(), Matcher.Op.of(m.path("isRegex").asBoolean(),
                            m.path("isEqual").asBoolean(true)), m.path("value").asText()));
                }
                String id = n.path("id").asText();
                Silence s = new Silence(Optional.of(id), matchers, Instant.parse(n.path("startsAt").asText()),
                        Instant.parse(n.path("endsAt").asText()), n.path("createdBy").asText(),
                        n.path("comment").asText());
                out.put(id, new Existing(s, n.path("status").path("state").asText()));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // a silence we cannot read (made by a tool with other rules) is not one of ours
            }
        }
        return out;
    }

    /**
     * Creates a silence, or updates the one of its id. Alertmanager may answer with a new id (an
     * update that changes the matchers, or of a silence that expired, replaces it).
     *
     * @return the id Alertmanager gave
     */
    public String post(Silence silence) throws AnnounceException, InterruptedException {
        HttpJson.Answer a = http.send("POST", "/api/v2/silences", Optional.of(Announcements.silenceJson(silence)));
        if (a.status() != 200) {
            throw new AnnounceException(http.refused(silence.id().isPresent() ? "update silence " + silence.id().get()
                    : "create a silence", a, errorText(a)));
        }
        String id = a.json().path("silenceID").asText("");
        if (id.isEmpty()) {
            throw new AnnounceException("Alertmanager answered without a silence id; is " + base()
                    + " an Alertmanager?");
        }
        return id;
    }

    /** Expires a silence; one already gone is fine. */
    public void expire(String id) throws AnnounceException, InterruptedException {
        if (!id.matches("[A-Za-z0-9-]+")) {
            throw new AnnounceException("'" + id + "' is not a silence id");
        }
        HttpJson.Answer a = http.send("DELETE", "/api/v2/silence/" + id, Optional.empty());
        if (a.status() != 200 && a.status() != 404) {
            throw new AnnounceException(http.refused("expire silence " + id, a, errorText(a)));
        }
    }

    /** Alertmanager's errors are a JSON string, or plain text. */
    private static String errorText(HttpJson.Answer a) {
        JsonNode n = a.json();
        return n.isTextual() ? n.asText() : n.isNull() ? "" : n.toString();
    }
}
