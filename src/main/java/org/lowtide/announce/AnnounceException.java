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

    private transient java.util.List<AnnounceState.Entry> partial;

    /**
     * @return what one place holds after a failure part way (what was done before it, and what was
     *         there already), to keep in the plan file so that the next try updates instead of adding;
     *         null when nothing was done there
     */
    public java.util.List<AnnounceState.Entry> partial() {
        return partial;
    }

    /** This failure, with the entries to keep of the place it happened at. */
    AnnounceException withPartial(java.util.Map<String, AnnounceState.Entry> kept, java.util.List<AnnounceState.Entry> stored) {
        java.util.List<AnnounceState.Entry> out = new java.util.ArrayList<>(kept.values());
        stored.stream().filter(e -> !kept.containsKey(e.key())).forEach(out::add);
        this.partial = java.util.List.copyOf(out);
        return this;
    }
}
