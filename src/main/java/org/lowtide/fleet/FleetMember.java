package org.lowtide.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;

/**
 * One service of a fleet, as the fleet file (or a folder of files) names it.
 *
 * @param name         the service's name, unique in the fleet
 * @param traffic      its traffic: a file, or the series a Prometheus query fetched for it
 * @param column       the value column to read, when the file has several
 * @param zone         its users' wall clock (empty: the fleet's default zone)
 * @param revenueShare its share of the fleet's revenue, in [0, 1] (empty: an equal share)
 * @param window       its change window's length (empty: the fleet's default)
 * @param staffHours   when its staff may change it (empty: any time)
 * @param blackouts    its own freezes (the fleet's apply too)
 * @param holidays     its holiday calendar, {@code DE} or {@code US-NY} (empty: the fleet's)
 * @param changes      changes to place in the horizon (≥ 1)
 * @param minGap       least time between two of its changes (empty: the fleet's)
 * @param origin       where it was named (file and line), for messages
 */
public record FleetMember(String name, MemberTraffic traffic, Optional<String> column, Optional<ZoneId> zone,
                          OptionalDouble revenueShare, Optional<Duration> window, List<AllowedHours> staffHours,
                          List<Blackout> blackouts, Optional<String> holidays, int changes, Optional<Duration> minGap,
                          String origin) {

    public FleetMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(revenueShare, "revenueShare");
        Objects.requireNonNull(window, "window");
        staffHours = List.copyOf(staffHours);
        blackouts = List.copyOf(blackouts);
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(minGap, "minGap");
        Objects.requireNonNull(origin, "origin");
        if (name.isBlank()) {
            throw new IllegalArgumentException(origin + ": a service needs a name");
        }
        if (revenueShare.isPresent() && !(revenueShare.getAsDouble() >= 0 && revenueShare.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(origin + ": " + name + "'s revenue share must lie between 0 and 1, was "
                    + revenueShare.getAsDouble());
        }
        if (window.isPresent() && (window.get().isNegative() || window.get().isZero())) {
            throw new IllegalArgumentException(origin + ": " + name + "'s window must be positive, was " + window.get());
        }
        if (changes < 1 || changes > 100) {
            throw new IllegalArgumentException(origin + ": " + name + " needs 1 to 100 changes, not " + changes);
        }
        if (minGap.isPresent() && minGap.get().isNegative()) {
            throw new IllegalArgumentException(origin + ": " + name + "'s minimum gap must not be negative");
        }
    }

    /** A service whose traffic is a file. */
    public FleetMember(String name, Path source, Optional<String> column, Optional<ZoneId> zone,
                       OptionalDouble revenueShare, Optional<Duration> window, List<AllowedHours> staffHours,
                       List<Blackout> blackouts, Optional<String> holidays, int changes, Optional<Duration> minGap,
                       String origin) {
        this(name, new MemberTraffic.File(source), column, zone, revenueShare, window, staffHours, blackouts, holidays,
                changes, minGap, origin);
    }

    /** @return its traffic file, when its traffic is a file */
    public Optional<Path> file() {
        return traffic instanceof MemberTraffic.File f ? Optional.of(f.path()) : Optional.empty();
    }

    /** A service read from a file with every setting at the fleet's default. */
    public static FleetMember of(String name, Path source, String origin) {
        return of(name, new MemberTraffic.File(source), origin);
    }

    /** A service with every setting at the fleet's default. */
    public static FleetMember of(String name, MemberTraffic traffic, String origin) {
        return new FleetMember(name, traffic, Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                List.of(), List.of(), Optional.empty(), 1, Optional.empty(), origin);
    }
}
