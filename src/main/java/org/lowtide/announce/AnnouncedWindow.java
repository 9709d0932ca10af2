package org.lowtide.announce;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One planned window as it is announced.
 *
 * @param key    what names it across re-planning: its change when the plan was for named changes,
 *               else its rank ({@code window-1}); an announcement of the same key is updated, not repeated
 * @param rank   the plan's rank, 1 for the best
 * @param start  when it starts
 * @param end    when it ends (the end of the rollback tail, when the user chose to include it)
 * @param zone   the plan's zone, for offsets
 * @param change the named change, when there is one
 */
public record AnnouncedWindow(String key, int rank, Instant start, Instant end, ZoneId zone, Optional<String> change) {

    public AnnouncedWindow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(change, "change");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window must end after it starts");
        }
    }
}
