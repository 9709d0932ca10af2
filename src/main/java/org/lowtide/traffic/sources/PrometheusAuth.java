package org.lowtide.traffic.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials for a Prometheus server: none, a bearer token, or a user and password (basic auth).
 * Read from the environment or a file, never from a command-line argument; never saved. Its
 * {@link #toString()} hides the secret.
 */
public final class PrometheusAuth {

    /** Environment variable holding a bearer token. */
    public static final String TOKEN_ENV = "LOWTIDE_PROMETHEUS_TOKEN";
    /** Environment variable holding the basic-auth user. */
    public static final String USER_ENV = "LOWTIDE_PROMETHEUS_USER";
    /** Environment variable holding the basic-auth password. */
    public static final String PASSWORD_ENV = "LOWTIDE_PROMETHEUS_PASSWORD";

    /** No credentials. */
    public static final PrometheusAuth NONE = new PrometheusAuth(Kind.NONE, "", "");

    /** How the server is told who is asking. */
    public enum Kind { NONE, BEARER, BASIC }

    private final Kind kind;
    private final String user;
    private final String secret;

    private PrometheusAuth(Kind kind, String user, String secret) {
        this.kind = kind;
        this.user = user;
        this.secret = secret;
    }

    /** @param token a bearer token (e.g. a service-account token of Grafana Cloud or OpenShift) */
    public static PrometheusAuth bearer(String token) {
        Objects.requireNonNull(token, "token");
        String t = token.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the token is empty");
        }
        if (t.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the token holds spaces or characters a header cannot"
                    + " carry");
        }
        return new PrometheusAuth(Kind.BEARER, "", t);
    }

    /** Basic auth, as Prometheus' {@code --web.config.file} {@code basic_auth_users} checks it. */
    public static PrometheusAuth basic(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("the Prometheus user must not be empty or hold ':'");
        }
        return new PrometheusAuth(Kind.BASIC, user, password);
    }

    /**
     * Credentials from a token file, else the environment: {@value #TOKEN_ENV} (bearer), or
     * {@value #USER_ENV} with {@value #PASSWORD_ENV} (basic).
     *
     * @param tokenFile a file holding a bearer token (surrounding space and a final newline are ignored)
     * @param env       the environment, usually {@link System#getenv()}
     * @throws IOException when the token file cannot be read
     */
    public static PrometheusAuth resolve(Optional<Path> tokenFile, Map<String, String> env) throws IOException {
        return resolve(tokenFile, env, "LOWTIDE_PROMETHEUS", "--prometheus-token-file");
    }

    /**
     * Credentials of another server read the same way (Alertmanager, PagerDuty, Statuspage): from a
     * token file, else {@code PREFIX_TOKEN}, else {@code PREFIX_USER} with {@code PREFIX_PASSWORD}.
     *
     * @param prefix     the variables' prefix, e.g. {@code LOWTIDE_ALERTMANAGER}
     * @param fileOption the token file's option in messages, e.g. {@code --alertmanager-token-file}
     */
    public static PrometheusAuth resolve(Optional<Path> tokenFile, Map<String, String> env, String prefix,
                                         String fileOption) throws IOException {
        if (tokenFile.isPresent()) {
            Path file = tokenFile.get();
            try {
                return bearer(Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new IOException(fileOption + ": no such file: " + file.toAbsolutePath(), e);
            } catch (IllegalArgumentException e) {
                throw new IOException(fileOption + " " + file + ": " + e.getMessage(), e);
            }
        }
        String token = env.get(prefix + "_TOKEN");
        if (token != null && !token.isBlank()) {
            try {
                return bearer(token);
            } catch (IllegalArgumentException e) {
                throw new IOException(prefix + "_TOKEN: " + e.getMessage(), e);
            }
        }
        String user = env.get(prefix + "_USER");
        if (user != null && !user.isBlank()) {
            String password = env.getOrDefault(prefix + "_PASSWORD", "");
            try {
                return basic(user, password);
            } catch (IllegalArgumentException e) {
                throw new IOException(prefix + "_USER: " + e.getMessage(), e);
            }
        }
        return NONE;
    }

    public Kind kind() {
        return kind;
    }

    /** @return the basic-auth user (empty otherwise); not a secret */
    public String user() {
        return user;
    }

    /** @return the value of the {@code Authorization} header, when there are credentials */
    public Optional<String> header() {
        switch (kind) {
            case BEARER:
                return Optional.of("Bearer " + secret);
            case BASIC:
                return Optional.of("Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
            default:
                return Optional.empty();
        }
    }

    /**
     * The {@code Authorization} header of a token in another service's scheme, e.g.
     * {@code "Token token="} (PagerDuty) or {@code "OAuth "} (Statuspage); basic auth stays basic.
     */
    public Optional<String> header(String tokenScheme) {
        return kind == Kind.BEARER ? Optional.of(tokenScheme + secret) : header();
    }

    /** @return what kind of credentials, never the secret */
    @Override
    public String toString() {
        switch (kind) {
            case BEARER:
                return "bearer token (hidden)";
            case BASIC:
                return "basic auth as " + user + " (password hidden)";
            default:
                return "no credentials";
        }
    }
}
