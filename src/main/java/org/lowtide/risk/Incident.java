package org.lowtide.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One incident as the export states it.
 *
 * @param id       the tool's id or number; empty when the export has none
 * @param start    when the incident began (or was opened, where the tool records no impact start)
 * @param detected when it was noticed, where the export says so (Opsgenie's impact detect date, a
 *                 generic {@code detected} column)
 * @param end      when service was restored; empty for an open incident
 * @param service  the service it concerns; empty when the export does not say
 * @param cause    the cause as written (e.g. {@code deploy}, {@code hardware}); empty when unknown
 * @param line     the line of the export the incident starts on
 */
public record Incident(String id, Instant start, Optional<Instant> detected, Optional<Instant> end, String service,
                       String cause, long line) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(cause, "cause");
        end.ifPresent(e -> {
            if (e.isBefore(start)) {
                throw new IllegalArgumentException("an incident cannot end (" + e + ") before it starts (" + start + ")");
            }
        });
    }

    /** @return whether the incident is still open */
    public boolean isOpen() {
        return end.isEmpty();
    }

    /** @return time from start to detection, where both are known and in order */
    public Optional<Duration> detection() {
        return detected.filter(d -> !d.isBefore(start) && end.map(e -> !d.isAfter(e)).orElse(true))
                .map(d -> Duration.between(start, d));
    }

    /** @return time from detection (or the start, when detection is unknown) to the end; empty while open */
    public Optional<Duration> restore() {
        Instant from = detection().isPresent() ? detected.get() : start;
        return end.map(e -> Duration.between(from, e));
    }

    /**
     * @return whether the stated cause names a change (deploy, release, rollout, config, migration,
     *         rollback, code, change); empty when no cause is stated
     */
    public Optional<Boolean> causedByChange() {
        if (cause.isBlank()) {
            return Optional.empty();
        }
        String c = cause.toLowerCase(java.util.Locale.ROOT);
        for (String word : new String[] {"deploy", "release", "rollout", "roll-out", "config", "migration", "rollback",
            "code", "change", "upgrade", "feature flag", "bug"}) {
            if (c.contains(word)) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }
}
