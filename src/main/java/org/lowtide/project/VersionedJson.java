package org.lowtide.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one reader of Lowtide's own JSON documents (plan files, preferences): checks the file is a
 * readable regular file of sensible size, parses it, and checks its {@code schemaVersion} is one
 * this build reads. Never writes; every refusal is a {@link Refused} whose message names the file,
 * where it can, the line and column, and what is wrong, in words (no Java class names).
 */
final class VersionedJson {

    /**
     * What kind of document is read, for the messages.
     *
     * @param noun     e.g. "plan file"
     * @param thing    what a good one is, e.g. "plan" ("it is not a plan this Lowtide can read")
     * @param plural   what such files hold, e.g. "plans"
     * @param version  the newest schema version this build reads
     * @param maxBytes the largest file read
     */
    record Kind(String noun, String thing, String plural, int version, long maxBytes) {
    }

    /** A document refused, with the message to show. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private VersionedJson() {
    }

    /**
     * Reads the document's JSON object and its schema version (not migrated).
     *
     * @return the root object; {@code schemaVersion} in it is a whole number from 0 to {@code kind.version()}
     */
    static ObjectNode read(Path file, Kind kind, ObjectMapper mapper) throws Refused, IOException {
        String name = name(file);
        if (!Files.exists(file)) {
            throw refused(name + ": file not found", null);
        }
        if (Files.isDirectory(file)) {
            throw refused(name + ": is a folder, not a " + kind.noun(), null);
        }
        if (!Files.isRegularFile(file)) {
            // a FIFO or a device would make us wait or read forever
            throw refused(name + ": is not a regular file (a pipe or a device); " + kind.plural()
                    + " are read from files", null);
        }
        if (!Files.isReadable(file)) {
            throw refused(name + ": cannot read: permission denied", null);
        }
        if (Files.size(file) > kind.maxBytes()) {
            throw refused(name + ": not a Lowtide " + kind.noun() + " (larger than " + (kind.maxBytes() >> 20)
                    + " MiB; " + kind.noun() + "s are small)", null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw refused(name + ": file not found", null);
        } catch (java.nio.file.AccessDeniedException e) {
            throw refused(name + ": cannot read: permission denied", null);
        } catch (JsonProcessingException e) {
            // Jackson's own words name its classes and echo the file; say where, in ours.
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                    ? "nested or sized beyond what a " + kind.noun() + " holds" : "damaged JSON";
            throw refused(name + where + ": not a Lowtide " + kind.noun() + " (" + what + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw refused(name + ": not a Lowtide " + kind.noun() + " (expected a JSON object)", null);
        }
        JsonNode versionNode = root.path("schemaVersion");
        if (versionNode.isMissingNode() || versionNode.isNull()) {
            throw refused(name + ": not a Lowtide " + kind.noun() + " (no schemaVersion)", null);
        }
        if (!versionNode.isIntegralNumber() || versionNode.bigIntegerValue().signum() < 0) {
            throw refused(name + ": damaged " + kind.noun() + ": schemaVersion is not a whole number from 0 up", null);
        }
        if (!versionNode.canConvertToInt() || versionNode.intValue() > kind.version()) {
            throw refused(name + ": written by a newer Lowtide (" + shortText(root.path("writtenBy"))
                    + ", schema " + versionNode.bigIntegerValue() + "); this version reads schema " + kind.version()
                    + " and older", null);
        }
        return (ObjectNode) root;
    }

    /** Binds a (migrated) document to its DTO; a value of the wrong kind is refused naming the field. */
    static <T> T bind(Path file, Kind kind, ObjectMapper mapper, ObjectNode migrated, Class<T> type) throws Refused {
        try {
            return mapper.treeToValue(migrated, type);
        } catch (JsonProcessingException e) {
            throw refused(name(file) + ": damaged " + kind.noun() + ": " + field(e) + " has a value of the wrong kind", e);
        }
    }

    /**
     * A guard that replaces an existing file only when it is a document of this kind that this
     * build reads (or {@code force}); else says why not, without the file's name.
     *
     * @param check reads the file and throws when it is not one
     */
    static AtomicFiles.Guard replaceable(boolean force, Kind kind, Check check) {
        if (force) {
            return AtomicFiles.CONFIRMED;
        }
        return existing -> {
            String why = check.problem(existing);
            if (why == null) {
                return null;
            }
            String name = existing.getFileName() == null ? "" : existing.getFileName().toString() + ": ";
            if (why.startsWith(name)) {
                why = why.substring(name.length());
            }
            return "it is not a " + kind.thing() + " this Lowtide can read (" + why + "); give --force to replace it";
        };
    }

    /** Reads a file; says what is wrong with it, or null when it is fine. */
    @FunctionalInterface
    interface Check {
        String problem(Path existing) throws IOException;
    }

    static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private static Refused refused(String message, Throwable cause) {
        return new Refused(message, cause);
    }

    private static String field(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
            return "'" + sb + "'";
        }
        return "a field";
    }

    /** A short, printable excerpt of a text field (a damaged file's content is not echoed at length). */
    private static String shortText(JsonNode node) {
        String s = node.isTextual() ? node.asText() : "?";
        s = s.replaceAll("[^\\p{Print}]", "?");
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
