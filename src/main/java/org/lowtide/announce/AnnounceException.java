package org.lowtide.announce;

/** Announcing failed: a server refused or could not be reached; the message says what to change, in words. */
public final class AnnounceException extends Exception {

    private static final long serialVersionUID = 1L;

    public AnnounceException(String message) {
        super(message);
    }

    public AnnounceException(String message, Throwable cause) {
        super(message, cause);
    }
}
