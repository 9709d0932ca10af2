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

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlanFiles() {
    }

    /** Writes {@code dto} to {@code target} atomically. */
    public static void save(PlanFileDto dto, Path target) throws IOException {
        AtomicFiles.write(target, out -> MAPPER.writeValue(out, dto));
    }

    /** Reads a plan file, migrating older schema versions in memory. */
    public static PlanFileDto load(Path file) throws PlanFileException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new PlanFileException(name + ": file not found");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PlanFileException(name + (at == null ? "" : ": line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": not a Lowtide plan file (damaged JSON: " + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new PlanFileException(name + ": not a Lowtide plan file (expected a JSON object)");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version < 0) {
            throw new PlanFileException(name + ": not a Lowtide plan file (no schemaVersion)");
        }
        if (version > SCHEMA_VERSION) {
            throw new PlanFileException(name + ": written by a newer Lowtide (" + root.path("writtenBy").asText("?")
                    + ", schema " + version + "); this version reads schema " + SCHEMA_VERSION + " and older");
        }
        ObjectNode migrated = migrate((ObjectNode) root, version);
        try {
            return MAPPER.treeToValue(migrated, PlanFileDto.class);
        } catch (JsonProcessingException e) {
            throw new PlanFileException(name + ": damaged plan file: " + e.getOriginalMessage(), e);
        }
    }

    /** Brings an older document up to {@link #SCHEMA_VERSION}; each step is one version. */
    static ObjectNode migrate(ObjectNode root, int version) {
        // Schema 1 is the first; later versions add their steps here (version 1 → 2, 2 → 3, …).
        root.put("schemaVersion", SCHEMA_VERSION);
        return root;
    }
}
