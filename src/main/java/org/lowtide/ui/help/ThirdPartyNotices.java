package org.lowtide.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The libraries inside Lowtide and their licences, as the build found them: the license plugin
 * writes {@code org/lowtide/third-party.txt} from the runtime dependencies at every build (see the
 * pom), one line per library: {@code (Licence) (Other licence) Name (group:artifact:version - url)}.
 */
public final class ThirdPartyNotices {

    /** The generated list on the class path. */
    static final String RESOURCE = "/org/lowtide/third-party.txt";


    /**
     * One library.
     *
     * @param name        its name, e.g. {@code JFreeChart}
     * @param coordinates {@code group:artifact:version}
     * @param licences    the licences it is offered under, one or more
     * @param url         its home page, empty when the build did not name one
     */
    public record Library(String name, String coordinates, List<String> licences, String url) {
        public Library {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(coordinates, "coordinates");
            licences = List.copyOf(licences);
            url = url == null ? "" : url;
        }

        /** @return the version, the last part of the coordinates */
        public String version() {
            return coordinates.substring(coordinates.lastIndexOf(':') + 1);
        }
    }

    private ThirdPartyNotices() {
    }

    /** @return the libraries of this build; empty when the build made no list (an IDE build without Maven) */
    public static List<Library> load() {
        try (InputStream in = ThirdPartyNotices.class.getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * @return the libraries in the plugin's text; lines of another shape (the heading) are skipped.
     *     Licence names may hold parentheses themselves ("(LGPL), Version 2.1"), so groups are read balanced.
     */
    static List<Library> parse(String text) {
        List<Library> libraries = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (!line.startsWith("(") || !line.endsWith(")")) {
                continue;
            }
            List<String> licences = new ArrayList<>();
            int at = 0;
            while (at < line.length() && line.charAt(at) == '(') {
                int close = closing(line, at);
                if (close < 0) {
                    break;
                }
                licences.add(line.substring(at + 1, close).strip());
                at = close + 1;
                while (at < line.length() && line.charAt(at) == ' ') {
                    at++;
                }
            }
            int open = opening(line, line.length() - 1);
            if (licences.isEmpty() || open <= at) {
                continue;
            }
            String name = line.substring(at, open).strip();
            String[] coordinatesAndUrl = line.substring(open + 1, line.length() - 1).split("\\s+-\\s+", 2);
            if (name.isEmpty() || !coordinatesAndUrl[0].contains(":")) {
                continue;
            }
            libraries.add(new Library(name, coordinatesAndUrl[0].strip(), licences,
                    coordinatesAndUrl.length > 1 ? coordinatesAndUrl[1].strip() : ""));
        }
        return libraries;
    }

    /** @return the index of the ')' that closes the '(' at {@code open}, or -1 */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** @return the index of the '(' that opens the ')' at {@code close}, or -1 */
    private static int opening(String s, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            depth += s.charAt(i) == ')' ? 1 : s.charAt(i) == '(' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
