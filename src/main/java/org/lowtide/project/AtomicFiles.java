package org.lowtide.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every file Lowtide writes (plans, reports, charts, calendars, CSV) goes through here.
 *
 * <p>The writing policy (README, design notes):
 * <ul>
 *   <li>A regular file is written to a temporary file in its folder, which is then moved over it in
 *       one step: a crash, a full disk or a cancelled report never leaves half a file where the
 *       user's old one was. The temporary file is held under a lock while it is written; the next
 *       save to the same name removes temporary files that no running save holds (left by a
 *       {@code kill -9} or a power cut).</li>
 *   <li>An existing file is replaced only when the {@link Guard} allows it (Lowtide wrote it, or
 *       the user said {@code --force} or confirmed a save dialog); a read-only file is never
 *       replaced; a replaced file keeps its permissions.</li>
 *   <li>A symbolic link is written through (the file it points to is replaced, the link stays); a
 *       device, a FIFO or another special file is written through directly (there is nothing to
 *       replace atomically: {@code /dev/full} stays a device and reports its error); a folder is
 *       refused.</li>
 * </ul>
 * Every failure is an {@link OutputFileException} naming the file.
 */
public final class AtomicFiles {

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Decides whether an existing regular file may be replaced. */
    @FunctionalInterface
    public interface Guard {
        /**
         * @param existing an existing regular file (symbolic links already followed)
         * @return {@code null} when it may be replaced, else why not (Lowtide's words, without the file name)
         */
        String refusal(Path existing) throws IOException;
    }

    /** Replaces any writable file: the user confirmed (a save dialog asked, or {@code --force}). */
    public static final Guard CONFIRMED = existing -> null;

    private static final String NOT_OURS = "it exists and was not written by Lowtide; give --force to replace it";

    private AtomicFiles() {
    }

    /**
     * A guard that allows replacing a file whose beginning shows Lowtide wrote it.
     *
     * @param force  whether the user said {@code --force}
     * @param marker text that Lowtide's output of this kind carries in its first 64 KiB
     *               ({@code PRODID:-//Lowtide//}, a header line, …)
     */
    public static Guard ownOutput(boolean force, String marker) {
        if (force) {
            return CONFIRMED;
        }
        return existing -> {
            if (Files.size(existing) == 0) {
                return null; // an empty file holds nothing to lose
            }
            return head(existing, 1 << 16).contains(marker) ? null : NOT_OURS;
        };
    }

    /** A guard that replaces nothing that exists, unless the user said {@code --force}. */
    public static Guard newFileOnly(boolean force) {
        return force ? CONFIRMED : existing -> Files.size(existing) == 0 ? null : NOT_OURS;
    }

    /** Guards a PDF report: Lowtide's reports name it as their creator. */
    public static Guard pdfReport(boolean force) {
        if (force) {
            return CONFIRMED;
        }
        return existing -> {
            long size = Files.size(existing);
            if (size == 0) {
                return null;
            }
            try (InputStream in = Files.newInputStream(existing)) {
                byte[] start = in.readNBytes(5);
                if (!new String(start, StandardCharsets.ISO_8859_1).equals("%PDF-") || size > 512L << 20) {
                    return NOT_OURS;
                }
            }
            // The document information (Creator "Lowtide …") is written uncompressed.
            try (InputStream in = Files.newInputStream(existing)) {
                byte[] needle = "Lowtide".getBytes(StandardCharsets.ISO_8859_1);
                byte[] buf = new byte[1 << 16];
                byte[] carry = new byte[0];
                int n;
                while ((n = in.read(buf)) > 0) {
                    byte[] window = new byte[carry.length + n];
                    System.arraycopy(carry, 0, window, 0, carry.length);
                    System.arraycopy(buf, 0, window, carry.length, n);
                    if (indexOf(window, needle) >= 0) {
                        return null;
                    }
                    carry = java.util.Arrays.copyOfRange(window, Math.max(0, window.length - needle.length), window.length);
                }
            }
            return NOT_OURS;
        };
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String head(Path file, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
        }
    }

