package org.lowtide.project;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.Holiday;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.Plan;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.RecurringWindow;
import org.lowtide.planning.Rejection;
import org.lowtide.planning.WindowRequest;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.imports.DateOrder;
import org.lowtide.traffic.imports.ImportFormat;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.MetricKind;
import org.lowtide.traffic.sources.PrometheusQuery;

/** Converts between {@link PlanDocument} (model) and {@link PlanFileDto} (file), explicitly, field by field. */
public final class PlanFileMapper {

    private PlanFileMapper() {
    }

    public static PlanFileDto toDto(PlanDocument doc, String writtenBy) {
        Plan plan = doc.plan();
        WindowRequest r = plan.request();
        Constraints c = r.constraints();
        ImportOptions io = doc.importOptions();
        PlanFileDto.Source source = new PlanFileDto.Source(doc.sourcePath(), doc.sourceSha256(), io.zone().getId(),
                io.step().map(Duration::toString).orElse(null), io.column().orElse(null),
                io.format() == ImportFormat.AUTO ? null : io.format().id(), io.series().isEmpty() ? null : io.series(),
                io.sum() ? Boolean.TRUE : null, io.dateOrder().map(DateOrder::id).orElse(null),
                io.kind().map(MetricKind::id).orElse(null), doc.prometheus().map(PlanFileMapper::prometheus).orElse(null));
        List<String> allowed = new ArrayList<>();
        c.allowed().forEach(a -> allowed.add(a.toString()));
        List<PlanFileDto.BlackoutDto> blackouts = new ArrayList<>();
        c.blackouts().forEach(b -> blackouts.add(new PlanFileDto.BlackoutDto(b.interval().start().toString(),
                b.interval().end().toString(), b.reason())));
        List<PlanFileDto.HolidayDto> holidays = new ArrayList<>();
        c.holidays().forEach(h -> holidays.add(new PlanFileDto.HolidayDto(h.date().toString(), h.name())));
        PlanFileDto.Request request = new PlanFileDto.Request(r.duration().toString(), r.rollbackTail().toString(),
                r.count(), r.from().toString(), r.to().toString(), r.minGap().toString(), c.zone().getId(), allowed,
                blackouts, doc.holidays().orElse(null), c.holidayPolicy().name(), holidays,
                r.habit().map(h -> h.day().name() + " " + h.start()).orElse(null),
                doc.rules().staffCost().map(PlanRules.StaffCost::perHour).orElse(null),
                doc.rules().staffCost().map(PlanRules.StaffCost::nightPremium).orElse(null),
                doc.rules().staffCost().map(x -> x.nightFrom() + "-" + x.nightTo()).orElse(null),
                doc.rules().maxP90Share().isPresent() ? doc.rules().maxP90Share().getAsDouble() : null,
                doc.rules().per().map(Enum::name).orElse(null),
                doc.rules().changes().isEmpty() ? null
                        : doc.rules().changes().stream().map(PlanRules.Change::toString).collect(java.util.stream.Collectors.toList()),
                doc.rules().outlook().id());
        List<PlanFileDto.WindowDto> windows = new ArrayList<>();
        for (ChangeWindow w : plan.windows()) {
            windows.add(new PlanFileDto.WindowDto(w.rank(), offset(w.window().start(), c.zone()),
                    offset(w.window().end(), c.zone()), offset(w.tailEnd(), c.zone()),
                    offset(w.latestSafeStart(), c.zone()), w.expected(), w.upper(), w.savingsVsMedian(), w.reasons(),
                    w.change().orElse(null)));
        }
        PlanFileDto.RecurringDto recurring = plan.recurring().map(PlanFileMapper::recurring).orElse(null);
        PlanFileDto.Result result = new PlanFileDto.Result(plan.unit(), windows, recurring, plan.medianCandidate(),
                plan.habit().isPresent() ? plan.habit().getAsDouble() : null);
        java.util.Map<String, String> cost = doc.cost().map(CostAssumptionsCodec::encode).orElse(null);
        return new PlanFileDto(PlanFiles.SCHEMA_VERSION, writtenBy, source, request, cost, result);
    }

    private static PlanFileDto.RecurringDto recurring(RecurringWindow rule) {
        List<PlanFileDto.OccurrenceDto> occurrences = new ArrayList<>();
        rule.occurrences().forEach(o -> occurrences.add(new PlanFileDto.OccurrenceDto(
                o.start().toOffsetDateTime().toString(), o.end().toOffsetDateTime().toString(), o.flags())));
        return new PlanFileDto.RecurringDto(rule.day().name(), rule.start().toString(), rule.duration().toString(),
                rule.zone().getId(), rule.expected(), occurrences);
    }

    private static String offset(Instant t, ZoneId zone) {
        return t.atZone(zone).toOffsetDateTime().toString();
    }

