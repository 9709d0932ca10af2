package org.lowtide.traffic.sources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.lowtide.traffic.imports.ImportException;

/**
 * Talks to the Prometheus HTTP API ({@code /api/v1/...}) with the JDK's {@link HttpClient}:
 * credentials in the {@code Authorization} header, a custom CA or no checks at all, retries with
 * exponential backoff on 5xx, 429 and timeouts, and messages that say what to change. Thread-safe.
 */
public final class PrometheusClient {

    /** Streaming only: the tree model's ObjectMapper costs half a second to load, more than a fetch. */
    private static final JsonFactory JSON = new JsonFactory();

    private final String base;
    private final String source;
    private final PrometheusConnection connection;
    private final HttpClient http;

    /**
     * @param base   the server's base URL without a trailing slash
     * @param source the source's name in messages
     * @throws ImportException when the CA file cannot be read
     */
    public PrometheusClient(String base, String source, PrometheusConnection connection) throws ImportException {
        this.base = base;
        this.source = source;
        this.connection = connection;
        this.http = httpClient(base, connection);
    }

    /**
     * An HTTP client for a server of {@code connection}'s trust settings (a private CA, or no checks
     * with {@code insecure}); also used to talk to Alertmanager, which is reached the same way.
     *
     * @param base the server's base URL (plain http spares loading the system's CA certificates)
     * @throws ImportException when the CA file cannot be read
     */
    public static HttpClient httpClient(String base, PrometheusConnection connection) throws ImportException {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(Math.min(10, Math.max(1, connection.timeout().toSeconds()))))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (connection.insecure()) {
            builder.sslContext(trustingEverything());
        } else if (connection.caFile().isPresent()) {
            builder.sslContext(trusting(connection.caFile().get()));
        } else if (base.regionMatches(true, 0, "http:", 0, 5)) {
            builder.sslContext(unused()); // plain http: spare loading the system's CA certificates (a few 100 ms)
            builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade offer: servers ignore it or stall on it
        }
        return builder.build();
    }

    /** A JSON answer: its {@code data} as read and the server's {@code warnings}. */
    public record Answer<T>(T data, List<String> warnings) {
    }

    /** Reads an answer's {@code data}; the parser stands on its first token, and must be left on its last. */
    @FunctionalInterface
    public interface DataReader<T> {
        T read(JsonParser parser) throws IOException, ImportException;
    }

    /**
     * GETs an API path and returns its {@code data}, retrying what may pass.
     *
     * @param path   e.g. {@code /api/v1/query_range}
     * @param params query parameters (encoded here)
     * @throws ImportException with the server's error quoted, or why it could not be reached
     */
    public <T> Answer<T> get(String path, Map<String, String> params, DataReader<T> reader)
            throws ImportException, InterruptedException {
        URI uri = URI.create(base + path + query(params));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(connection.timeout())
                .header("Accept", "application/json").header("User-Agent", "Lowtide").GET();
        connection.auth().header().ifPresent(h -> request.header("Authorization", h));
        HttpRequest built = request.build();
        int attempt = 0;
        while (true) {
            String retryable;
            try {
                HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status >= 500 || status == 429) {
                    String error = errorOf(response);
                    retryable = "the server answered " + status + (error.isEmpty() ? "" : " (\"" + error + "\")");
                    if (attempt >= connection.retries()) {
                        throw failure(retryable + " " + (attempt + 1) + " times; try again later, or ask for a"
                                + " shorter --range or a coarser --step");
                    }
                } else {
                    return answer(response, status, reader);
                }
            } catch (HttpConnectTimeoutException e) {
                throw failure("cannot reach " + base + ": the connection timed out; check the URL and that the"
                        + " server is reachable from here (firewall, VPN, proxy)");
            } catch (HttpTimeoutException e) {
                retryable = "no answer within " + connection.timeout().toSeconds() + " s";
                if (attempt >= connection.retries()) {
                    throw failure(retryable + ", " + (attempt + 1) + " times; ask for a shorter --range or a coarser"
                            + " --step, or a simpler query");
                }
            } catch (ConnectException e) {
                throw failure("cannot reach " + base + ": connection refused; is Prometheus running there, and is"
                        + " the URL right (e.g. http://localhost:9090)?");
            } catch (SSLHandshakeException e) {
                throw failure("TLS handshake with " + base + " failed (" + e.getMessage() + "); if the server uses"
                        + " a private CA, give it with --prometheus-ca FILE");
            } catch (IOException e) {
                if (e.getCause() instanceof UnknownHostException || e instanceof UnknownHostException) {
                    throw failure("cannot reach " + base + ": unknown host " + uri.getHost() + "; check the URL");
                }
                retryable = "the connection failed (" + e.getMessage() + ")";
                if (attempt >= connection.retries()) {
                    throw failure("cannot read from " + base + ": " + retryable + ", " + (attempt + 1) + " times");
                }
            }
            long wait = connection.backoff().toMillis() << Math.min(attempt, 16);
            wait += ThreadLocalRandom.current().nextLong(wait / 4 + 1); // jitter, so parallel chunks do not retry in step
            Thread.sleep(wait);
            attempt++;
        }
    }

    private <T> Answer<T> answer(HttpResponse<InputStream> response, int status, DataReader<T> reader)
            throws ImportException {
        if (status == 401 || status == 403) {
            throw failure("the server refused the credentials (" + status + "); set " + PrometheusAuth.TOKEN_ENV
                    + " (or " + PrometheusAuth.USER_ENV + " and " + PrometheusAuth.PASSWORD_ENV
                    + ") or give --prometheus-token-file FILE; was: " + connection.auth());
        }
        String state = null;
        String error = "";
        String type = "";
        T data = null;
        List<String> warnings = new ArrayList<>();
        try (InputStream in = response.body(); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "status":
                        state = p.getValueAsString();
                        break;
                    case "error":
                        error = String.valueOf(p.getValueAsString());
                        break;
                    case "errorType":
                        type = String.valueOf(p.getValueAsString());
                        break;
                    case "warnings":
                        if (value == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                warnings.add(p.getValueAsString());
                            }
                        }
                        break;
                    case "data":
                        if (status == 200) {
                            data = reader.read(p);
                        } else {
                            p.skipChildren();
                        }
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
        } catch (IOException e) {
            if (status == 404) {
                throw failure("no Prometheus API at " + base + " (404); give the server's base URL, e.g."
                        + " http://host:9090 (with its path prefix if it has one)");
            }
            throw failure("the server answered " + status + " with something other than Prometheus JSON; is "
                    + base + " the Prometheus server (not its web UI behind a login page)?");
        }
        if (!"success".equals(state)) {
            if (status == 400 || "bad_data".equals(type)) {
                throw failure("Prometheus refused the query: \"" + error + "\"; correct the PromQL (try it in"
                        + " Prometheus' own Graph page first)");
            }
            if (status == 404) {
                throw failure("no Prometheus API at " + base + " (404); give the server's base URL, e.g."
                        + " http://host:9090 (with its path prefix if it has one)");
            }
            throw failure("Prometheus answered " + status + (type.isEmpty() ? "" : " " + type) + ": \"" + error
                    + "\"");
        }
        if (data == null) {
            throw failure("the server answered " + status + " without data; is " + base + " a Prometheus server?");
        }
        return new Answer<>(data, warnings);
    }

    /** @return the server's error text of a failed answer, or empty */
    private static String errorOf(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(4096);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            try (JsonParser p = JSON.createParser(bytes)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if (field.equals("error")) {
                            return p.getValueAsString();
                        }
                        p.skipChildren();
                    }
                }
            } catch (IOException e) {
                // not JSON (or cut): the text itself, shortened
            }
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Label values, e.g. metric names ({@code __name__}), optionally only of series matching a selector.
     */
    public List<String> labelValues(String label, Optional<String> match) throws ImportException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        match.ifPresent(m -> params.put("match[]", m));
        return get("/api/v1/label/" + URLEncoder.encode(label, StandardCharsets.UTF_8) + "/values", params,
                PrometheusClient::strings).data();
    }

    /** @return the label names of series matching a selector (e.g. a metric name), or of all series */
    public List<String> labelNames(Optional<String> match) throws ImportException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        match.ifPresent(m -> params.put("match[]", m));
        return get("/api/v1/labels", params, PrometheusClient::strings).data();
    }

    private static List<String> strings(JsonParser p) throws IOException {
        List<String> values = new ArrayList<>();
        if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                values.add(p.getValueAsString());
            }
        } else {
            p.skipChildren();
        }
        return values;
    }

    /** @return the server's retention setting as it states it (e.g. {@code 15d}), when it says */
    public Optional<String> retention() {
        try {
            String r = get("/api/v1/status/runtimeinfo", Map.of(), p -> {
                String found = "";
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if (field.equals("storageRetention")) {
                            found = String.valueOf(p.getValueAsString());
                        }
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
                return found;
            }).data();
            return r.isEmpty() ? Optional.empty() : Optional.of(r);
        } catch (ImportException e) {
            return Optional.empty(); // Thanos, Mimir and others may not have it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private ImportException failure(String message) {
        return new ImportException(source, 0, 0, message);
    }

    static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("?");
        params.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    private static SSLContext trusting(Path caFile) throws ImportException {
        try {
            Collection<? extends Certificate> certs;
            try (InputStream in = Files.newInputStream(caFile)) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certs.isEmpty()) {
                throw new ImportException(caFile.toString(), 0, 0, "no certificate in the CA file (expected PEM,"
                        + " -----BEGIN CERTIFICATE-----)");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (NoSuchFileException e) {
            throw new ImportException(caFile.toString(), 0, 0, "--prometheus-ca: no such file");
        } catch (IOException | GeneralSecurityException e) {
            throw new ImportException(caFile.toString(), 0, 0, "cannot read the CA file as PEM certificates: "
                    + e.getMessage());
        }
    }

    /** A TLS context that trusts no one, for a client that only ever speaks plain http. */
    private static SSLContext unused() throws ImportException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ImportException("TLS", 0, 0, "cannot set up TLS: " + e.getMessage());
        }
    }

    /** Trusts every certificate; only for {@code --insecure}, which the faces warn about loudly. */
    private static SSLContext trustingEverything() throws ImportException {
        TrustManager all = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // trusts all: --insecure
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // trusts all: --insecure
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {all}, new SecureRandom());
            // Host names are checked by the HttpClient itself; this JDK property turns that off too.
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
            return context;
        } catch (GeneralSecurityException e) {
            throw new ImportException("TLS", 0, 0, "cannot set up TLS: " + e.getMessage());
        }
    }
}
