package org.lowtide.fleet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the fleet optimiser solves: a window (or several) per service from its candidates, under
 * the dependency groups and the on-call capacity.
 *
 * @param services      every service's candidates
 * @param groups        dependency groups over the services' names
 * @param maxConcurrent at most this many services changing (window plus rollback tail) at any moment
 */
public record FleetProblem(List<ServiceOptions> services, List<DependencyGroup> groups, OptionalInt maxConcurrent) {

    public FleetProblem {
        services = List.copyOf(services);
        groups = List.copyOf(groups);
        Objects.requireNonNull(maxConcurrent, "maxConcurrent");
        Map<String, ServiceOptions> byName = new HashMap<>();
        for (ServiceOptions s : services) {
            if (byName.put(s.service(), s) != null) {
                throw new IllegalArgumentException("service " + s.service() + " is named twice");
            }
        }
        if (maxConcurrent.isPresent() && maxConcurrent.getAsInt() < 1) {
            throw new IllegalArgumentException("at most N changes at once needs N ≥ 1, not " + maxConcurrent.getAsInt());
        }
        Set<String> pairsNever = new HashSet<>();
        for (DependencyGroup g : groups) {
            for (String m : g.members()) {
                if (!byName.containsKey(m)) {
                    throw new IllegalArgumentException("group " + g.name() + " names " + m + ", which is no service of the fleet");
                }
            }
            if (g.kind() == GroupKind.ALWAYS_TOGETHER) {
                int changes = byName.get(g.members().get(0)).changes();
                for (String m : g.members()) {
                    if (byName.get(m).changes() != changes) {
                        throw new IllegalArgumentException("group " + g.name() + " is always-together, so its services need"
                                + " the same number of changes");
                    }
                }
            } else {
                for (String a : g.members()) {
                    for (String b : g.members()) {
                        if (!a.equals(b)) {
                            pairsNever.add(a + "\u0000" + b);
                        }
                    }
                }
            }
        }
        for (DependencyGroup g : groups) {
            if (g.kind() == GroupKind.ALWAYS_TOGETHER) {
                for (String a : g.members()) {
                    for (String b : g.members()) {
                        if (!a.equals(b) && pairsNever.contains(a + "\u0000" + b)) {
                            throw new IllegalArgumentException(a + " and " + b + " must change together (group " + g.name()
                                    + ") and never together (another group): no plan can do both");
                        }
                    }
                }
            }
        }
    }

    /** @return the service of that name */
    public ServiceOptions service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
}