    /**
     * @throws PlanFileException naming the field that cannot be read
     */
    public static PlanDocument fromDto(PlanFileDto dto, String fileName) throws PlanFileException {
        try {
            PlanFileDto.Source s = require(dto.source(), "source", fileName);
            PlanFileDto.Request q = require(dto.request(), "request", fileName);
            PlanFileDto.Result res = require(dto.result(), "result", fileName);
            ZoneId zone = ZoneId.of(require(q.zone(), "request.zone", fileName));
            ImportOptions io = ImportOptions.inZone(ZoneId.of(require(s.zone(), "source.zone", fileName)));
            if (s.step() != null) {
                io = io.withStep(Duration.parse(s.step()));
            }
            if (s.column() != null) {
                io = io.withColumn(s.column());
            }
            if (s.format() != null) {
                io = io.withFormat(ImportFormat.fromId(s.format()));
            }
            if (s.series() != null) {
                io = io.withSeries(s.series());
            }
            if (Boolean.TRUE.equals(s.sum())) {
                io = io.withSum(true);
            }
            if (s.dateOrder() != null) {
                io = io.withDateOrder(DateOrder.valueOf(s.dateOrder().toUpperCase(java.util.Locale.ROOT)));
            }
            if (s.kind() != null) {
                io = io.withKind(MetricKind.valueOf(s.kind().toUpperCase(java.util.Locale.ROOT)));
            }
            List<AllowedHours> allowed = new ArrayList<>();
            for (String a : list(q.allowed())) {
                allowed.add(AllowedHours.parse(a));
            }
            List<Blackout> blackouts = new ArrayList<>();
            for (PlanFileDto.BlackoutDto b : list(q.blackouts())) {
                blackouts.add(new Blackout(new Interval(Instant.parse(b.start()), Instant.parse(b.end())), b.reason()));
            }
            List<Holiday> holidays = new ArrayList<>();
            for (PlanFileDto.HolidayDto h : list(q.holidayDates())) {
                holidays.add(new Holiday(LocalDate.parse(h.date()), h.name()));
            }
            Constraints constraints = new Constraints(zone, allowed, blackouts, holidays,
                    q.holidayPolicy() == null ? HolidayPolicy.BLACKOUT : HolidayPolicy.valueOf(q.holidayPolicy()));
            Optional<WindowRequest.Habit> habit = q.habit() == null ? Optional.empty()
                    : Optional.of(WindowRequest.Habit.parse(q.habit()));
            WindowRequest request = new WindowRequest(Duration.parse(q.duration()), Duration.parse(q.rollbackTail()),
                    q.count(), LocalDate.parse(q.from()), LocalDate.parse(q.to()), Duration.parse(q.minGap()),
                    constraints, habit);
            List<ChangeWindow> windows = new ArrayList<>();
            for (PlanFileDto.WindowDto w : list(res.windows())) {
                windows.add(new ChangeWindow(w.rank(), new Interval(instant(w.start()), instant(w.end())),
                        instant(w.tailEnd()), instant(w.latestSafeStart()), w.expected(), w.upper(), w.savingsVsMedian(),
                        list(w.reasons()), Optional.ofNullable(w.change())));
            }
            Optional<RecurringWindow> recurring = Optional.empty();
            if (res.recurring() != null) {
                PlanFileDto.RecurringDto rd = res.recurring();
                ZoneId rz = ZoneId.of(rd.zone());
                List<RecurringWindow.Occurrence> occ = new ArrayList<>();
                for (PlanFileDto.OccurrenceDto o : list(rd.occurrences())) {
                    occ.add(new RecurringWindow.Occurrence(OffsetDateTime.parse(o.start()).atZoneSameInstant(rz),
                            OffsetDateTime.parse(o.end()).atZoneSameInstant(rz), list(o.flags())));
                }
                recurring = Optional.of(new RecurringWindow(DayOfWeek.valueOf(rd.day()), LocalTime.parse(rd.start()),
                        Duration.parse(rd.duration()), rz, rd.expected(), occ));
            }
            Plan plan = new Plan(request, res.unit() == null ? "" : res.unit(), windows, recurring, List.<Rejection>of(),
                    res.medianCandidate(), res.habit() == null ? OptionalDouble.empty() : OptionalDouble.of(res.habit()),
                    0, 0);
            Optional<org.lowtide.cost.CostAssumptions> cost = dto.cost() == null ? Optional.empty()
                    : Optional.of(CostAssumptionsCodec.decode(dto.cost()));
            Optional<PlanRules.StaffCost> staff = Optional.empty();
            if (q.staffCostPerHour() != null) {
                String[] night = require(q.staffNightHours(), "request.staffNightHours", fileName).split("-");
                staff = Optional.of(new PlanRules.StaffCost(q.staffCostPerHour(),
                        q.nightPremium() == null ? 1 : q.nightPremium(), LocalTime.parse(night[0]),
                        LocalTime.parse(night[1])));
            }
            PlanRules rules = new PlanRules(staff,
                    q.maxP90Share() == null ? OptionalDouble.empty() : OptionalDouble.of(q.maxP90Share()),
                    q.per() == null ? Optional.empty() : Optional.of(PlanRules.CountPeriod.valueOf(q.per())),
                    list(q.changes()).stream().map(PlanRules.Change::parse).collect(java.util.stream.Collectors.toList()),
                    // Files from before the forecast could rank windows were planned on the weekly profile.
                    q.trafficOutlook() == null ? OutlookChoice.PROFILE : OutlookChoice.parse(q.trafficOutlook()));
            return new PlanDocument(require(s.path(), "source.path", fileName), s.sha256() == null ? "" : s.sha256(),
                    io, Optional.ofNullable(q.holidays()), cost, rules, plan,
                    s.prometheus() == null ? Optional.empty() : Optional.of(prometheus(s.prometheus())));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw new PlanFileException(fileName + ": damaged plan file: " + excerpt(e.getMessage()), e);
        } catch (NullPointerException e) {
            throw new PlanFileException(fileName + ": damaged plan file: a required value is missing", e);
        }
    }

