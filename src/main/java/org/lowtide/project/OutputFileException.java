package org.lowtide.project;

import java.io.IOException;

/**
 * An output file cannot be written, or Lowtide refuses to replace it (it was not written by
 * Lowtide, it is damaged, newer or read-only). The message names the file and the reason in
 * Lowtide's words; the file on disk is left as it was.
 */
public final class OutputFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutputFileException(String message) {
        super(message);
    }

    public OutputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
