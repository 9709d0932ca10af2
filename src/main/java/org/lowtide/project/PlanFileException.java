package org.lowtide.project;

/** A plan file cannot be read: the message says which file, where, and what is wrong. */
public final class PlanFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public PlanFileException(String message) {
        super(message);
    }

    public PlanFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
