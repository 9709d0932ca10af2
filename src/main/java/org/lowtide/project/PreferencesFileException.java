package org.lowtide.project;

/** A preferences file cannot be read: the message says which file, where, and what is wrong. */
public final class PreferencesFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public PreferencesFileException(String message) {
        super(message);
    }

    public PreferencesFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
