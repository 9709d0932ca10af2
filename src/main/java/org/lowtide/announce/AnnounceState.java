package org.lowtide.announce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What was announced where, kept in the plan file so that announcing again updates or removes
 * instead of adding: per target (an Alertmanager, a PagerDuty account, a Statuspage page) the id
 * the service gave each window.
 *
 * @param targets one per place announced to
 */
public record AnnounceState(List<Target> targets) {

    /** Nothing announced yet. */
    public static final AnnounceState EMPTY = new AnnounceState(List.of());

    public AnnounceState {
        targets = List.copyOf(targets);
    }

    /** What kind of place. */
    public enum Kind { ALERTMANAGER, PAGERDUTY, STATUSPAGE }

    /**
     * @param kind     the service
     * @param endpoint which one: the Alertmanager's URL, the PagerDuty API URL, the Statuspage page id
     * @param entries  what was announced there
     */
    public record Target(Kind kind, String endpoint, List<Entry> entries) {
        public Target {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(endpoint, "endpoint");
            entries = List.copyOf(entries);
        }
    }

    /**
     * @param key    the window's key ({@link AnnouncedWindow#key()})
     * @param id     the id the service gave
     * @param digest a digest of what was sent (to see a change without asking), empty where the
     *               service is asked instead (Alertmanager)
     * @param end    when the announced window ends: once over, the entry is dropped, not removed
     */
    public record Entry(String key, String id, String digest, Instant end) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(end, "end");
        }
    }

    /** @return the entries announced to one target, empty when none */
    public List<Entry> entries(Kind kind, String endpoint) {
        return targets.stream().filter(t -> t.kind() == kind && t.endpoint().equals(endpoint)).findFirst()
                .map(Target::entries).orElse(List.of());
    }

    /** @return this state with one target's entries replaced (the target dropped when none are left) */
    public AnnounceState with(Kind kind, String endpoint, List<Entry> entries) {
        List<Target> out = new ArrayList<>();
        boolean placed = false;
        for (Target t : targets) {
            if (t.kind() == kind && t.endpoint().equals(endpoint)) {
                placed = true;
                if (!entries.isEmpty()) {
                    out.add(new Target(kind, endpoint, entries));
                }
            } else {
                out.add(t);
            }
        }
        if (!placed && !entries.isEmpty()) {
            out.add(new Target(kind, endpoint, entries));
        }
        return new AnnounceState(out);
    }
}
