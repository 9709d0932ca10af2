package org.lowtide.service;

import java.io.IOException;
import java.nio.file.Path;
import org.lowtide.project.AtomicFiles;

/**
 * Writing what the user exports (charts, PDFs, tables, calendars, components): the one way the
 * GUI and the CLI write a file, atomically through {@link AtomicFiles}, so that the rules for
 * writing change in one place.
 */
public final class Exports {

    private Exports() {
    }

    /** Writes text as UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        AtomicFiles.writeString(target, text);
    }

    /** Writes bytes, atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        AtomicFiles.write(target, bytes);
    }

    /** Writes what {@code writer} writes to a stream, atomically. */
    public static void write(Path target, AtomicFiles.Writer writer) throws IOException {
        AtomicFiles.write(target, writer);
    }

    /** Writes text as UTF-8, atomically, replacing an existing file only where {@code guard} allows. */
    public static void writeString(Path target, String text, AtomicFiles.Guard guard) throws IOException {
        AtomicFiles.writeString(target, text, guard);
    }

    /** Writes what {@code writer} writes, atomically, replacing an existing file only where {@code guard} allows. */
    public static void write(Path target, AtomicFiles.Writer writer, AtomicFiles.Guard guard) throws IOException {
        AtomicFiles.write(target, writer, guard);
    }

    /** Replaces only a file this kind of output of Lowtide wrote (it carries {@code marker}), or any with {@code force}. */
    public static AtomicFiles.Guard ownOutput(boolean force, String marker) {
        return AtomicFiles.ownOutput(force, marker);
    }

    /** Writes only a new file, or replaces any with {@code force}. */
    public static AtomicFiles.Guard newFileOnly(boolean force) {
        return AtomicFiles.newFileOnly(force);
    }

    /** Replaces only a PDF report Lowtide made, or any with {@code force}. */
    public static AtomicFiles.Guard pdfReport(boolean force) {
        return AtomicFiles.pdfReport(force);
    }

    /** Checks up front, before any work, that {@code target} may be written under {@code guard}. */
    public static void checkWritable(Path target, AtomicFiles.Guard guard) throws IOException {
        AtomicFiles.checkWritable(target, guard);
    }

    /** A file problem in Lowtide's words (no Java class names). */
    public static String describe(IOException e) {
        return AtomicFiles.describe(e);
    }
}
