package org.lowtide.service;

/**
 * Hears how far long work has come. Called on the worker's thread: a UI must hop to its own
 * thread itself.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Hears nothing. */
    ProgressListener NONE = (fraction, message) -> { };

    /**
     * @param fraction done so far, in [0, 1]
     * @param message  what is being done, for a status line
     */
    void progress(double fraction, String message);
}
