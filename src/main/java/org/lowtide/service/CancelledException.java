package org.lowtide.service;

/** Long work stopped because it was cancelled; nothing it would have produced exists. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