    /** A problem's message, short and printable: a damaged file's content is not echoed at length. */
    static String excerpt(String message) {
        if (message == null) {
            return "a value cannot be read";
        }
        String s = message.replaceAll("[^\\p{Print}]", "?")
                // "No enum constant org.lowtide.x.Kind.VALUE": our words, no Java class name
                .replaceAll("No enum constant (?:[A-Za-z_$][\\w$]*\\.)+([^.\\s]*)$", "'$1' is not one of the accepted values")
                .replaceAll("\\b(?:[a-z_][\\w$]*\\.){2,}([A-Z][\\w$]*)", "$1");
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    private static PlanFileDto.PrometheusDto prometheus(PrometheusQuery q) {
        return new PlanFileDto.PrometheusDto(q.server().toString(), q.promql(), q.step().toString(),
                q.range().toString(), q.start().map(Instant::toString).orElse(null),
                q.end().map(Instant::toString).orElse(null));
    }

    private static PrometheusQuery prometheus(PlanFileDto.PrometheusDto p) {
        return new PrometheusQuery(java.net.URI.create(p.url()), p.query(), Duration.parse(p.step()),
                p.range() == null ? PrometheusQuery.DEFAULT_RANGE : Duration.parse(p.range()),
                Optional.ofNullable(p.start()).map(Instant::parse), Optional.ofNullable(p.end()).map(Instant::parse));
    }

    private static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    private static <T> T require(T value, String field, String fileName) throws PlanFileException {
        if (value == null) {
            throw new PlanFileException(fileName + ": damaged plan file: '" + field + "' is missing");
        }
        return value;
    }

    /**
     * What a plan file says was announced.
     *
     * @throws PlanFileException when the announcements were written by a newer Lowtide, or damaged
     */
    public static org.lowtide.announce.AnnounceState announced(PlanFileDto dto, String fileName) throws PlanFileException {
        PlanFileDto.AnnouncedDto a = dto.announced();
        if (a == null) {
            return org.lowtide.announce.AnnounceState.EMPTY;
        }
        if (a.version() > PlanFileDto.ANNOUNCED_VERSION) {
            throw new PlanFileException(fileName + ": its announcements were written by a newer Lowtide (version "
                    + a.version() + "); announce with that version, so that nothing is announced twice");
        }
        List<org.lowtide.announce.AnnounceState.Target> targets = new ArrayList<>();
        try {
            for (PlanFileDto.AnnouncedTargetDto t : list(a.targets())) {
                List<org.lowtide.announce.AnnounceState.Entry> entries = new ArrayList<>();
                for (PlanFileDto.AnnouncedEntryDto e : list(t.entries())) {
                    entries.add(new org.lowtide.announce.AnnounceState.Entry(e.key(), e.id(),
                            e.digest() == null ? "" : e.digest(), Instant.parse(e.end())));
                }
                targets.add(new org.lowtide.announce.AnnounceState.Target(
                        org.lowtide.announce.AnnounceState.Kind.valueOf(t.kind().toUpperCase(java.util.Locale.ROOT)),
                        t.endpoint(), entries));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException | NullPointerException e) {
            throw new PlanFileException(fileName + ": damaged plan file: its announcements cannot be read ("
                    + excerpt(e.getMessage()) + ")", e);
        }
        return new org.lowtide.announce.AnnounceState(targets);
    }

    /** @return {@code dto} holding {@code state} (an empty list when nothing is announced any more) */
    public static PlanFileDto withAnnounced(PlanFileDto dto, org.lowtide.announce.AnnounceState state) {
        List<PlanFileDto.AnnouncedTargetDto> targets = new ArrayList<>();
        for (org.lowtide.announce.AnnounceState.Target t : state.targets()) {
            List<PlanFileDto.AnnouncedEntryDto> entries = new ArrayList<>();
            t.entries().forEach(e -> entries.add(new PlanFileDto.AnnouncedEntryDto(e.key(), e.id(),
                    e.digest().isEmpty() ? null : e.digest(), e.end().toString())));
            targets.add(new PlanFileDto.AnnouncedTargetDto(t.kind().name().toLowerCase(java.util.Locale.ROOT),
                    t.endpoint(), entries));
        }
        return dto.withAnnounced(new PlanFileDto.AnnouncedDto(PlanFileDto.ANNOUNCED_VERSION, targets));
    }
}
