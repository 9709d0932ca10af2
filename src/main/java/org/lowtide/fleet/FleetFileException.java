package org.lowtide.fleet;

import java.io.IOException;

/** A fleet input that cannot be read, with the file and line where that is known. */
public final class FleetFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param where   file and line, e.g. {@code fleet.yaml line 12}
     * @param message what is wrong and what is accepted
     */
    public FleetFileException(String where, String message) {
        super(where + ": " + message);
    }
}
