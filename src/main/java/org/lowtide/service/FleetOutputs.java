package org.lowtide.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lowtide.fleet.Candidate;
import org.lowtide.fleet.FleetCalendar;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.project.AtomicFiles;
import org.lowtide.traffic.Interval;

/**
 * What a fleet plan gives the user: the table (text, CSV, JSON), the calendar, the enforcement
 * exports per service, and the saved fleet plan the gate reads.
 */
public final class FleetOutputs {

    /** The first line of a saved fleet plan's JSON carries this key, so Lowtide knows its own file. */
    public static final String PLAN_MARK = "\"lowtideFleetPlan\"";
    /** The saved fleet plan's format version. */
    public static final int PLAN_VERSION = 1;
    /** The header of the fleet table's CSV. */
    public static final String CSV_HEADER = "service,status,zone,weekly_window,next_start,next_end,at_stake,unit,"
            + "fleet_cost,own_best_cost,gap_to_own_best,savings_vs_habit,savings_vs_median,reasons";

    private FleetOutputs() {
    }

    /**
     * One row of the fleet table.
     *
     * @param service        the service
     * @param status         planned, failed, or unplaced (no window left under the rules)
     * @param zone           its plan's zone
     * @param weekly         its best weekly window in words (the single-service recommendation)
     * @param next           the fleet plan's first dated window for it
     * @param atStake        what that window puts at stake in the service's own unit (traffic, or money)
     * @param unit           that unit
     * @param fleetCost      its windows' cost in the fleet's common unit
     * @param ownBest        its own best windows' cost in the common unit, with no fleet rule
     * @param savingsVsHabit the habitual slot's stake minus this window's, in its own unit
     * @param savingsVsMedian the median window's stake minus this window's, in its own unit
     * @param reasons        why, in plain words (or why it failed)
     */
    public record Row(String service, String status, String zone, String weekly, Optional<Interval> next,
                      OptionalDouble atStake, String unit, double fleetCost, double ownBest,
                      OptionalDouble savingsVsHabit, OptionalDouble savingsVsMedian, List<String> reasons) {
        public Row {
            Objects.requireNonNull(service, "service");
            reasons = List.copyOf(reasons);
        }

        /** @return the fleet plan's extra cost over the service's own best, in the common unit */
        public double gap() {
            return fleetCost - ownBest;
        }
    }

    /** @return the table's rows in the fleet's order */
    public static List<Row> rows(FleetResult result) {
        List<Row> rows = new ArrayList<>();
        for (FleetOutcome o : result.outcomes()) {
            if (o.status() == FleetOutcome.Status.FAILED) {
                rows.add(new Row(o.service(), "failed", o.zone().getId(), "", Optional.empty(), OptionalDouble.empty(), "",
                        Double.NaN, Double.NaN, OptionalDouble.empty(), OptionalDouble.empty(), List.of(o.problem().get())));
                continue;
            }
            List<Candidate> chosen = result.chosen(o.service());
            String weekly = o.weekly().map(ScheduleExports::describe).orElse("none fits the constraints");
            List<String> reasons = result.solution().reasons().getOrDefault(o.service(), List.of());
            double own = o.options().get().unconstrainedCost();
            if (chosen.isEmpty()) {
                rows.add(new Row(o.service(), "unplaced", o.zone().getId(), weekly, Optional.empty(), OptionalDouble.empty(),
                        o.unit(), 0, own, OptionalDouble.empty(), OptionalDouble.empty(), reasons));
                continue;
            }
            Candidate first = chosen.get(0);
            double fleetCost = chosen.stream().mapToDouble(Candidate::cost).sum();
            double stake = first.cost() * o.toNative();
            rows.add(new Row(o.service(), "planned", o.zone().getId(), weekly,
                    Optional.of(new Interval(first.start(), first.end())), OptionalDouble.of(stake), o.unit(), fleetCost,
                    own, FleetService.savingsVsHabit(o, first),
                    Double.isFinite(o.median()) ? OptionalDouble.of(o.median() - stake) : OptionalDouble.empty(), reasons));
        }
        return rows;
    }

    /** @return the rows ranked by what is at stake in the fleet's common unit, most first (the report's order) */
    public static List<Row> byStake(FleetResult result) {
        return rows(result).stream().sorted(Comparator.comparingDouble((Row r) -> Double.isNaN(r.fleetCost()) ? -1
                : r.fleetCost()).reversed()).toList();
    }

