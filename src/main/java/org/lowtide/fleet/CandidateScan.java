package org.lowtide.fleet;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lowtide.planning.Outlook;
import org.lowtide.planning.WindowPlanner;
import org.lowtide.planning.WindowRequest;

/**
 * Every allowed start of a service's horizon, scored as the window planner scores it: the outlook
 * it ranked on, summed over the window and rollback tail (traffic) or averaged over the window
 * (cost of a change), with prefix sums; a start whose window or tail meets a step without an
 * expectation is left out, and so is one the constraints rule out ({@link WindowPlanner#ruleOut}).
 * Order: score (ties within rounding count as equal), then the p90 score, then time, as the
 * planner's; so the first candidate is the planner's first window.
 */
public final class CandidateScan {

    private CandidateScan() {
    }

    /** A scored start, in the outlook's own unit. */
    public record Scored(Instant start, Instant end, Instant tailEnd, double score, double upper) {
    }

    /**
     * @param request the resolved window request (its constraints with holidays filled in)
     * @param outlook the outlook the planner ranked on
     * @param keep    how many of the best starts to keep ({@code Integer.MAX_VALUE} for all)
     * @return the best allowed starts, best first
     */
    public static List<Scored> scan(WindowRequest request, Outlook outlook, int keep) {
        ZoneId zone = request.constraints().zone();
        Instant horizonStart = request.from().atStartOfDay(zone).toInstant();
        Instant horizonEnd = request.to().plusDays(1).atStartOfDay(zone).toInstant();
        long step = outlook.step().getSeconds();
        int k = (int) ((request.duration().getSeconds() + step - 1) / step);
        int r = (int) ((request.rollbackTail().getSeconds() + step - 1) / step);
        boolean perChange = outlook.kind() == Outlook.Kind.COST_OF_CHANGE;
        int covered = perChange ? k : k + r;
        double divisor = perChange ? k : 1;
        int first = (int) Math.max(0, -Math.floorDiv(-Duration.between(outlook.start(), horizonStart).getSeconds(), step));
        int lastStart = (int) Math.min(outlook.size() - k - r,
                Duration.between(outlook.start(), horizonEnd).getSeconds() / step - k);
        if (lastStart < first) {
            return List.of();
        }
        int n = outlook.size();
        double[] expected = outlook.expected();
        double[] upperValues = outlook.upper();
        double[] prefix = new double[n + 1];
        double[] prefixUpper = new double[n + 1];
        int[] unknown = new int[n + 1];
        for (int i = 0; i < n; i++) {
            double e = expected[i];
            boolean missing = Double.isNaN(e);
            prefix[i + 1] = prefix[i] + (missing ? 0 : e);
            prefixUpper[i + 1] = prefixUpper[i] + (missing ? 0 : upperValues[i]);
            unknown[i + 1] = unknown[i] + (missing ? 1 : 0);
        }
        int m = lastStart - first + 1;
        double[] score = new double[m];
        double[] upper = new double[m];
        Integer[] order = new Integer[m];
        int allowed = 0;
        for (int j = 0; j < m; j++) {
            int i = first + j;
            if (unknown[i + covered] - unknown[i] > 0) {
                continue;
            }
            Instant start = outlook.timeAt(i);
            if (WindowPlanner.ruleOut(request.constraints(), start, start.plusSeconds(k * step),
                    start.plusSeconds((k + r) * step)) != null) {
                continue;
            }
            score[j] = (prefix[i + covered] - prefix[i]) / divisor;
            upper[j] = (prefixUpper[i + covered] - prefixUpper[i]) / divisor;
            order[allowed++] = j;
        }
        Arrays.sort(order, 0, allowed, (a, b) -> {
            int byScore = WindowPlanner.compareRounded(score[a], score[b]);
            if (byScore != 0) {
                return byScore;
            }
            int byUpper = WindowPlanner.compareRounded(upper[a], upper[b]);
            return byUpper != 0 ? byUpper : Integer.compare(a, b);
        });
        List<Scored> out = new ArrayList<>(Math.min(allowed, keep));
        for (int o = 0; o < allowed && out.size() < keep; o++) {
            int j = order[o];
            int i = first + j;
            Instant start = outlook.timeAt(i);
            out.add(new Scored(start, outlook.timeAt(i + k), outlook.timeAt(i + k + r), score[j], upper[j]));
        }
        return out;
    }
}
