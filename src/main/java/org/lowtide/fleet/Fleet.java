package org.lowtide.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The services to plan together and the rules between them.
 *
 * @param members the services, each name once
 * @param rules   the fleet's rules; every group names services of {@code members}
 * @param origin  where the fleet was read from, for messages and outputs (a Prometheus fleet: server and query)
 * @param notes   what reading the fleet warned of (e.g. series a Prometheus query returned without the service
 *                label), shown with the fleet plan's warnings
 */
public record Fleet(List<FleetMember> members, FleetRules rules, String origin, List<String> notes) {

    /** A fleet read without notes. */
    public Fleet(List<FleetMember> members, FleetRules rules, String origin) {
        this(members, rules, origin, List.of());
    }

    public Fleet {
        members = List.copyOf(members);
        notes = List.copyOf(notes);
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(origin, "origin");
        if (members.isEmpty()) {
            throw new IllegalArgumentException(origin + ": the fleet has no service");
        }
        Set<String> names = new HashSet<>();
        for (FleetMember m : members) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException(m.origin() + ": service " + m.name() + " is named twice");
            }
        }
        for (DependencyGroup g : rules.groups()) {
            for (String m : g.members()) {
                if (!names.contains(m)) {
                    throw new IllegalArgumentException(origin + ": group " + g.name() + " names " + m
                            + ", which is no service of the fleet");
                }
            }
        }
        double shares = members.stream().filter(m -> m.revenueShare().isPresent())
                .mapToDouble(m -> m.revenueShare().getAsDouble()).sum();
        if (shares > 1 + 1e-6) {
            throw new IllegalArgumentException(origin + ": the services' revenue shares add up to "
                    + String.format(java.util.Locale.ROOT, "%.3f", shares) + ", more than 1");
        }
    }

    /** @return the member of that name */
    public java.util.Optional<FleetMember> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * @return the share of the fleet's revenue a member earns: its own, or an equal part of what the
     *         members with a share leave
     */
    public double shareOf(FleetMember m) {
        if (m.revenueShare().isPresent()) {
            return m.revenueShare().getAsDouble();
        }
        long without = members.stream().filter(x -> x.revenueShare().isEmpty()).count();
        double given = members.stream().filter(x -> x.revenueShare().isPresent())
                .mapToDouble(x -> x.revenueShare().getAsDouble()).sum();
        return Math.max(0, 1 - given) / without;
    }
}