    /** Writes bytes to {@code target} atomically; the user confirmed replacing it. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Writes UTF-8 text to {@code target} atomically; the user confirmed replacing it. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes UTF-8 text to {@code target} atomically, replacing an existing file only when {@code guard} allows. */
    public static void writeString(Path target, String content, Guard guard) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes), guard);
    }

    /** Streams content to {@code target}; the user confirmed replacing it (a save dialog asked). */
    public static void write(Path target, Writer writer) throws IOException {
        write(target, writer, CONFIRMED);
    }

    /**
     * Checks up front, before any work, that {@code target} may be written under {@code guard}
     * (commands call this for every output before they compute, so no output is half-made).
     *
     * @throws OutputFileException saying why not
     */
    public static void checkWritable(Path target, Guard guard) throws IOException {
        resolve(target, guard);
    }

    /**
     * Streams content to {@code target} atomically (see the class comment); when {@code writer}
     * throws, the target is left as it was.
     *
     * @throws OutputFileException when the target may not or cannot be written
     */
    public static void write(Path target, Writer writer, Guard guard) throws IOException {
        Resolved r = resolve(target, guard);
        if (r.special) {
            writeThrough(target, r.path, writer);
            return;
        }
        // Two saves of one file in this process take turns: one's clean-up probing the other's new
        // temporary file with tryLock made the other's lock throw OverlappingFileLockException (the
        // JVM's file locks are per process); another process is kept off by the file lock itself.
        synchronized (SAVING.computeIfAbsent(r.path.toAbsolutePath().normalize(), k -> new Object())) {
            writeResolved(target, r, writer);
        }
    }

    /** One object per file saved in this process, to take turns on (a few per run: preferences, plans, exports). */
    private static final java.util.concurrent.ConcurrentHashMap<Path, Object> SAVING =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static void writeResolved(Path target, Resolved r, Writer writer) throws IOException {
        removeAbandonedTemporaries(r.path);
        Path temp;
        try {
            temp = createTemporaryBeside(r.path);
        } catch (IOException e) {
            throw failure(target, e);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            try (OutputStream out = new java.io.BufferedOutputStream(new java.io.FilterOutputStream(
                    java.nio.channels.Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the channel (and its lock) close below, after the move
                }
            }, 1 << 16)) {
                try {
                    writer.writeTo(out);
                    out.flush();
                } catch (IOException e) {
                    if (e instanceof OutputFileException) {
                        throw e;
                    }
                    throw failure(target, e);
                }
            }
            channel.force(true);
            if (r.permissions != null) {
                try {
                    Files.setPosixFilePermissions(temp, r.permissions);
                } catch (UnsupportedOperationException | IOException e) {
                    // keep the default permissions where the file system has none
                }
            }
            try {
                try {
                    Files.move(temp, r.path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, r.path, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw failure(target, e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private record Resolved(Path path, boolean special, Set<PosixFilePermission> permissions) {
    }

    private static Resolved resolve(Path target, Guard guard) throws IOException {
        Path path = target;
        if (Files.isSymbolicLink(target)) {
            try {
                path = target.toRealPath();
            } catch (NoSuchFileException e) {
                throw new OutputFileException(display(target) + ": cannot write: it is a symbolic link to a missing file");
            } catch (IOException e) {
                throw failure(target, e);
            }
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new OutputFileException(display(target) + ": cannot write: " + display(dir) + " is not a folder");
            }
            return new Resolved(path, false, null);
        }
        if (Files.isDirectory(path)) {
            throw new OutputFileException(display(target) + ": cannot write: it is a folder; name a file");
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Resolved(path, true, null); // a device or a FIFO: written through, never replaced
        }
        Set<PosixFilePermission> permissions = null;
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            permissions = Files.getPosixFilePermissions(path);
        }
        // isWritable is true for root on any file: the owner's write bit says what the user meant
        if (!Files.isWritable(path) || (permissions != null && !permissions.contains(PosixFilePermission.OWNER_WRITE))) {
            throw new OutputFileException(display(target) + ": not replaced: the file is read-only");
        }
        String refusal;
        try {
            refusal = guard.refusal(path);
        } catch (IOException e) {
            throw new OutputFileException(display(target) + ": not replaced: it cannot be read to check it ("
                    + reason(e) + ")", e);
        }
        if (refusal != null) {
            throw new OutputFileException(display(target) + ": not replaced: " + refusal);
        }
        return new Resolved(path, false, permissions);
    }

    private static void writeThrough(Path target, Path path, Writer writer) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(
                Files.newOutputStream(path, StandardOpenOption.WRITE), 1 << 16)) {
            writer.writeTo(out);
        } catch (OutputFileException e) {
            throw e;
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /** Removes temporary files of earlier saves of this target that no running save holds. */
    private static void removeAbandonedTemporaries(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        Pattern ours = temporaryName(target);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "." + globQuote(target.getFileName().toString()) + ".*.tmp")) {
            for (Path p : entries) {
                if (!ours.matcher(p.getFileName().toString()).matches()
                        || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    FileLock lock = ch.tryLock();
                    if (lock != null) {
                        Files.deleteIfExists(p); // nobody is writing it: a leftover of a killed save
                        lock.release();
                    }
                } catch (OverlappingFileLockException | IOException e) {
                    // held by a save in this process, or not ours to remove: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning is a courtesy; the save goes on
        }
    }

    static Pattern temporaryName(Path target) {
        return Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.[0-9a-f]{1,16}\\.tmp");
    }

    private static String globQuote(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
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

    private static OutputFileException failure(Path target, IOException e) {
        return new OutputFileException(display(target) + ": cannot write: " + reason(e), e);
    }

    /**
     * An I/O failure in plain words, naming the file where the failure names one (no Java class
     * names): {@code "data.csv: no such file"}.
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            String why = e instanceof NoSuchFileException ? "no such file" : reason(e);
            return fse.getFile() + ": " + why;
        }
        return reason(e);
    }

    /** The reason of an I/O failure in plain words (no Java class names). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(Locale.ROOT);
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "input/output error";
        }
        return m.replaceAll("^[a-z]+(\\.[a-zA-Z0-9_$]+)+:\\s*", "");
    }

    private static String display(Path p) {
        return p.toString();
    }
}
