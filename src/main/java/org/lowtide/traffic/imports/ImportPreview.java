package org.lowtide.traffic.imports;

import java.util.List;
import java.util.Objects;

/**
 * The start of a file as the import dialog shows it before importing.
 *
 * @param name     the file name
 * @param size     the file size in bytes
 * @param encoding the text encoding detected, e.g. {@code "UTF-8 with BOM"}
 * @param format   the format detection expects ({@link ImportFormat#CSV} for any delimited text)
 * @param lines    the first lines as text (long lines cut)
 */
public record ImportPreview(String name, long size, String encoding, ImportFormat format, List<String> lines) {

    public ImportPreview {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(format, "format");
        lines = List.copyOf(lines);
    }
}
