package org.lowtide.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FleetOptimizerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private static Candidate at(int hour, int hours, double cost) {
        Instant s = T0.plus(Duration.ofHours(hour));
        return new Candidate(s, s.plus(Duration.ofHours(hours)), s.plus(Duration.ofHours(hours + 1)), cost);
    }

    private static ServiceOptions service(String name, Candidate... cs) {
        return new ServiceOptions(name, 1, Duration.ZERO, ServiceOptions.ranked(List.of(cs)));
    }

    @Test
    void withoutRulesEveryServiceGetsItsOwnBestWindow() {
        FleetProblem p = new FleetProblem(List.of(service("a", at(2, 2, 1), at(10, 2, 5)),
                service("b", at(2, 2, 2), at(20, 2, 3))), List.of(), OptionalInt.empty());
        FleetSolution s = FleetOptimizer.solve(p);
        assertThat(s.chosen().get("a")).containsExactly(at(2, 2, 1));
        assertThat(s.chosen().get("b")).containsExactly(at(2, 2, 2));
        assertThat(s.reasons().get("a")).contains("its own best window: no fleet rule moved it");
        assertThat(FleetChecker.violations(p, s)).isEmpty();
        assertThat(s.provenOptimal()).isTrue();
    }

    @Test
    void neverTogetherMovesTheServiceThatLosesLeast() {
        // a loses 4 by moving, b loses 1: b moves.
        FleetProblem p = new FleetProblem(List.of(service("a", at(2, 2, 1), at(10, 2, 5)),
                service("b", at(2, 2, 2), at(20, 2, 3))),
                List.of(new DependencyGroup("db", GroupKind.NEVER_TOGETHER, List.of("a", "b"))), OptionalInt.empty());
        FleetSolution s = FleetOptimizer.solve(p);
        assertThat(s.chosen().get("a")).containsExactly(at(2, 2, 1));
        assertThat(s.chosen().get("b")).containsExactly(at(20, 2, 3));
        assertThat(String.join(" ", s.reasons().get("b"))).contains("overlaps a's change").contains("group db");
        assertThat(FleetChecker.violations(p, s)).isEmpty();
    }

    @Test
    void alwaysTogetherPicksTheCheapestCommonStart() {
        FleetProblem p = new FleetProblem(List.of(service("a", at(2, 2, 1), at(10, 2, 2)),
                service("b", at(4, 2, 1), at(10, 2, 1.5))),
                List.of(new DependencyGroup("pair", GroupKind.ALWAYS_TOGETHER, List.of("a", "b"))), OptionalInt.empty());
        FleetSolution s = FleetOptimizer.solve(p);
        assertThat(s.chosen().get("a")).containsExactly(at(10, 2, 2));
        assertThat(s.chosen().get("b")).containsExactly(at(10, 2, 1.5));
        assertThat(FleetChecker.violations(p, s)).isEmpty();
    }

    @Test
    void capacityLeavesAChangeUnplacedRatherThanBreakTheRule() {
        FleetProblem p = new FleetProblem(List.of(service("a", at(2, 2, 1)), service("b", at(2, 2, 2)),
                service("c", at(3, 2, 1), at(30, 2, 9))), List.of(), OptionalInt.of(1));
        FleetSolution s = FleetOptimizer.solve(p);
        assertThat(FleetChecker.violations(p, s)).isEmpty();
        assertThat(s.unplaced()).isEqualTo(1);
        assertThat(s.chosen().get("c")).containsExactly(at(30, 2, 9));
    }

    @Test
    void theCheckerCatchesEachRuleBroken() {
        FleetProblem p = new FleetProblem(List.of(service("a", at(2, 2, 1)), service("b", at(2, 2, 2))),
                List.of(new DependencyGroup("g", GroupKind.NEVER_TOGETHER, List.of("a", "b"))), OptionalInt.of(1));
        FleetSolution bad = new FleetSolution(Map.of("a", List.of(at(2, 2, 1)), "b", List.of(at(2, 2, 2))), Map.of(), 3,
                0, false, 0, "test");
        List<String> v = FleetChecker.violations(p, bad);
        assertThat(v).anyMatch(m -> m.contains("group g")).anyMatch(m -> m.contains("on-call capacity 1"));
        FleetSolution foreign = new FleetSolution(Map.of("a", List.of(at(5, 2, 1)), "b", List.of()), Map.of(), 1, 1,
                false, 0, "test");
        assertThat(FleetChecker.violations(p, foreign)).anyMatch(m -> m.contains("none of its candidates"));
    }

    @Test
    void contradictoryGroupsAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> new FleetProblem(List.of(service("a", at(2, 2, 1)), service("b", at(2, 2, 2))),
                List.of(new DependencyGroup("x", GroupKind.NEVER_TOGETHER, List.of("a", "b")),
                        new DependencyGroup("y", GroupKind.ALWAYS_TOGETHER, List.of("a", "b"))), OptionalInt.empty()))
                .hasMessageContaining("group y").hasMessageContaining("never together");
        assertThatThrownBy(() -> new FleetProblem(List.of(service("a", at(2, 2, 1))),
                List.of(new DependencyGroup("x", GroupKind.NEVER_TOGETHER, List.of("a", "zz"))), OptionalInt.empty()))
                .hasMessageContaining("zz");
    }

    /** Random small fleets: the exact search must match exhaustive enumeration, and every plan must pass the checker. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30})
    void exactSearchEqualsBruteForceOnRandomSmallFleets(long seed) {
        Random r = new Random(seed);
        FleetProblem p = randomProblem(r, 2 + r.nextInt(4), 1 + r.nextInt(4));
        FleetSolution s = FleetOptimizer.solve(p);
        assertThat(FleetChecker.violations(p, s)).isEmpty();
        assertThat(s.provenOptimal()).isTrue();
        double[] brute = bruteForce(p);
        assertThat(s.unplaced()).isEqualTo((int) brute[0]);
        assertThat(s.totalCost()).isCloseTo(brute[1], org.assertj.core.api.Assertions.within(1e-9));
    }

    /** The heuristics alone (a fleet too big for the exact search) keep every rule too. */
    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103, 104, 105})
    void largeFleetPlansKeepEveryRule(long seed) {
        Random r = new Random(seed);
        FleetProblem p = randomProblem(r, 200, 12);
        FleetSolution s = FleetOptimizer.solve(p);
        assertThat(s.method()).startsWith("greedy");
        assertThat(FleetChecker.violations(p, s)).isEmpty();
        assertThat(s.totalCost()).isGreaterThanOrEqualTo(s.lowerBound() - 1e-9);
    }

    private static FleetProblem randomProblem(Random r, int n, int candidates) {
        List<ServiceOptions> services = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Candidate> cs = new ArrayList<>();
            java.util.Set<Integer> hours = new java.util.HashSet<>();
            for (int c = 0; c < candidates; c++) {
                int h = r.nextInt(48);
                if (hours.add(h)) {
                    cs.add(at(h, 1 + r.nextInt(2), Math.round(r.nextDouble() * 100) / 10.0));
                }
            }
            int changes = n <= 5 && r.nextInt(4) == 0 ? 2 : 1;
            services.add(new ServiceOptions("s" + i, changes, Duration.ofHours(r.nextInt(6)), ServiceOptions.ranked(cs)));
        }
        List<DependencyGroup> groups = new ArrayList<>();
        List<String> names = services.stream().map(ServiceOptions::service).toList();
        int g = r.nextInt(3);
        java.util.Set<String> inAlways = new java.util.HashSet<>();
        for (int k = 0; k < g && n >= 2; k++) {
            List<String> shuffled = new ArrayList<>(names);
            java.util.Collections.shuffle(shuffled, r);
            List<String> members = shuffled.subList(0, 2 + r.nextInt(Math.min(3, n - 1)));
            boolean always = r.nextInt(3) == 0 && members.stream().noneMatch(inAlways::contains)
                    && members.stream().allMatch(m -> services.get(names.indexOf(m)).changes() == 1);
            if (always && groups.stream().noneMatch(x -> x.members().stream().filter(members::contains).count() >= 2)) {
                inAlways.addAll(members);
                groups.add(new DependencyGroup("g" + k, GroupKind.ALWAYS_TOGETHER, members));
            } else if (groups.stream().noneMatch(x -> x.kind() == GroupKind.ALWAYS_TOGETHER
                    && x.members().stream().filter(members::contains).count() >= 2)) {
                groups.add(new DependencyGroup("g" + k, GroupKind.NEVER_TOGETHER, members));
            }
        }
        OptionalInt cap = r.nextBoolean() ? OptionalInt.of(1 + r.nextInt(n > 10 ? 20 : 2)) : OptionalInt.empty();
        return new FleetProblem(services, groups, cap);
    }

    /** {unplaced, cost} of the lexicographically best plan, by trying every combination and the checker. */
    private static double[] bruteForce(FleetProblem p) {
        List<String> slots = new ArrayList<>();
        for (ServiceOptions s : p.services()) {
            for (int k = 0; k < s.changes(); k++) {
                slots.add(s.service());
            }
        }
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        int[] choice = new int[slots.size()];
        enumerate(p, slots, choice, 0, best);
        return best;
    }

    private static void enumerate(FleetProblem p, List<String> slots, int[] choice, int pos, double[] best) {
        if (pos == slots.size()) {
            Map<String, List<Candidate>> chosen = new HashMap<>();
            int unplaced = 0;
            double cost = 0;
            for (int i = 0; i < slots.size(); i++) {
                List<Candidate> list = chosen.computeIfAbsent(slots.get(i), k -> new ArrayList<>());
                if (choice[i] < 0) {
                    unplaced++;
                } else {
                    Candidate c = p.service(slots.get(i)).candidates().get(choice[i]);
                    if (list.contains(c)) {
                        return;
                    }
                    list.add(c);
                    cost += c.cost();
                }
            }
            FleetSolution s = new FleetSolution(chosen, Map.of(), cost, unplaced, false, 0, "brute force");
            if (FleetChecker.violations(p, s).isEmpty()
                    && (unplaced < best[0] || (unplaced == best[0] && cost < best[1]))) {
                best[0] = unplaced;
                best[1] = cost;
            }
            return;
        }
        int n = p.service(slots.get(pos)).candidates().size();
        for (int c = -1; c < n; c++) {
            choice[pos] = c;
            enumerate(p, slots, choice, pos + 1, best);
        }
    }
}
