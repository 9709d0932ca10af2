package org.lowtide.analysis;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * The local week cut into equal slots, Monday 00:00 first. Maps instants to slots by the wall
 * clock of a zone, so a slot means the same local time in summer and winter.
 *
 * @param zone the zone whose wall clock defines the week
 * @param slot slot width; divides a day and is at least one minute
 */
public record WeekSlots(ZoneId zone, Duration slot) {

    static final long SECONDS_PER_DAY = 86_400L;
    static final long SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;

    public WeekSlots {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(slot, "slot");
        long seconds = slot.getSeconds();
        if (slot.getNano() != 0 || seconds < 60 || SECONDS_PER_DAY % seconds != 0) {
            throw new IllegalArgumentException("a week slot must be whole seconds, at least a minute, and divide a day; was "
                    + slot);
        }
    }

    /** @return the number of slots in a week */
    public int count() {
        return (int) (SECONDS_PER_WEEK / slot.getSeconds());
    }

    /** @return the number of slots in a day */
    public int perDay() {
        return (int) (SECONDS_PER_DAY / slot.getSeconds());
    }

    /** @return the day of week of slot {@code index} */
    public DayOfWeek dayOf(int index) {
        return DayOfWeek.of(Math.floorMod(index, count()) / perDay() + 1);
    }

    /** @return the local time at which slot {@code index} starts */
    public LocalTime timeOf(int index) {
        int inDay = Math.floorMod(index, count()) % perDay();
        return LocalTime.ofSecondOfDay(inDay * slot.getSeconds());
    }

    /** @return the slot index of a local day and time (the slot that contains it) */
    public int indexOf(DayOfWeek day, LocalTime time) {
        return (day.getValue() - 1) * perDay() + (int) (time.toSecondOfDay() / slot.getSeconds());
    }

    /**
     * Maps instants to slots quickly and in order: remembers the zone offset until the next
     * transition, so that walking a series costs one rules lookup per DST change. Not thread-safe.
     */
    public Locator locator() {
        return new Locator();
    }

    /** See {@link #locator()}. */
    public final class Locator {
        private final ZoneRules rules = zone.getRules();
        private long validFrom = Long.MAX_VALUE;
        private long validTo = Long.MIN_VALUE;
        private long offsetSeconds;

        /** @return the slot containing the instant at {@code epochSecond} */
        public int slotOf(long epochSecond) {
            if (epochSecond < validFrom || epochSecond >= validTo) {
                Instant instant = Instant.ofEpochSecond(epochSecond);
                offsetSeconds = rules.getOffset(instant).getTotalSeconds();
                ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
                ZoneOffsetTransition next = rules.nextTransition(instant);
                validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
                validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
            }
            long local = epochSecond + offsetSeconds;
            // 1970-01-01 was a Thursday: shift by three days so that Monday is 0.
            long secondOfWeek = Math.floorMod(local + 3 * SECONDS_PER_DAY, SECONDS_PER_WEEK);
            return (int) (secondOfWeek / slot.getSeconds());
        }

        /**
         * @return the number of the local week (Monday to Sunday) containing {@code epochSecond},
         *         counted from the week of 1970-01-01; consecutive weeks have consecutive numbers
         */
        public long weekOf(long epochSecond) {
            slotOf(epochSecond);
            return Math.floorDiv(epochSecond + offsetSeconds + 3 * SECONDS_PER_DAY, SECONDS_PER_WEEK);
        }
    }
}
