package org.lowtide.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a fleet plan against the rules, written apart from the optimiser (no code shared with
 * it): every chosen window is one of the service's candidates, a service's own windows keep its
 * gap, never-together groups never overlap, always-together groups start together, and a sweep
 * over all busy spans never finds more than the on-call capacity at once.
 */
public final class FleetChecker {

    private FleetChecker() {
    }

    /** @return every broken rule in plain words; empty when the plan keeps them all */
    public static List<String> violations(FleetProblem problem, FleetSolution solution) {
        List<String> out = new ArrayList<>();
        int missing = 0;
        double total = 0;
        for (ServiceOptions s : problem.services()) {
            List<Candidate> chosen = solution.chosen().getOrDefault(s.service(), List.of());
            if (chosen.size() > s.changes()) {
                out.add(s.service() + " has " + chosen.size() + " windows, asked for " + s.changes());
            }
            missing += Math.max(0, s.changes() - chosen.size());
            for (Candidate c : chosen) {
                total += c.cost();
                if (!s.candidates().contains(c)) {
                    out.add(s.service() + ": window at " + c.start() + " is none of its candidates");
                }
            }
            for (int i = 0; i < chosen.size(); i++) {
                for (int j = i + 1; j < chosen.size(); j++) {
                    Candidate a = chosen.get(i);
                    Candidate b = chosen.get(j);
                    long apart = Math.abs(Duration.between(a.start(), b.start()).getSeconds());
                    if (a.overlaps(b) || apart < s.minGap().getSeconds()) {
                        out.add(s.service() + ": windows at " + a.start() + " and " + b.start() + " are closer than "
                                + s.minGap());
                    }
                }
            }
        }
        for (String name : solution.chosen().keySet()) {
            if (problem.services().stream().noneMatch(s -> s.service().equals(name))) {
                out.add("the plan names " + name + ", which is no service of the fleet");
            }
        }
        if (missing != solution.unplaced()) {
            out.add("the plan says " + solution.unplaced() + " changes are unplaced, but " + missing + " are");
        }
        if (Math.abs(total - solution.totalCost()) > 1e-6 * Math.max(1, Math.abs(total))) {
            out.add(String.format(Locale.ROOT, "the plan's total cost %.6f is not the sum of its windows %.6f",
                    solution.totalCost(), total));
        }
        for (DependencyGroup g : problem.groups()) {
            if (g.kind() == GroupKind.NEVER_TOGETHER) {
                for (int i = 0; i < g.members().size(); i++) {
                    for (int j = i + 1; j < g.members().size(); j++) {
                        for (Candidate a : of(solution, g.members().get(i))) {
                            for (Candidate b : of(solution, g.members().get(j))) {
                                if (a.overlaps(b)) {
                                    out.add("group " + g.name() + ": " + g.members().get(i) + " at " + a.start()
                                            + " overlaps " + g.members().get(j) + " at " + b.start());
                                }
                            }
                        }
                    }
                }
            } else {
                List<Instant> first = starts(of(solution, g.members().get(0)));
                for (String m : g.members()) {
                    if (!starts(of(solution, m)).equals(first)) {
                        out.add("group " + g.name() + ": " + m + " starts at " + starts(of(solution, m)) + ", "
                                + g.members().get(0) + " at " + first);
                    }
                }
            }
        }
        if (problem.maxConcurrent().isPresent()) {
            int limit = problem.maxConcurrent().getAsInt();
            List<long[]> events = new ArrayList<>(); // {epoch second, +1 or -1}
            for (Map.Entry<String, List<Candidate>> e : solution.chosen().entrySet()) {
                for (Candidate c : e.getValue()) {
                    events.add(new long[] {c.start().getEpochSecond() * 1_000_000_000L + c.start().getNano(), 1});
                    events.add(new long[] {c.tailEnd().getEpochSecond() * 1_000_000_000L + c.tailEnd().getNano(), -1});
                }
            }
            // A span ending when another starts does not overlap it: ends first.
            events.sort(Comparator.<long[]>comparingLong(ev -> ev[0]).thenComparingLong(ev -> ev[1]));
            int running = 0;
            for (long[] ev : events) {
                running += (int) ev[1];
                if (running > limit) {
                    out.add(running + " services change at once at " + Instant.ofEpochSecond(0, ev[0])
                            + " (on-call capacity " + limit + ")");
                }
            }
        }
        return out;
    }

    private static List<Candidate> of(FleetSolution s, String service) {
        return s.chosen().getOrDefault(service, List.of());
    }

    private static List<Instant> starts(List<Candidate> cs) {
        return cs.stream().map(Candidate::start).sorted().toList();
    }
}
