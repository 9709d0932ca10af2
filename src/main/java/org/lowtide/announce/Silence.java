package org.lowtide.announce;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Alertmanager silence (the v2 API's {@code postableSilence}).
 *
 * @param id        set to update an existing silence, empty to create one
 * @param matchers  which alerts it quiets
 * @param startsAt  start (UTC)
 * @param endsAt    end (UTC)
 * @param createdBy the author
 * @param comment   why: names the change and the plan
 */
public record Silence(Optional<String> id, List<Matcher> matchers, Instant startsAt, Instant endsAt,
                      String createdBy, String comment) {

    public Silence {
        Objects.requireNonNull(id, "id");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a silence must end after it starts");
        }
    }

    /** @return this silence with {@code newId} (an update of that silence) */
    public Silence withId(String newId) {
        return new Silence(Optional.of(newId), matchers, startsAt, endsAt, createdBy, comment);
    }
}