    /** @return the table as CSV (RFC 4180 quoting) */
    public static String csv(FleetResult result) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Row r : rows(result)) {
            ZoneId zone = ZoneId.of(r.zone());
            sb.append(String.join(",", q(r.service()), r.status(), r.zone(), q(r.weekly()),
                    r.next().map(i -> i.start().atZone(zone).toOffsetDateTime().toString()).orElse(""),
                    r.next().map(i -> i.end().atZone(zone).toOffsetDateTime().toString()).orElse(""),
                    num(r.atStake()), q(r.unit()), num(r.fleetCost()), num(r.ownBest()), num(r.gap()),
                    num(r.savingsVsHabit()), num(r.savingsVsMedian()), q(String.join("; ", r.reasons())))).append('\n');
        }
        return sb.toString();
    }

    /** @return the fleet plan as one JSON object (the CLI's {@code --json}, and the saved fleet plan) */
    public static ObjectNode json(FleetResult result) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("lowtideFleetPlan", PLAN_VERSION);
        root.put("createdBy", "Lowtide " + AppInfo.version());
        root.put("fleet", result.fleet().origin());
        root.put("basis", result.basis().name());
        root.put("costUnit", result.costUnit());
        ObjectNode opt = root.putObject("optimiser");
        opt.put("method", result.solution().method());
        opt.put("provenOptimal", result.solution().provenOptimal());
        opt.put("totalCost", result.solution().totalCost());
        opt.put("lowerBound", result.solution().lowerBound());
        opt.put("unplaced", result.solution().unplaced());
        ObjectNode rules = root.putObject("rules");
        result.fleet().rules().maxConcurrent().ifPresent(n -> rules.put("maxConcurrent", n));
        rules.put("minGap", result.fleet().rules().minGap().toString());
        ArrayNode groups = rules.putArray("groups");
        result.fleet().rules().groups().forEach(g -> {
            ObjectNode n = groups.addObject();
            n.put("name", g.name());
            n.put("kind", g.kind().label());
            g.members().forEach(n.putArray("members")::add);
        });
        ArrayNode services = root.putArray("services");
        List<Row> rows = rows(result);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            FleetOutcome o = result.outcomes().get(i);
            ZoneId zone = ZoneId.of(r.zone());
            ObjectNode n = services.addObject();
            n.put("service", r.service());
            n.put("status", r.status());
            n.put("zone", r.zone());
            if (!r.status().equals("failed")) {
                n.put("weekly", r.weekly());
                n.put("unit", r.unit());
                put(n, "atStake", r.atStake());
                n.put("fleetCost", r.fleetCost());
                n.put("ownBestCost", r.ownBest());
                n.put("gapToOwnBest", r.gap());
                put(n, "savingsVsHabit", r.savingsVsHabit());
                put(n, "savingsVsMedian", r.savingsVsMedian());
                n.put("revenueShare", o.share());
                ArrayNode windows = n.putArray("windows");
                for (Candidate c : result.chosen(r.service())) {
                    ObjectNode w = windows.addObject();
                    w.put("start", c.start().atZone(zone).toOffsetDateTime().toString());
                    w.put("end", c.end().atZone(zone).toOffsetDateTime().toString());
                    w.put("rollbackUntil", c.tailEnd().atZone(zone).toOffsetDateTime().toString());
                    w.put("cost", c.cost());
                }
                o.own().stream().findFirst().ifPresent(w -> n.put("ownBestStart",
                        w.window().start().atZone(zone).toOffsetDateTime().toString()));
            }
            r.reasons().forEach(n.putArray(r.status().equals("failed") ? "problem" : "reasons")::add);
            n.put("seconds", o.seconds());
        }
        result.warnings().forEach(root.putArray("warnings")::add);
        root.put("seconds", result.seconds());
        root.put("threads", result.threads());
        return root;
    }

    /** @return the JSON as indented text, non-finite numbers written as null */
    public static String jsonText(FleetResult result) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(result)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }

    /** @return the fleet calendar: one event per service change */
    public static String ics(FleetResult result) {
        List<FleetCalendar.Event> events = new ArrayList<>();
        for (FleetOutcome o : result.outcomes()) {
            for (Candidate c : result.chosen(o.service())) {
                events.add(new FleetCalendar.Event(o.service(), o.zone(), c.start(), c.end(),
                        String.join("\n", result.solution().reasons().getOrDefault(o.service(), List.of()))));
            }
        }
        events.sort(Comparator.comparing(FleetCalendar.Event::start));
        return FleetCalendar.ics(events);
    }

    /**
     * Writes each planned service's weekly window for a tool ({@code SERVICE.txt} per service in {@code dir}).
     *
     * @return the files written
     */
    public static List<Path> exports(FleetResult result, ScheduleExports.Target target, Path dir, boolean force)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (FleetOutcome o : result.outcomes()) {
            Optional<String> text = snippet(result, o.service(), target);
            if (text.isEmpty()) {
                continue;
            }
            Path file = dir.resolve(exportFileName(o.service(), target));
            AtomicFiles.writeString(file, text.get(), AtomicFiles.newFileOnly(force));
            written.add(file);
        }
        return written;
    }

    /** @return the file a service's export for a tool is written to, e.g. {@code checkout.kured.txt} */
    public static String exportFileName(String service, ScheduleExports.Target target) {
        return service.replaceAll("[^A-Za-z0-9._-]", "_") + "." + target.name().toLowerCase(Locale.ROOT) + ".txt";
    }

    /** @return a service's weekly window for a tool; empty when the fleet has no such service or it has no weekly window */
    public static Optional<String> snippet(FleetResult result, String service, ScheduleExports.Target target) {
        return result.outcome(service).flatMap(FleetOutcome::weekly).map(w -> ScheduleExports.snippet(target, w));
    }

    /** Saves the fleet plan (JSON) atomically; an existing file is replaced only when it is a fleet plan, or with force. */
    public static void save(FleetResult result, Path target, boolean force) throws IOException {
        AtomicFiles.writeString(target, jsonText(result), AtomicFiles.ownOutput(force, PLAN_MARK));
    }

    /** Checks up front that a fleet plan may be written there. */
    public static void checkSaveTarget(Path target, boolean force) throws IOException {
        AtomicFiles.checkWritable(target, AtomicFiles.ownOutput(force, PLAN_MARK));
    }

    /**
     * Asks a saved fleet plan whether {@code at} lies in one of the service's windows.
     *
     * @throws org.lowtide.fleet.FleetFileException when the file is no fleet plan or names no such service
     */
    public static PlanFileService.GateAnswer gate(Path plan, String service, Instant at) throws IOException {
        String name = plan.getFileName() == null ? plan.toString() : plan.getFileName().toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(plan.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new org.lowtide.fleet.FleetFileException(name, "not a fleet plan (save one with `lowtide fleet ... --save"
                    + " PLAN`): " + e.getOriginalMessage());
        }
        if (root == null || !root.has("lowtideFleetPlan")) {
            throw new org.lowtide.fleet.FleetFileException(name, "not a fleet plan (save one with `lowtide fleet ... --save"
                    + " PLAN`)");
        }
        if (root.get("lowtideFleetPlan").asInt() > PLAN_VERSION) {
            throw new org.lowtide.fleet.FleetFileException(name, "a fleet plan of a newer Lowtide (version "
                    + root.get("lowtideFleetPlan").asInt() + "); this one reads version " + PLAN_VERSION);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode s : root.path("services")) {
            names.add(s.path("service").asText());
            if (!s.path("service").asText().equals(service)) {
                continue;
            }
            List<Interval> windows = new ArrayList<>();
            for (JsonNode w : s.path("windows")) {
                windows.add(new Interval(java.time.OffsetDateTime.parse(w.path("start").asText()).toInstant(),
                        java.time.OffsetDateTime.parse(w.path("end").asText()).toInstant()));
            }
            windows.sort(Comparator.comparing(Interval::start));
            Optional<Interval> inside = windows.stream().filter(i -> !at.isBefore(i.start()) && at.isBefore(i.end()))
                    .findFirst();
            Optional<Interval> next = inside.isPresent() ? Optional.empty()
                    : windows.stream().filter(i -> i.start().isAfter(at)).findFirst();
            return new PlanFileService.GateAnswer(inside, next);
        }
        throw new org.lowtide.fleet.FleetFileException(name, "the fleet plan has no service '" + service + "'"
                + (names.isEmpty() ? "" : " (it has: " + String.join(", ", names.subList(0, Math.min(10, names.size())))
                + (names.size() > 10 ? ", …" : "") + ")"));
    }

    /** @return the zone a saved fleet plan gives a service, for showing times */
    public static ZoneId zoneOf(Path plan, String service) throws IOException {
        JsonNode root = new ObjectMapper().readTree(plan.toFile());
        for (JsonNode s : root.path("services")) {
            if (s.path("service").asText().equals(service)) {
                return ZoneId.of(s.path("zone").asText("UTC"));
            }
        }
        return ZoneId.of("UTC");
    }

    private static void put(ObjectNode n, String key, OptionalDouble v) {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
            n.put(key, v.getAsDouble());
        }
    }

    private static String num(OptionalDouble v) {
        return v.isPresent() ? num(v.getAsDouble()) : "";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    private static String q(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
