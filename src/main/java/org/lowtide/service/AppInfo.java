package org.lowtide.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of Lowtide. */
public final class AppInfo {

    private static final String VERSION = loadVersion();

    private AppInfo() {
    }

    /** @return the version from the build (the pom), e.g. {@code 0.1.0-SNAPSHOT} */
    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/org/lowtide/lowtide.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
