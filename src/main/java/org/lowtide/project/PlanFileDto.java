package org.lowtide.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The saved plan file as Jackson reads and writes it: plain strings and numbers, ISO-8601 for
 * times, kept apart from the live model so that the model can change without breaking old files.
 * Unknown fields are ignored (a newer Lowtide may add some); {@link PlanFiles} migrates old ones.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanFileDto(int schemaVersion, String writtenBy, Source source, Request request,
                          java.util.Map<String, String> cost, Result result,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) AnnouncedDto announced) {

    /** A plan file without announcements (as every file before issue #22). */
    public PlanFileDto(int schemaVersion, String writtenBy, Source source, Request request,
                       java.util.Map<String, String> cost, Result result) {
        this(schemaVersion, writtenBy, source, request, cost, result, null);
    }

    /** @return this file with {@code newAnnounced} (null: none) */
    public PlanFileDto withAnnounced(AnnouncedDto newAnnounced) {
        return new PlanFileDto(schemaVersion, writtenBy, source, request, cost, result, newAnnounced);
    }

    /**
     * What was announced where (issue #22): the ids Alertmanager, PagerDuty and Statuspage gave each
     * window, so that announcing again updates or removes them. Added without a new schema version
     * (older Lowtides ignore it); it carries its own {@code version}, {@value #ANNOUNCED_VERSION} today.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnnouncedDto(int version, List<AnnouncedTargetDto> targets) {
    }

    /** The version of {@link AnnouncedDto} this build writes. */
    public static final int ANNOUNCED_VERSION = 1;

    /** One place announced to: {@code kind} alertmanager, pagerduty or statuspage. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnnouncedTargetDto(String kind, String endpoint, List<AnnouncedEntryDto> entries) {
    }

    /** One window's announcement there. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnnouncedEntryDto(String key, String id, String digest, String end) {
    }

    /**
     * Where the traffic came from and how it was read. The import settings after {@code column}
     * were added with the importer of issue #3; files without them read with the defaults.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String path, String sha256, String zone, String step, String column, String format,
                         List<String> series, Boolean sum, String dateOrder, String kind, PrometheusDto prometheus) {

        /** A source with only the settings of schema 1's first files. */
        public Source(String path, String sha256, String zone, String step, String column) {
            this(path, sha256, zone, step, column, null, null, null, null, null, null);
        }

        /** A file source (no Prometheus query), as files before issue #16 were written. */
        public Source(String path, String sha256, String zone, String step, String column, String format,
                      List<String> series, Boolean sum, String dateOrder, String kind) {
            this(path, sha256, zone, step, column, format, series, sum, dateOrder, kind, null);
        }
    }

    /**
     * A Prometheus query the traffic was read with (issue #16; absent in files on traffic files). Never
     * credentials. {@code range} is the look-back when {@code start} is absent (re-planning then reads
     * up to the time of re-planning).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PrometheusDto(String url, String query, String step, String range, String start, String end) {
    }

    /** What was asked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(String duration, String rollbackTail, int count, String from, String to, String minGap,
                          String zone, List<String> allowed, List<BlackoutDto> blackouts, String holidays,
                          String holidayPolicy, List<HolidayDto> holidayDates, String habit, Double staffCostPerHour,
                          Double nightPremium, String staffNightHours, Double maxP90Share, String per,
                          List<String> changes, String trafficOutlook) {
    }

    /** A freeze. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlackoutDto(String start, String end, String reason) {
    }

    /** A public holiday. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HolidayDto(String date, String name) {
    }

    /** What was recommended. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String unit, List<WindowDto> windows, RecurringDto recurring, double medianCandidate,
                         Double habit) {
    }

    /** A dated window. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowDto(int rank, String start, String end, String tailEnd, String latestSafeStart,
                            double expected, double upper, double savingsVsMedian, List<String> reasons, String change) {
    }

    /** The weekly rule and its dated occurrences. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecurringDto(String day, String start, String duration, String zone, double expected,
                               List<OccurrenceDto> occurrences) {
    }

    /** One occurrence of the weekly rule. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OccurrenceDto(String start, String end, List<String> flags) {
    }
}
