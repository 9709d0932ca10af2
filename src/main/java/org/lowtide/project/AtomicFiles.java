package org.lowtide.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every file Lowtide writes (plans, reports, charts, calendars, CSV) goes through here: the
 * content is written to a temporary file in the target's folder, which is then moved over the
 * target in one step. A crash, a full disk or a cancelled report therefore never leaves half a
 * file where the user's old one was. The temporary file is created like any other file the user
 * writes (not with {@code Files.createTempFile}'s owner-only permissions) and is removed on failure.
 */
public final class AtomicFiles {

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes bytes to {@code target} atomically. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Writes UTF-8 text to {@code target} atomically. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Streams content to {@code target} atomically; when {@code writer} throws, the target is left
     * as it was.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path temp = createTemporaryBeside(target);
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.WRITE), 1 << 16)) {
                writer.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Creates a new, empty temporary file next to {@code target} (a hidden name ending in {@code .tmp}). */
    private static Path createTemporaryBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
