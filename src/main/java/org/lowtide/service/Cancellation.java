package org.lowtide.service;

/** Asked between steps of long work whether to stop. */
@FunctionalInterface
public interface Cancellation {

    /** Never cancels. */
    Cancellation NEVER = () -> false;

    boolean isCancelled();

    /** @throws CancelledException when cancelled */
    default void check() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
