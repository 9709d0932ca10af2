package org.lowtide.risk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportWarning;

/**
 * Reads an incident export (see {@link IncidentFormat}) with the traffic importer's standards:
 * the format and delimiter are sniffed from the header, naive times are read in the given zone,
 * a row that cannot be read is skipped with a warning naming its line and column, and a file that
 * cannot be read at all is refused with an {@link ImportException} naming file, line and column.
 * Open incidents are kept (they count as failures) but have no restore time; incidents merged into
 * another, repeated rows (same id, or same start, end and service when there is no id) and, when a
 * service is chosen, other services' incidents are left out and counted.
 */
public final class IncidentCsvReader {

    private static final String[] ID = {"id", "incident_number", "incident number", "tinyId", "tiny id", "number",
        "incident id", "key"};
    private static final String[] CREATED = {"created_on", "created_at", "created", "createdAt", "opened", "triggered"};
    private static final String[] START = {"start", "started", "started_at", "start_time", "began", "impactStartDate",
        "impact_start_date", "impact start"};
    private static final String[] DETECTED = {"detected", "detected_at", "detection", "impactDetectDate",
        "impact_detect_date", "impact detect"};
    private static final String[] END = {"end", "ended", "ended_at", "end_time", "resolved", "resolved_on",
        "resolved_at", "resolvedAt", "impactEndDate", "impact_end_date", "impact end", "restored", "closed_at"};
    private static final String[] SECONDS_TO_RESOLVE = {"seconds_to_resolve"};
    private static final String[] SERVICE = {"service", "service_name", "service name", "impactedServices",
        "impacted_services", "impacted services", "component"};
    private static final String[] CAUSE = {"cause", "root_cause", "root cause", "rootCause", "category", "trigger"};
    private static final String[] STATUS = {"status", "state"};
    private static final String[] REASON = {"resolve_reason", "resolved_reason", "resolution", "resolve_type"};

    private IncidentCsvReader() {
    }

    /**
     * @param file    the export
     * @param zone    zone of timestamps without an offset
     * @param service the service to keep, or empty for all
     * @throws ImportException when the file has no usable start column or no row can be read
     */
    public static IncidentHistory read(Path file, ZoneId zone, Optional<String> service)
            throws IOException, ImportException {
        return read(HistoryCsv.read(file), zone, service);
    }

    /** Reads from text (tests, the GUI's preview). */
    public static IncidentHistory parse(String text, String source, ZoneId zone, Optional<String> service)
            throws ImportException {
        return read(HistoryCsv.parse(text, source), zone, service);
    }

    static IncidentFormat sniff(HistoryCsv.Table t) {
        if (t.column("impactStartDate", "impactDetectDate", "impactEndDate", "tinyId", "impactedServices") >= 0) {
            return IncidentFormat.OPSGENIE;
        }
        if (t.column("created_on", "seconds_to_resolve", "incident_number", "escalation_policy_name") >= 0
                && t.column(START) < 0) {
            return IncidentFormat.PAGERDUTY;
        }
        return IncidentFormat.GENERIC;
    }

