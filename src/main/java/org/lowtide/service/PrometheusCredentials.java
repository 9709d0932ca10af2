package org.lowtide.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.traffic.sources.PrometheusAuth;
import org.lowtide.traffic.sources.PrometheusConnection;

/**
 * How the GUI signs in to a Prometheus server, the same choices wherever it asks (File → Open from
 * Prometheus…, and reopening a plan made from Prometheus): a typed bearer token, else a typed user
 * and password, else a token file, else the environment ({@value PrometheusAuth#TOKEN_ENV}, or
 * {@value PrometheusAuth#USER_ENV} with {@value PrometheusAuth#PASSWORD_ENV}), as the command line
 * reads them. Only the token file's path may be remembered; its {@link #toString()} hides the secrets.
 *
 * @param tokenFile a file holding a bearer token, when chosen
 * @param token     a typed bearer token, or blank
 * @param user      a typed basic-auth user, or blank
 * @param password  the typed password
 * @param insecure  whether the server's certificate goes unchecked
 */
public record PrometheusCredentials(Optional<Path> tokenFile, String token, String user, String password,
                                    boolean insecure) {

    /** The environment's credentials (none when it has none), certificate checked. */
    public static final PrometheusCredentials ENVIRONMENT =
            new PrometheusCredentials(Optional.empty(), "", "", "", false);

    public PrometheusCredentials {
        Objects.requireNonNull(tokenFile, "tokenFile");
        token = token == null ? "" : token;
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** @return which of the choices these credentials use, in words (no secret) */
    public String choice() {
        if (!token.isBlank()) {
            return "the token typed";
        }
        if (!user.isBlank()) {
            return "user " + user.trim() + " and the password typed";
        }
        return tokenFile.map(f -> "the token in " + f).orElse("the environment's credentials, if any");
    }

    /**
     * @return the connection these credentials make
     * @throws IOException naming the token file or the environment variable when it cannot be used
     */
    public PrometheusConnection connection() throws IOException {
        PrometheusAuth auth;
        if (!token.isBlank() || !user.isBlank()) {
            return PrometheusService.typed(token, user, password, insecure);
        }
        if (tokenFile.isPresent()) {
            try {
                auth = PrometheusAuth.resolve(tokenFile, java.util.Map.of());
            } catch (IOException e) {
                // The command line's wording names its option; the GUI names its field.
                throw new IOException(e.getMessage().replace("--prometheus-token-file", "Token file"), e);
            }
        } else {
            auth = PrometheusAuth.resolve(Optional.empty(), System.getenv());
        }
        return PrometheusConnection.of(auth).withInsecure(insecure);
    }

    @Override
    public String toString() {
        return "PrometheusCredentials[" + choice() + (insecure ? ", insecure" : "") + "]";
    }
}
