package org.lowtide.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of Lowtide. */
public final class AppInfo {

    private static final Properties PROPERTIES = load();
    private static final String VERSION = PROPERTIES.getProperty("version", "unknown");

    private AppInfo() {
    }

    /** @return the version from the build (the pom), e.g. {@code 0.1.0-SNAPSHOT} */
    public static String version() {
        return VERSION;
    }

    /** @return Lowtide's licence as the pom states it (property {@code lowtide.licence}) */
    public static String licence() {
        return PROPERTIES.getProperty("licence", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("/org/lowtide/lowtide.properties")) {
            if (in != null) {
                p.load(in);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
