package org.lowtide.announce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.sources.PrometheusClient;
import org.lowtide.traffic.sources.PrometheusConnection;

/**
 * JSON over HTTP to one service (java.net.http): fixed headers on every request, answers as status
 * and text, and the ways a server cannot be reached said in words. No retries: a create repeated
 * after a lost answer would make two. Thread-safe.
 */
final class HttpJson {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status and body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.getNodeFactory().textNode(body);
            }
        }
    }

    private final String service;
    private final String base;
    private final PrometheusConnection connection;
    private final Map<String, String> headers;
    private final HttpClient http;

    /**
     * @param service the service's name in messages ("Alertmanager")
     * @param base    the base URL, no trailing slash
     * @param headers sent with every request (credentials among them; never printed)
     */
    HttpJson(String service, String base, PrometheusConnection connection, Map<String, String> headers)
            throws AnnounceException {
        this.service = service;
        this.base = base.replaceAll("/+$", "");
        this.connection = connection;
        this.headers = new LinkedHashMap<>(headers);
        try {
            this.http = PrometheusClient.httpClient(this.base, connection);
        } catch (ImportException e) {
            throw new AnnounceException(e.getMessage(), e);
        }
    }

    String base() {
        return base;
    }

    /** Sends {@code method path} with {@code body} (JSON) and returns the answer, whatever its status. */
    Answer send(String method, String path, Optional<JsonNode> body) throws AnnounceException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new AnnounceException("'" + base + path + "' is not a URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(connection.timeout())
                .header("User-Agent", "Lowtide");
        headers.forEach(request::header);
        if (body.isPresent()) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body.get().toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body() == null ? "" : r.body());
        } catch (HttpConnectTimeoutException e) {
            throw new AnnounceException("cannot reach " + service + " at " + base + ": the connection timed out; check"
                    + " the URL and that it is reachable from here (firewall, VPN, proxy)");
        } catch (HttpTimeoutException e) {
            throw new AnnounceException(service + " at " + base + " gave no answer within "
                    + connection.timeout().toSeconds() + " s; nothing more was sent");
        } catch (ConnectException e) {
            throw new AnnounceException("cannot reach " + service + " at " + base + ": connection refused; is it"
                    + " running there, and is the URL right?");
        } catch (SSLHandshakeException e) {
            throw new AnnounceException("TLS handshake with " + base + " failed (" + e.getMessage() + "); if the"
                    + " server uses a private CA, give it with the CA option");
        } catch (IOException e) {
            if (e.getCause() instanceof UnknownHostException || e instanceof UnknownHostException) {
                throw new AnnounceException("cannot reach " + service + ": unknown host " + uri.getHost()
                        + "; check the URL");
            }
            throw new AnnounceException("cannot talk to " + service + " at " + base + ": " + e.getMessage());
        }
    }

    /** A refusal in words: the status's meaning and the server's own text, shortened. */
    String refused(String what, Answer a, String serverText) {
        String why;
        switch (a.status()) {
            case 400:
            case 422:
                why = "refused the request as invalid";
                break;
            case 401:
                why = "refused the credentials (401)";
                break;
            case 403:
                why = "does not allow this with these credentials (403)";
                break;
            case 404:
                why = "has no such thing there (404; check the URL, page or id)";
                break;
            case 429:
                why = "asks to slow down (429); try again in a minute";
                break;
            default:
                why = a.status() >= 500 ? "failed on its side (" + a.status() + "); try again later"
                        : "answered " + a.status();
        }
        String text = serverText.strip().replaceAll("\\s+", " ");
        if (text.length() > 300) {
            text = text.substring(0, 300) + "…";
        }
        return service + " " + why + " when asked to " + what + (text.isEmpty() ? "" : ": \"" + text + "\"");
    }
}
