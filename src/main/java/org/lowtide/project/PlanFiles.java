package org.lowtide.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes plan files ({@code .lowtide}, JSON).
 *
 * <p>Saving is atomic: the JSON goes to a temporary file beside the target, which is then moved
 * over it, so a crash or a full disk never leaves half a file where the user's plan was. Reading
 * never writes: an old file is migrated in memory, a damaged or too-new one is refused with a
 * message, and the file on disk is left as it was.
 */
public final class PlanFiles {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    /** The extension of plan files. */
    public static final String EXTENSION = ".lowtide";

    /** The largest plan file read: plans are a few kilobytes; anything this big is not one. */
    static final long MAX_BYTES = 64L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlanFiles() {
    }

    /**
     * Writes {@code dto} to {@code target} atomically. An existing file is replaced only when it is a
     * plan this version reads, or when {@code force} is set; a damaged, newer, foreign or read-only
     * file is refused and left as it was.
     *
     * @throws OutputFileException when the target is refused or cannot be written
     */
    public static void save(PlanFileDto dto, Path target, boolean force) throws IOException {
        PlanFileDto toWrite = dto;
        if (dto.announced() == null && java.nio.file.Files.isRegularFile(target)) {
            // Saving a plan again over its file keeps what was announced from it, so that announcing
            // the new plan updates those silences and windows instead of adding new ones.
            try {
                PlanFileDto before = load(target);
                if (before.announced() != null) {
                    toWrite = dto.withAnnounced(before.announced());
                }
            } catch (PlanFileException e) {
                // not a plan we read: the guard decides; nothing to keep
            }
        }
        PlanFileDto written = toWrite;
        AtomicFiles.write(target, out -> MAPPER.writeValue(out, written), replaceable(force));
    }

    /** Writes {@code dto} to {@code target}; only a readable plan file is replaced (see {@link #save(PlanFileDto, Path, boolean)}). */
    public static void save(PlanFileDto dto, Path target) throws IOException {
        save(dto, target, false);
    }

    /** The guard for plan files: only a plan this version reads is replaced without {@code --force}. */
    public static AtomicFiles.Guard replaceable(boolean force) {
        if (force) {
            return AtomicFiles.CONFIRMED;
        }
        return existing -> {
            try {
                load(existing);
                return null;
            } catch (PlanFileException e) {
                String why = e.getMessage();
                String name = existing.getFileName() == null ? "" : existing.getFileName().toString() + ": ";
                if (why.startsWith(name)) {
                    why = why.substring(name.length());
                }
                return "it is not a plan this Lowtide can read (" + why + "); give --force to replace it";
            }
        };
    }

    /** Reads a plan file, migrating older schema versions in memory. */
    public static PlanFileDto load(Path file) throws PlanFileException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!java.nio.file.Files.exists(file)) {
            throw new PlanFileException(name + ": file not found");
        }
        if (java.nio.file.Files.isDirectory(file)) {
            throw new PlanFileException(name + ": is a folder, not a plan file");
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            // a FIFO or a device would make us wait or read forever
            throw new PlanFileException(name + ": is not a regular file (a pipe or a device); plans are read from files");
        }
        if (!java.nio.file.Files.isReadable(file)) {
            throw new PlanFileException(name + ": cannot read: permission denied");
        }
        if (java.nio.file.Files.size(file) > MAX_BYTES) {
            throw new PlanFileException(name + ": not a Lowtide plan file (larger than " + (MAX_BYTES >> 20)
                    + " MiB; plan files are small)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new PlanFileException(name + ": file not found");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new PlanFileException(name + ": cannot read: permission denied");
        } catch (JsonProcessingException e) {
            // Jackson's own words name its classes and echo the file; say where, in ours.
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                    ? "nested or sized beyond what a plan file holds" : "damaged JSON";
            throw new PlanFileException(name + where + ": not a Lowtide plan file (" + what + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new PlanFileException(name + ": not a Lowtide plan file (expected a JSON object)");
        }
        JsonNode versionNode = root.path("schemaVersion");
        if (versionNode.isMissingNode() || versionNode.isNull()) {
            throw new PlanFileException(name + ": not a Lowtide plan file (no schemaVersion)");
        }
        if (!versionNode.isIntegralNumber() || versionNode.bigIntegerValue().signum() < 0) {
            throw new PlanFileException(name + ": damaged plan file: schemaVersion is not a whole number from 0 up");
        }
        if (!versionNode.canConvertToInt() || versionNode.intValue() > SCHEMA_VERSION) {
            throw new PlanFileException(name + ": written by a newer Lowtide (" + shortText(root.path("writtenBy"))
                    + ", schema " + versionNode.bigIntegerValue() + "); this version reads schema " + SCHEMA_VERSION
                    + " and older");
        }
        int version = versionNode.intValue();
        ObjectNode migrated = migrate((ObjectNode) root, version);
        try {
            return MAPPER.treeToValue(migrated, PlanFileDto.class);
        } catch (JsonProcessingException e) {
            throw new PlanFileException(name + ": damaged plan file: " + field(e) + " has a value of the wrong kind", e);
        }
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

    /** Brings an older document up to {@link #SCHEMA_VERSION}; each step is one version. */
    static ObjectNode migrate(ObjectNode root, int version) {
        // Schema 1 is the first; later versions add their steps here (version 1 → 2, 2 → 3, …).
        root.put("schemaVersion", SCHEMA_VERSION);
        return root;
    }
}