    private static IncidentHistory read(HistoryCsv.Table t, ZoneId zone, Optional<String> service)
            throws ImportException {
        IncidentFormat format = sniff(t);
        String src = t.source();
        long headerLine = t.rows().isEmpty() ? 1 : 1;
        int cStart = format == IncidentFormat.PAGERDUTY ? t.column(CREATED) : t.column(START);
        int cCreated = t.column(CREATED);
        if (cStart < 0) {
            cStart = cCreated;
        }
        if (cStart < 0) {
            throw new ImportException(src, headerLine, 0, "no start column: expected one of start, created_on "
                    + "(PagerDuty), impactStartDate or createdAt (Opsgenie); the header has " + t.header());
        }
        int cDetected = t.column(DETECTED);
        int cEnd = t.column(END);
        int cSeconds = t.column(SECONDS_TO_RESOLVE);
        if (cEnd < 0 && cSeconds < 0) {
            throw new ImportException(src, headerLine, 0, "no end column: expected one of end, resolved_on "
                    + "(PagerDuty), impactEndDate (Opsgenie); the header has " + t.header());
        }
        int cId = t.column(ID);
        int cService = t.column(SERVICE);
        int cCause = t.column(CAUSE);
        int cStatus = t.column(STATUS);
        int cReason = t.column(REASON);
        List<ImportWarning> warnings = new ArrayList<>();
        if (service.isPresent() && cService < 0) {
            warnings.add(ImportWarning.ofFile("the export names no service: every incident is taken as "
                    + service.get() + "'s"));
        }
        List<Incident> incidents = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> services = new LinkedHashSet<>();
        int open = 0;
        int merged = 0;
        int duplicates = 0;
        int other = 0;
        int skipped = 0;
        boolean naive = false;
        ImportException firstError = null;
        for (HistoryCsv.Row r : t.rows()) {
            String startText = r.get(cStart);
            if (startText.isEmpty() && cCreated >= 0 && cCreated != cStart) {
                startText = r.get(cCreated);
            }
            Optional<Instant> start = HistoryTimes.parse(startText, zone);
            if (start.isEmpty()) {
                String why = startText.isEmpty() ? "no start time" : "'" + startText + "' is not a time";
                warnings.add(new ImportWarning(r.line(), cStart + 1, why + ": row skipped"));
                skipped++;
                if (firstError == null) {
                    firstError = new ImportException(src, r.line(), cStart + 1, why
                            + " (expected ISO-8601 such as 2025-03-04T10:15:00Z, a local date-time or epoch seconds)");
                }
                continue;
            }
            naive |= !HistoryTimes.hasOffset(startText);
            String status = r.get(cStatus).toLowerCase(Locale.ROOT);
            String reason = r.get(cReason).toLowerCase(Locale.ROOT);
            String svc = r.get(cService);
            if (!svc.isEmpty()) {
                services.add(svc);
            }
            if (status.contains("merge") || reason.contains("merge")) {
                merged++;
                continue;
            }
            Optional<Instant> end = Optional.empty();
            String endText = r.get(cEnd);
            if (!endText.isEmpty()) {
                end = HistoryTimes.parse(endText, zone);
                if (end.isEmpty()) {
                    warnings.add(new ImportWarning(r.line(), cEnd + 1, "'" + endText + "' is not a time: row skipped"));
                    skipped++;
                    continue;
                }
            } else if (cSeconds >= 0 && !r.get(cSeconds).isEmpty()) {
                try {
                    end = Optional.of(start.get().plus(Duration.ofMillis(Math.round(
                            Double.parseDouble(r.get(cSeconds)) * 1000))));
                } catch (NumberFormatException e) {
                    warnings.add(new ImportWarning(r.line(), cSeconds + 1, "'" + r.get(cSeconds)
                            + "' is not a number of seconds: taken as open"));
                }
            }
            boolean openStatus = status.equals("open") || status.equals("triggered") || status.equals("acknowledged")
                    || status.equals("investigating") || status.equals("identified") || status.equals("monitoring");
            if (openStatus && end.isPresent()) {
                warnings.add(new ImportWarning(r.line(), cStatus + 1, "status '" + status
                        + "' but an end time is given: the end time is used"));
            }
            if (end.isPresent() && end.get().isBefore(start.get())) {
                warnings.add(new ImportWarning(r.line(), cEnd + 1, "ends before it starts: row skipped"));
                skipped++;
                continue;
            }
            Optional<Instant> detected = Optional.empty();
            if (cDetected >= 0 && !r.get(cDetected).isEmpty()) {
                detected = HistoryTimes.parse(r.get(cDetected), zone);
                if (detected.isEmpty()) {
                    warnings.add(new ImportWarning(r.line(), cDetected + 1, "'" + r.get(cDetected)
                            + "' is not a time: detection unknown for this incident"));
                }
            }
            String id = r.get(cId);
            String key = id.isEmpty() ? start.get() + "|" + end.map(Instant::toString).orElse("") + "|" + svc : id;
            if (!seen.add(key)) {
                duplicates++;
                warnings.add(new ImportWarning(r.line(), id.isEmpty() ? 0 : cId + 1, "repeats incident "
                        + (id.isEmpty() ? "of " + start.get() : id) + ": left out"));
                continue;
            }
            if (service.isPresent() && cService >= 0 && !matches(svc, service.get())) {
                other++;
                continue;
            }
            if (end.isEmpty()) {
                open++;
            }
            incidents.add(new Incident(id, start.get(), detected, end, svc, r.get(cCause), r.line()));
        }
        if (incidents.isEmpty() && firstError != null && merged + duplicates + other == 0) {
            throw firstError;
        }
        if (naive) {
            warnings.add(0, ImportWarning.ofFile("times without an offset were read in " + zone.getId()));
        }
        if (service.isEmpty() && services.size() > 1) {
            warnings.add(ImportWarning.ofFile(services.size() + " services in the file (" + String.join(", ", services)
                    + "): all are used; choose one with --incident-service"));
        }
        incidents.sort(java.util.Comparator.comparing(Incident::start));
        return new IncidentHistory(t.source(), format, incidents, t.rows().size(), open, merged, duplicates, other,
                skipped, List.copyOf(services), cCause >= 0, warnings);
    }

    /** A service matches by name, case-insensitively; Opsgenie lists several impacted services in one cell. */
    static boolean matches(String cell, String service) {
        for (String s : cell.split("[,;|]")) {
            if (s.trim().equalsIgnoreCase(service.trim())) {
                return true;
            }
        }
        return false;
    }
}
