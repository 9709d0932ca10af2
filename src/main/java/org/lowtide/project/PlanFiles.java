package org.lowtide.project;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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

    /** Plan files as {@link VersionedJson} reads them. */
    private static final VersionedJson.Kind KIND = new VersionedJson.Kind("plan file", "plan", "plans", SCHEMA_VERSION,
            MAX_BYTES);

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
        return VersionedJson.replaceable(force, KIND, existing -> {
            try {
                load(existing);
                return null;
            } catch (PlanFileException e) {
                return e.getMessage();
            }
        });
    }

    /** Reads a plan file, migrating older schema versions in memory. */
    public static PlanFileDto load(Path file) throws PlanFileException, IOException {
        try {
            ObjectNode root = VersionedJson.read(file, KIND, MAPPER);
            ObjectNode migrated = migrate(root, root.path("schemaVersion").intValue());
            return VersionedJson.bind(file, KIND, MAPPER, migrated, PlanFileDto.class);
        } catch (VersionedJson.Refused e) {
            throw new PlanFileException(e.getMessage(), e.getCause());
        }
    }

    /** Brings an older document up to {@link #SCHEMA_VERSION}; each step is one version. */
    static ObjectNode migrate(ObjectNode root, int version) {
        // Schema 1 is the first; later versions add their steps here (version 1 → 2, 2 → 3, …).
        root.put("schemaVersion", SCHEMA_VERSION);
        return root;
    }
}
