package org.lowtide.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses a window for every change of every service from the services' ranked candidates,
 * placing as many changes as the rules allow and, among those plans, minimising the total cost.
 *
 * <p>Always-together groups are first merged into units (one start for all members, costing the
 * sum of theirs, over the starts every member has among its candidates). Then:
 * <ol>
 * <li><b>Greedy by regret</b> (the "regret heuristic" of assignment problems, e.g. Martello and
 * Toth 1981 for generalised assignment): while changes are unplaced, give the change whose
 * second-best feasible window is dearest relative to its best its best window, so that a change
 * with a single good window is placed before a flexible one takes it.</li>
 * <li><b>Local search</b>: take each change out in turn and put it back in its best feasible window
 * (never worse), until a pass improves nothing; unplaced changes are retried after every pass.</li>
 * <li><b>Branch and bound</b> for small fleets (at most {@link #EXACT_MAX_CHANGES} changes):
 * depth-first over the changes with the fewest candidates first, candidates cheapest first, pruned by
 * the sum of the remaining changes' own best costs; started from the local-search plan, so a search
 * stopped at the node limit still returns that plan, marked not proven.</li>
 * </ol>
 * On-call capacity is kept with a segment tree over minutes (range add, range maximum; busy spans
 * rounded outwards to whole minutes, which never lets an overlap through).
 */
public final class FleetOptimizer {

    /** Fleets with at most this many changes are solved exactly (within the node limit). */
    public static final int EXACT_MAX_CHANGES = 60;
    /** Search nodes the branch and bound may visit. */
    public static final long DEFAULT_NODE_LIMIT = 2_000_000;

    private static final double EPS = 1e-9;

    private final FleetProblem problem;
    private final List<Unit> units = new ArrayList<>();
    private final List<Job> jobs = new ArrayList<>();
    private final int[] unitOfService;
    private final List<int[]>[] neverPairs; // per unit: {otherUnit, memberHere, memberThere}
    private final MinuteTree busy;
    private final long baseMinute;
    private final int[] assigned; // per job: candidate index, -1 unplaced
    private long nodes;

    private static final class Unit {
        final List<Integer> members = new ArrayList<>();
        final List<Candidate[]> cands = new ArrayList<>(); // per candidate: one per member
        double[] cost;
        int changes;
        long minGapSeconds;
        final List<Integer> jobs = new ArrayList<>();
    }

    private record Job(int unit, int index) {
    }

    @SuppressWarnings("unchecked")
    private FleetOptimizer(FleetProblem problem) {
        this.problem = problem;
        List<ServiceOptions> services = problem.services();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            index.put(services.get(i).service(), i);
        }
        // Union always-together groups (two groups sharing a service are one unit).
        int[] parent = new int[services.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (DependencyGroup g : problem.groups()) {
            if (g.kind() == GroupKind.ALWAYS_TOGETHER) {
                int root = find(parent, index.get(g.members().get(0)));
                for (String m : g.members()) {
                    parent[find(parent, index.get(m))] = root;
                }
            }
        }
        unitOfService = new int[services.size()];
        Map<Integer, Integer> unitOfRoot = new LinkedHashMap<>();
        for (int i = 0; i < services.size(); i++) {
            int root = find(parent, i);
            Integer u = unitOfRoot.get(root);
            if (u == null) {
                u = units.size();
                unitOfRoot.put(root, u);
                units.add(new Unit());
            }
            units.get(u).members.add(i);
            unitOfService[i] = u;
        }
        long minMinute = Long.MAX_VALUE;
        long maxMinute = Long.MIN_VALUE;
        for (Unit u : units) {
            buildCandidates(u, services);
            for (Candidate[] cs : u.cands) {
                for (Candidate c : cs) {
                    minMinute = Math.min(minMinute, Math.floorDiv(c.start().getEpochSecond(), 60));
                    maxMinute = Math.max(maxMinute, ceilMinute(c.tailEnd()));
                }
            }
            for (int k = 0; k < u.changes; k++) {
                u.jobs.add(jobs.size());
                jobs.add(new Job(units.indexOf(u), k));
            }
        }
        neverPairs = new List[units.size()];
        for (int u = 0; u < units.size(); u++) {
            neverPairs[u] = new ArrayList<>();
        }
        for (DependencyGroup g : problem.groups()) {
            if (g.kind() != GroupKind.NEVER_TOGETHER) {
                continue;
            }
            for (String a : g.members()) {
                for (String b : g.members()) {
                    int sa = index.get(a);
                    int sb = index.get(b);
                    if (sa != sb) {
                        int ua = unitOfService[sa];
                        int ub = unitOfService[sb];
                        neverPairs[ua].add(new int[] {ub, units.get(ua).members.indexOf(sa), units.get(ub).members.indexOf(sb)});
                    }
                }
            }
        }
        baseMinute = minMinute == Long.MAX_VALUE ? 0 : minMinute;
        int span = minMinute == Long.MAX_VALUE ? 1 : (int) Math.max(1, maxMinute - minMinute + 1);
        busy = new MinuteTree(problem.maxConcurrent().isPresent() ? span : 1);
        assigned = new int[jobs.size()];
        Arrays.fill(assigned, -2);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static long ceilMinute(Instant t) {
        long s = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        return Math.floorDiv(s + 59, 60);
    }

    private void buildCandidates(Unit u, List<ServiceOptions> services) {
        ServiceOptions first = services.get(u.members.get(0));
        u.changes = first.changes();
        long gap = 0;
        List<Map<Instant, Candidate>> byStart = new ArrayList<>();
        for (int m : u.members) {
            ServiceOptions s = services.get(m);
            gap = Math.max(gap, s.minGap().getSeconds());
            Map<Instant, Candidate> map = new HashMap<>();
            for (Candidate c : s.candidates()) {
                map.putIfAbsent(c.start(), c);
            }
            byStart.add(map);
        }
        u.minGapSeconds = gap;
        List<Candidate[]> list = new ArrayList<>();
        for (Candidate c : first.candidates()) {
            if (byStart.get(0).get(c.start()) != c) {
                continue; // a second candidate at the same start: keep the cheapest
            }
            Candidate[] row = new Candidate[u.members.size()];
            boolean all = true;
            for (int k = 0; k < row.length && all; k++) {
                row[k] = byStart.get(k).get(c.start());
                all = row[k] != null;
            }
            if (all) {
                list.add(row);
            }
        }
        // Stable: equal costs keep the order the services ranked them in (the planner's tie-breaks).
        list.sort(Comparator.comparingDouble(FleetOptimizer::sum));
        u.cands.addAll(list);
        u.cost = new double[list.size()];
        for (int i = 0; i < list.size(); i++) {
            u.cost[i] = sum(list.get(i));
        }
    }

    private static double sum(Candidate[] row) {
        double s = 0;
        for (Candidate c : row) {
            s += c.cost();
        }
        return s;
    }

    /** Solves with the default node limit. */
    public static FleetSolution solve(FleetProblem problem) {
        return solve(problem, DEFAULT_NODE_LIMIT);
    }

    /**
     * @param nodeLimit search nodes the exact search may visit on a small fleet
     */
    public static FleetSolution solve(FleetProblem problem, long nodeLimit) {
        return new FleetOptimizer(problem).run(nodeLimit);
    }

    private FleetSolution run(long nodeLimit) {
        greedy();
        localSearch();
        String method = "greedy by regret, then local search";
        boolean proven = false;
        if (jobs.size() <= EXACT_MAX_CHANGES) {
            int[] best = assigned.clone();
            proven = branchAndBound(best, nodeLimit);
            method = proven ? "branch and bound (proven optimal, " + nodes + " nodes)"
                    : "greedy by regret and local search; branch and bound stopped at " + nodeLimit + " nodes";
            clear();
            for (int j = 0; j < jobs.size(); j++) {
                if (best[j] >= 0) {
                    place(j, best[j]);
                } else {
                    assigned[j] = -1;
                }
            }
        }
        return solution(proven, method);
    }

    // ---- feasibility -------------------------------------------------------------------------

    private boolean feasible(int job, int cand) {
        Job jb = jobs.get(job);
        Unit u = units.get(jb.unit);
        Candidate[] row = u.cands.get(cand);
        for (int other : u.jobs) {
            if (other != job && assigned[other] >= 0) {
                Candidate[] o = u.cands.get(assigned[other]);
                if (assigned[other] == cand) {
                    return false;
                }
                long apart = Math.abs(row[0].start().getEpochSecond() - o[0].start().getEpochSecond());
                if (apart < u.minGapSeconds) {
                    return false;
                }
                for (int k = 0; k < row.length; k++) {
                    if (row[k].overlaps(o[k])) {
                        return false;
                    }
                }
            }
        }
        for (int[] p : neverPairs[jb.unit]) {
            Unit v = units.get(p[0]);
            for (int other : v.jobs) {
                if (assigned[other] >= 0 && row[p[1]].overlaps(v.cands.get(assigned[other])[p[2]])) {
                    return false;
                }
            }
        }
        if (problem.maxConcurrent().isPresent()) {
            int limit = problem.maxConcurrent().getAsInt();
            if (row.length > limit) {
                return false;
            }
            addBusy(row, 1);
            boolean ok = true;
            for (Candidate c : row) {
                if (busy.max(from(c), to(c)) > limit) {
                    ok = false;
                    break;
                }
            }
            addBusy(row, -1);
            return ok;
        }
        return true;
    }

    private int from(Candidate c) {
        return (int) (Math.floorDiv(c.start().getEpochSecond(), 60) - baseMinute);
    }

    private int to(Candidate c) {
        return (int) (ceilMinute(c.tailEnd()) - baseMinute);
    }

    private void addBusy(Candidate[] row, int delta) {
        if (problem.maxConcurrent().isPresent()) {
            for (Candidate c : row) {
                busy.add(from(c), to(c), delta);
            }
        }
    }

    private void place(int job, int cand) {
        assigned[job] = cand;
        addBusy(units.get(jobs.get(job).unit).cands.get(cand), 1);
    }

    private void unplace(int job) {
        if (assigned[job] >= 0) {
            addBusy(units.get(jobs.get(job).unit).cands.get(assigned[job]), -1);
        }
        assigned[job] = -2;
    }

    private void clear() {
        for (int j = 0; j < jobs.size(); j++) {
            unplace(j);
        }
    }

    private int bestFeasible(int job, int skip) {
        Unit u = units.get(jobs.get(job).unit);
        int found = 0;
        for (int c = 0; c < u.cands.size(); c++) {
            if (feasible(job, c)) {
                if (found == skip) {
                    return c;
                }
                found++;
            }
        }
        return -1;
    }

    // ---- heuristics --------------------------------------------------------------------------

    private void greedy() {
        int open = jobs.size();
        boolean[] done = new boolean[jobs.size()];
        while (open > 0) {
            int pick = -1;
            int pickCand = -1;
            double pickRegret = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < jobs.size(); j++) {
                if (done[j]) {
                    continue;
                }
                double[] cost = units.get(jobs.get(j).unit).cost;
                int b1 = bestFeasible(j, 0);
                if (b1 < 0) {
                    assigned[j] = -1; // nothing left for it
                    done[j] = true;
                    open--;
                    continue;
                }
                int b2 = nextFeasible(j, b1);
                double regret = b2 < 0 ? Double.POSITIVE_INFINITY : cost[b2] - cost[b1];
                if (regret > pickRegret) {
                    pickRegret = regret;
                    pick = j;
                    pickCand = b1;
                }
            }
            if (pick >= 0) {
                place(pick, pickCand);
                done[pick] = true;
                open--;
            }
        }
    }

    private int nextFeasible(int job, int after) {
        Unit u = units.get(jobs.get(job).unit);
        for (int c = after + 1; c < u.cands.size(); c++) {
            if (feasible(job, c)) {
                return c;
            }
        }
        return -1;
    }

    private void localSearch() {
        for (int pass = 0; pass < 20; pass++) {
            boolean improved = false;
            for (int j = 0; j < jobs.size(); j++) {
                int was = assigned[j];
                unplace(j);
                int best = bestFeasible(j, 0);
                double[] cost = units.get(jobs.get(j).unit).cost;
                if (was >= 0 && (best < 0 || cost[best] >= cost[was] - EPS)) {
                    place(j, was);
                } else if (best >= 0) {
                    place(j, best);
                    improved = true;
                } else {
                    assigned[j] = -1;
                }
            }
            if (!improved) {
                break;
            }
        }
    }

    // ---- exact search ------------------------------------------------------------------------

    private int[] order;
    private double[] restBound;
    private int bestUnplaced;
    private double bestCost;
    private int[] bestAssignment;
    private long nodeLimit;

    private boolean branchAndBound(int[] incumbent, long limit) {
        nodeLimit = limit;
        nodes = 0;
        bestAssignment = incumbent;
        bestUnplaced = 0;
        bestCost = 0;
        for (int j = 0; j < jobs.size(); j++) {
            if (incumbent[j] < 0) {
                bestUnplaced++;
            } else {
                bestCost += units.get(jobs.get(j).unit).cost[incumbent[j]];
            }
        }
        // Units with few candidates first; a unit's changes stay together, in order.
        List<Integer> unitOrder = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            unitOrder.add(u);
        }
        unitOrder.sort(Comparator.comparingInt(u -> units.get(u).cands.size()));
        order = unitOrder.stream().flatMap(u -> units.get(u).jobs.stream()).mapToInt(Integer::intValue).toArray();
        restBound = new double[order.length + 1];
        for (int p = order.length - 1; p >= 0; p--) {
            double[] cost = units.get(jobs.get(order[p]).unit).cost;
            restBound[p] = restBound[p + 1] + (cost.length == 0 ? 0 : cost[0]);
        }
        clear();
        boolean complete = dfs(0, 0, 0);
        return complete;
    }

    /** @return false when the node limit stopped the search */
    private boolean dfs(int pos, int unplaced, double cost) {
        if (++nodes > nodeLimit) {
            return false;
        }
        if (pos == order.length) {
            if (unplaced < bestUnplaced || (unplaced == bestUnplaced && cost < bestCost - EPS * Math.max(1, bestCost))) {
                bestUnplaced = unplaced;
                bestCost = cost;
                for (int j = 0; j < jobs.size(); j++) {
                    bestAssignment[j] = assigned[j] >= 0 ? assigned[j] : -1;
                }
            }
            return true;
        }
        if (unplaced > bestUnplaced) {
            return true;
        }
        int job = order[pos];
        Job jb = jobs.get(job);
        Unit u = units.get(jb.unit);
        int previous = jb.index == 0 ? -3 : assigned[u.jobs.get(jb.index - 1)];
        boolean previousUnplaced = jb.index > 0 && previous < 0;
        if (!previousUnplaced) {
            Instant after = previous >= 0 ? u.cands.get(previous)[0].start() : null;
            for (int c = 0; c < u.cost.length; c++) {
                if (unplaced == bestUnplaced && cost + u.cost[c] + restBound[pos + 1] >= bestCost - EPS * Math.max(1, bestCost)) {
                    break; // cheapest first: the rest cannot do better
                }
                if (after != null && !u.cands.get(c)[0].start().isAfter(after)) {
                    continue; // a service's changes in time order: each set is searched once
                }
                if (feasible(job, c)) {
                    place(job, c);
                    boolean ok = dfs(pos + 1, unplaced, cost + u.cost[c]);
                    unplace(job);
                    if (!ok) {
                        return false;
                    }
                }
            }
        }
        assigned[job] = -1;
        boolean ok = dfs(pos + 1, unplaced + 1, cost);
        assigned[job] = -2;
        return ok;
    }

    // ---- the answer --------------------------------------------------------------------------

    private FleetSolution solution(boolean proven, String method) {
        Map<String, List<Candidate>> chosen = new LinkedHashMap<>();
        List<ServiceOptions> services = problem.services();
        int unplacedCount = 0;
        double total = 0;
        for (int s = 0; s < services.size(); s++) {
            Unit u = units.get(unitOfService[s]);
            int k = u.members.indexOf(s);
            List<Candidate> list = new ArrayList<>();
            for (int j : u.jobs) {
                if (assigned[j] >= 0) {
                    Candidate c = u.cands.get(assigned[j])[k];
                    list.add(c);
                    total += c.cost();
                } else {
                    unplacedCount++;
                }
            }
            list.sort(Comparator.comparing(Candidate::start));
            chosen.put(services.get(s).service(), list);
        }
        double lower = 0;
        for (ServiceOptions s : services) {
            lower += s.unconstrainedCost();
        }
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (ServiceOptions s : services) {
            reasons.put(s.service(), explain(s, chosen));
        }
        return new FleetSolution(chosen, reasons, total, unplacedCount, proven, proven ? total : Math.min(lower, total),
                method);
    }

    /** Why a service's windows are where they are, against the final plan. */
    private List<String> explain(ServiceOptions s, Map<String, List<Candidate>> chosen) {
        List<String> out = new ArrayList<>();
        List<Candidate> mine = chosen.get(s.service());
        double own = s.unconstrainedCost();
        double got = mine.stream().mapToDouble(Candidate::cost).sum();
        if (s.candidates().isEmpty()) {
            out.add("no allowed window in the horizon");
            return out;
        }
        for (DependencyGroup g : problem.groups()) {
            if (g.kind() == GroupKind.ALWAYS_TOGETHER && g.members().contains(s.service())) {
                out.add("changes with " + String.join(", ", others(g, s.service())) + " (always-together group "
                        + g.name() + ")");
            }
        }
        if (mine.size() < s.changes()) {
            out.add((s.changes() - mine.size()) + " of " + s.changes() + " changes found no window under the fleet rules"
                    + " among its " + s.candidates().size() + " candidates");
        }
        if (got <= own + EPS * Math.max(1, Math.abs(own)) && mine.size() == s.changes()) {
            out.add("its own best window: no fleet rule moved it");
            return out;
        }
        Candidate best = s.candidates().get(0);
        if (mine.contains(best)) {
            return out;
        }
        List<String> blockers = new ArrayList<>();
        for (DependencyGroup g : problem.groups()) {
            if (g.kind() == GroupKind.NEVER_TOGETHER && g.members().contains(s.service())) {
                for (String o : others(g, s.service())) {
                    for (Candidate c : chosen.getOrDefault(o, List.of())) {
                        if (c.overlaps(best)) {
                            blockers.add("its best window (" + best.start() + ") overlaps " + o + "'s change (never-together"
                                    + " group " + g.name() + ")");
                        }
                    }
                }
            }
        }
        if (problem.maxConcurrent().isPresent()) {
            List<String> busyThen = new ArrayList<>();
            TreeMap<String, Boolean> seen = new TreeMap<>();
            for (Map.Entry<String, List<Candidate>> e : chosen.entrySet()) {
                if (!e.getKey().equals(s.service())) {
                    for (Candidate c : e.getValue()) {
                        if (c.overlaps(best) && seen.put(e.getKey(), true) == null) {
                            busyThen.add(e.getKey());
                        }
                    }
                }
            }
            if (busyThen.size() >= problem.maxConcurrent().getAsInt()) {
                blockers.add("on-call capacity: " + busyThen.size() + " other services change during its best window ("
                        + String.join(", ", busyThen.subList(0, Math.min(5, busyThen.size())))
                        + (busyThen.size() > 5 ? ", …" : "") + "; at most " + problem.maxConcurrent().getAsInt() + ")");
            }
        }
        out.addAll(blockers);
        if (mine.size() == s.changes() && own > 0) {
            out.add(String.format(Locale.ROOT, "%.1f %% above its own best (%s more)", 100 * (got - own) / own,
                    trim(got - own)));
        }
        return out;
    }

    private static String trim(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static List<String> others(DependencyGroup g, String self) {
        return g.members().stream().filter(m -> !m.equals(self)).toList();
    }

    /** Range add and range maximum over minutes (a lazy segment tree). */
    private static final class MinuteTree {
        private final int n;
        private final int[] max;
        private final int[] lazy;

        MinuteTree(int n) {
            this.n = n;
            max = new int[4 * n];
            lazy = new int[4 * n];
        }

        void add(int from, int to, int delta) {
            add(1, 0, n, Math.max(0, from), Math.min(n, to), delta);
        }

        int max(int from, int to) {
            return max(1, 0, n, Math.max(0, from), Math.min(n, to));
        }

        private void add(int node, int lo, int hi, int from, int to, int delta) {
            if (to <= lo || hi <= from) {
                return;
            }
            if (from <= lo && hi <= to) {
                max[node] += delta;
                lazy[node] += delta;
                return;
            }
            int mid = (lo + hi) >>> 1;
            add(2 * node, lo, mid, from, to, delta);
            add(2 * node + 1, mid, hi, from, to, delta);
            max[node] = Math.max(max[2 * node], max[2 * node + 1]) + lazy[node];
        }

        private int max(int node, int lo, int hi, int from, int to) {
            if (to <= lo || hi <= from) {
                return Integer.MIN_VALUE;
            }
            if (from <= lo && hi <= to) {
                return max[node];
            }
            int mid = (lo + hi) >>> 1;
            int m = Math.max(max(2 * node, lo, mid, from, to), max(2 * node + 1, mid, hi, from, to));
            return m == Integer.MIN_VALUE ? m : m + lazy[node];
        }
    }
}
