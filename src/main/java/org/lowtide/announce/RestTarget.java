package org.lowtide.announce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lowtide.traffic.sources.PrometheusAuth;
import org.lowtide.traffic.sources.PrometheusConnection;

/**
 * A service that keeps one object per announced window, created with POST, changed with PUT or
 * PATCH and removed with DELETE: PagerDuty's maintenance windows (REST API v2) and Statuspage's
 * scheduled incidents. Errors are told in words, with the service's own message.
 */
public final class RestTarget {

    /** PagerDuty's REST API. */
    public static final String PAGERDUTY_API = "https://api.pagerduty.com";
    /** Atlassian Statuspage's API. */
    public static final String STATUSPAGE_API = "https://api.statuspage.io";

    private final AnnounceState.Kind kind;
    private final String endpoint;
    private final HttpJson http;
    private final String collection;
    private final String updateMethod;
    private final String objectName;

    private RestTarget(AnnounceState.Kind kind, String endpoint, HttpJson http, String collection, String updateMethod,
                       String objectName) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.http = http;
        this.collection = collection;
        this.updateMethod = updateMethod;
        this.objectName = objectName;
    }

    /**
     * PagerDuty: {@code Authorization: Token token=…}, {@code Accept: application/vnd.pagerduty+json;version=2}
     * and {@code From:} a user's email (required to create maintenance windows).
     *
     * @param api  the API's URL ({@link #PAGERDUTY_API}; another for tests or a proxy)
     * @param from the email of a PagerDuty user, the {@code From} header
     */
    public static RestTarget pagerDuty(String api, PrometheusAuth token, String from, PrometheusConnection connection)
            throws AnnounceException {
        if (token.kind() != PrometheusAuth.Kind.BEARER) {
            throw new AnnounceException("sending to PagerDuty needs an API token: set LOWTIDE_PAGERDUTY_TOKEN or give"
                    + " --pagerduty-token-file FILE");
        }
        if (from == null || !from.matches("[^@\\s]+@[^@\\s]+")) {
            throw new AnnounceException("PagerDuty needs the email of one of its users in the From header: give"
                    + " --pagerduty-from EMAIL");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", token.header("Token token=").orElseThrow());
        headers.put("Accept", "application/vnd.pagerduty+json;version=2");
        headers.put("From", from);
        return new RestTarget(AnnounceState.Kind.PAGERDUTY, api, new HttpJson("PagerDuty", check(api), connection,
                headers), "/maintenance_windows", "PUT", "maintenance_window");
    }

    /**
     * Statuspage: {@code Authorization: OAuth …}, incidents of one page.
     *
     * @param pageId the page's id (from the page's API settings)
     */
    public static RestTarget statuspage(String api, String pageId, PrometheusAuth token, PrometheusConnection connection)
            throws AnnounceException {
        if (token.kind() != PrometheusAuth.Kind.BEARER) {
            throw new AnnounceException("sending to Statuspage needs an API key: set LOWTIDE_STATUSPAGE_TOKEN or give"
                    + " --statuspage-token-file FILE");
        }
        if (!pageId.matches("[A-Za-z0-9]+")) {
            throw new AnnounceException("'" + pageId + "' is not a Statuspage page id (letters and digits)");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", token.header("OAuth ").orElseThrow());
        headers.put("Accept", "application/json");
        return new RestTarget(AnnounceState.Kind.STATUSPAGE, pageId, new HttpJson("Statuspage", check(api), connection,
                headers), "/v1/pages/" + pageId + "/incidents", "PATCH", "incident");
    }

    private static String check(String api) throws AnnounceException {
        try {
            URI u = URI.create(api);
            if (u.getScheme() == null || !u.getScheme().matches("(?i)https?") || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return api;
        } catch (IllegalArgumentException e) {
            throw new AnnounceException("'" + api + "' is not an API URL (https://…)");
        }
    }

    public AnnounceState.Kind kind() {
        return kind;
    }

    /** @return which account or page, as kept in the plan file */
    public String endpoint() {
        return endpoint;
    }

    /** @return the name in messages, e.g. "PagerDuty https://api.pagerduty.com" */
    public String name() {
        return (kind == AnnounceState.Kind.PAGERDUTY ? "PagerDuty " : "Statuspage page ") + endpoint;
    }

    /** Creates the object; @return its id */
    public String create(ObjectNode body) throws AnnounceException, InterruptedException {
        HttpJson.Answer a = http.send("POST", collection, Optional.of(body));
        if (a.status() != 200 && a.status() != 201) {
            throw new AnnounceException(http.refused("create a " + words(), a, errorText(a.json())));
        }
        String id = a.json().path(objectName).path("id").asText(a.json().path("id").asText(""));
        if (id.isEmpty()) {
            throw new AnnounceException(name() + " answered without the new " + words() + "'s id");
        }
        return id;
    }

    /** Changes the object of {@code id} to {@code body}. @return false when it is gone (then create it anew) */
    public boolean update(String id, ObjectNode body) throws AnnounceException, InterruptedException {
        HttpJson.Answer a = http.send(updateMethod, collection + "/" + pathId(id), Optional.of(body));
        if (a.status() == 404) {
            return false;
        }
        if (a.status() / 100 != 2) {
            throw new AnnounceException(http.refused("change " + words() + " " + id, a, errorText(a.json())));
        }
        return true;
    }

    /** Removes the object of {@code id} (PagerDuty ends an ongoing window); one already gone is fine. */
    public void remove(String id) throws AnnounceException, InterruptedException {
        HttpJson.Answer a = http.send("DELETE", collection + "/" + pathId(id), Optional.empty());
        if (a.status() / 100 != 2 && a.status() != 404) {
            throw new AnnounceException(http.refused("remove " + words() + " " + id, a, errorText(a.json())));
        }
    }

    private String words() {
        return kind == AnnounceState.Kind.PAGERDUTY ? "maintenance window" : "scheduled incident";
    }

    private static String pathId(String id) throws AnnounceException {
        if (!id.matches("[A-Za-z0-9_-]+")) {
            throw new AnnounceException("'" + id + "' is not an id this service gives");
        }
        return id;
    }

    /**
     * The service's error in words: PagerDuty's {@code {"error":{"message","code","errors":[…]}}},
     * Statuspage's {@code {"error": "…"}} or {@code {"error": ["…"]}}, or the text itself.
     */
    static String errorText(JsonNode n) {
        JsonNode error = n.path("error");
        if (error.isObject()) {
            StringBuilder sb = new StringBuilder(error.path("message").asText(""));
            if (error.has("code")) {
                sb.append(" (code ").append(error.path("code").asText()).append(')');
            }
            for (JsonNode e : error.path("errors")) {
                sb.append(sb.length() == 0 ? "" : "; ").append(e.asText());
            }
            return sb.toString();
        }
        if (error.isArray()) {
            StringBuilder sb = new StringBuilder();
            error.forEach(e -> sb.append(sb.length() == 0 ? "" : "; ").append(e.asText()));
            return sb.toString();
        }
        if (error.isTextual()) {
            return error.asText();
        }
        if (n.has("message")) {
            return n.path("message").asText();
        }
        return n.isTextual() ? n.asText() : n.isNull() || n.isMissingNode() ? "" : n.toString();
    }
}
