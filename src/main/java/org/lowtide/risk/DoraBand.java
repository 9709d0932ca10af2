package org.lowtide.risk;

import java.time.Duration;

/**
 * The DORA 2023 software delivery performance cluster a team's change failure rate and recovery
 * time fall in ({@link org.lowtide.cost.Citations#DORA_2023}): elite 5 % and under an hour, high
 * 10 % and under a day, medium 15 % and under a day, low 64 % and a day or more. The failure rate
 * is placed at the nearest cluster (boundaries at the midpoints 7.5 %, 12.5 %, 39.5 %), the
 * recovery time by its band (under an hour: elite; under a day: high or medium; else low), and
 * the team falls in the worse of the two.
 */
public enum DoraBand {
    ELITE("elite"), HIGH("high"), MEDIUM("medium"), LOW("low");

    private final String label;

    DoraBand(String label) {
        this.label = label;
    }

    /** @return the band in words */
    public String label() {
        return label;
    }

    /** @return the cluster nearest to a change failure rate */
    public static DoraBand ofFailureRate(double rate) {
        if (rate < 0.075) {
            return ELITE;
        }
        if (rate < 0.125) {
            return HIGH;
        }
        return rate < 0.395 ? MEDIUM : LOW;
    }

    /** @return the best cluster a recovery time allows (HIGH stands for "high or medium") */
    public static DoraBand ofRecovery(Duration recovery) {
        if (recovery.compareTo(Duration.ofHours(1)) < 0) {
            return ELITE;
        }
        return recovery.compareTo(Duration.ofDays(1)) < 0 ? HIGH : LOW;
    }

    /** @return the worse of two bands */
    public DoraBand worse(DoraBand other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
