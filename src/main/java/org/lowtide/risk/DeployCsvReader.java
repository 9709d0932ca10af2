package org.lowtide.risk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportWarning;

/**
 * Reads a deploy log: a CSV with a time column ({@code time}, {@code deployed_at}, {@code timestamp},
 * {@code date}, {@code created_at}, {@code finished_at}, …) and optional {@code service} and
 * {@code outcome} ({@code status}, {@code result}: {@code failed}, {@code rolled back},
 * {@code rollback}, {@code hotfix} mark a failed change; {@code success}, {@code ok} a good one).
 * A header-less file of one timestamp per line is read too. Same standards as the incident reader.
 */
public final class DeployCsvReader {

    private static final String[] TIME = {"time", "timestamp", "deployed_at", "deployed", "deploy_time", "date",
        "datetime", "created_at", "finished_at", "completed_at", "at", "when", "start"};
    private static final String[] SERVICE = {"service", "service_name", "app", "application", "component",
        "project", "environment_service"};
    private static final String[] OUTCOME = {"outcome", "status", "result", "state", "conclusion"};
    private static final String[] NAME = {"id", "version", "tag", "sha", "commit", "ref", "name", "release"};

    private DeployCsvReader() {
    }

    /** @throws ImportException when there is no time column or no row can be read */
    public static ChangeHistory read(Path file, ZoneId zone, Optional<String> service)
            throws IOException, ImportException {
        return read(HistoryCsv.read(file), zone, service);
    }

    /** Reads from text. */
    public static ChangeHistory parse(String text, String source, ZoneId zone, Optional<String> service)
            throws ImportException {
        return read(HistoryCsv.parse(text, source), zone, service);
    }

    private static ChangeHistory read(HistoryCsv.Table t, ZoneId zone, Optional<String> service)
            throws ImportException {
        List<HistoryCsv.Row> rows = new ArrayList<>(t.rows());
        int cTime = t.column(TIME);
        boolean headerless = cTime < 0 && !t.header().isEmpty() && HistoryTimes.parse(t.header().get(0), zone).isPresent();
        if (headerless) {
            rows.add(0, new HistoryCsv.Row(1, t.header()));
            cTime = 0;
        }
        if (cTime < 0) {
            throw new ImportException(t.source(), 1, 0, "no time column: expected one of time, timestamp, "
                    + "deployed_at, date (or one timestamp per line); the header has " + t.header());
        }
        int cService = headerless ? -1 : t.column(SERVICE);
        int cOutcome = headerless ? -1 : t.column(OUTCOME);
        int cName = headerless ? -1 : t.column(NAME);
        List<ImportWarning> warnings = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        int other = 0;
        int skipped = 0;
        ImportException firstError = null;
        for (HistoryCsv.Row r : rows) {
            String text = r.get(cTime);
            Optional<Instant> time = HistoryTimes.parse(text, zone);
            if (time.isEmpty()) {
                skipped++;
                String why = text.isEmpty() ? "no time" : "'" + text + "' is not a time";
                warnings.add(new ImportWarning(r.line(), cTime + 1, why + ": row skipped"));
                if (firstError == null) {
                    firstError = new ImportException(t.source(), r.line(), cTime + 1, why
                            + " (expected ISO-8601 such as 2025-03-04T10:15:00Z, a local date-time or epoch seconds)");
                }
                continue;
            }
            String svc = r.get(cService);
            if (service.isPresent() && cService >= 0 && !IncidentCsvReader.matches(svc, service.get())) {
                other++;
                continue;
            }
            String name = r.get(cName);
            if (!seen.add(time.get() + "|" + svc + "|" + name)) {
                duplicates++;
                warnings.add(new ImportWarning(r.line(), 0, "repeats the change of " + time.get() + ": left out"));
                continue;
            }
            changes.add(new Change(time.get(), name, svc, outcome(r.get(cOutcome)), r.line()));
        }
        if (changes.isEmpty() && firstError != null) {
            throw firstError;
        }
        return new ChangeHistory(t.source(), changes, rows.size(), duplicates, other, skipped, warnings);
    }

    static Change.Outcome outcome(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        if (s.isBlank()) {
            return Change.Outcome.UNKNOWN;
        }
        for (String w : new String[] {"fail", "roll", "revert", "hotfix", "error", "incident", "broken"}) {
            if (s.contains(w)) {
                return Change.Outcome.FAILED;
            }
        }
        return Change.Outcome.SUCCEEDED;
    }
}
