package org.lowtide.ui.prometheus;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lowtide.service.PrometheusCredentials;

/**
 * The credential choices the GUI offers wherever it signs in to Prometheus: a token file (its path
 * remembered per server), a typed token, a typed user and password, or none of these (the
 * environment's, as on the command line); and whether to skip the certificate check. The typed
 * secrets live only here, for the session.
 */
public final class CredentialsModel {

    private final TokenFiles memory;
    private final StringProperty tokenFile = new SimpleStringProperty(this, "tokenFile", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure", false);

    public CredentialsModel(TokenFiles memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /** @return the credentials the fields describe */
    public PrometheusCredentials credentials() {
        String file = tokenFile.get() == null ? "" : tokenFile.get().trim();
        return new PrometheusCredentials(file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file)), token.get(),
                user.get(), password.get(), insecure.get());
    }

    /** Offers the token file last used for {@code server}, unless one is chosen already. */
    public void recall(String server) {
        if (tokenFile.get() == null || tokenFile.get().isBlank()) {
            memory.remembered(server).ifPresent(f -> tokenFile.set(f.toString()));
        }
    }

    /** Remembers the chosen token file (its path only) for {@code server}. */
    public void remember(String server) {
        memory.remember(server, credentials().tokenFile());
    }

    /** @return every field, to listen to */
    List<Observable> fields() {
        return List.of(tokenFile, token, user, password, insecure);
    }

    public StringProperty tokenFileProperty() {
        return tokenFile;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty insecureProperty() {
        return insecure;
    }
}
