package org.lowtide.ui.prometheus;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The token file last used for each Prometheus server, so that File → Open from Prometheus… and
 * reopening a plan made from Prometheus offer it again. Only the file's path is kept (in the
 * user's preferences), never the token itself, and never in a plan file: a path on one computer
 * means nothing on another, while the plan travels.
 */
public interface TokenFiles {

    /** @return the token file last used for {@code server}, when one was */
    Optional<Path> remembered(String server);

    /** Remembers {@code file} for {@code server}; empty forgets it. */
    void remember(String server, Optional<Path> file);

    /** @return the user's preferences (the app) */
    static TokenFiles preferences() {
        Preferences node = Preferences.userRoot().node("org/lowtide/prometheus/token-files");
        return new TokenFiles() {
            @Override
            public Optional<Path> remembered(String server) {
                String path = node.get(key(server), "");
                return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
            }

            @Override
            public void remember(String server, Optional<Path> file) {
                if (file.isPresent()) {
                    node.put(key(server), file.get().toAbsolutePath().toString());
                } else {
                    node.remove(key(server));
                }
            }
        };
    }

    /** @return a memory that lasts as long as the object (tests) */
    static TokenFiles inMemory() {
        Map<String, Path> files = new HashMap<>();
        return new TokenFiles() {
            @Override
            public Optional<Path> remembered(String server) {
                return Optional.ofNullable(files.get(key(server)));
            }

            @Override
            public void remember(String server, Optional<Path> file) {
                if (file.isPresent()) {
                    files.put(key(server), file.get());
                } else {
                    files.remove(key(server));
                }
            }
        };
    }

    /** The server as a preferences key: trimmed, without a final slash, at most 80 characters. */
    static String key(String server) {
        String s = server == null ? "" : server.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() <= Preferences.MAX_KEY_LENGTH ? s
                : s.substring(0, 60) + "#" + Integer.toHexString(s.hashCode());
    }
}
