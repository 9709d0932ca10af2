package org.lowtide.traffic.imports;

/**
 * Hears how far an import has come and may stop it. Called on the importing thread, every few
 * hundred kilobytes; a UI must hop to its own thread itself. When {@link #isCancelled()} turns
 * true the import stops with a {@link java.util.concurrent.CancellationException}.
 */
public interface ImportMonitor {

    /** Hears nothing and never cancels. */
    ImportMonitor NONE = new ImportMonitor() {
        @Override
        public void progress(double fraction) {
            // nobody listens
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param fraction of the input read so far, in [0, 1]; -1 while unknown */
    void progress(double fraction);

    /** @return whether to stop */
    boolean isCancelled();
}
