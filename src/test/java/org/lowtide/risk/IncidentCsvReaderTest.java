package org.lowtide.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportWarning;

/** Incident exports, with fixtures written from each tool's published column list. */
class IncidentCsvReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(IncidentCsvReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void pagerDutyExportCountsOpenMergedDuplicateAndOtherServices() throws Exception {
        IncidentHistory h = IncidentCsvReader.read(fixture("pagerduty_incidents.csv"), ZoneId.of("UTC"),
                Optional.of("checkout"));
        assertThat(h.format()).isEqualTo(IncidentFormat.PAGERDUTY);
        assertThat(h.rows()).isEqualTo(8);
        assertThat(h.merged()).isEqualTo(1);
        assertThat(h.duplicates()).isEqualTo(1);
        assertThat(h.otherService()).isEqualTo(1);
        assertThat(h.skipped()).isEqualTo(1);
        assertThat(h.open()).isEqualTo(1);
        assertThat(h.incidents()).extracting(Incident::id).containsExactly("Q1ABC", "Q1ABD", "Q1ABG", "Q1ABH");
        Incident first = h.incidents().get(0);
        assertThat(first.restore()).contains(Duration.ofMinutes(45));
        assertThat(first.detection()).isEmpty();
        // an offset in the text wins over the zone
        assertThat(h.incidents().get(1).start()).isEqualTo(Instant.parse("2025-02-11T13:02:00Z"));
        // resolved_on empty: seconds_to_resolve gives the end
        assertThat(h.incidents().get(3).restore()).contains(Duration.ofMinutes(90));
        // the quoted multi-line description keeps the next row's line numbers right
        assertThat(h.warnings()).extracting(ImportWarning::line, ImportWarning::column)
                .contains(org.assertj.core.groups.Tuple.tuple(10L, 12));
        assertThat(h.summary()).contains("4 incidents used", "1 open", "1 merged", "1 duplicates", "1 of other services");
    }

    @Test
    void allServicesAreUsedAndNamedWhenNoneIsChosen() throws Exception {
        IncidentHistory h = IncidentCsvReader.read(fixture("pagerduty_incidents.csv"), ZoneId.of("UTC"),
                Optional.empty());
        assertThat(h.incidents()).hasSize(5);
        assertThat(h.services()).containsExactly("checkout", "search");
        assertThat(h.warnings()).anyMatch(w -> w.message().contains("2 services"));
    }

    @Test
    void opsgenieExportUsesImpactDatesForDetectionAndRestore() throws Exception {
        IncidentHistory h = IncidentCsvReader.read(fixture("opsgenie_incidents.csv"), ZoneId.of("Europe/Berlin"),
                Optional.of("Checkout"));
        assertThat(h.format()).isEqualTo(IncidentFormat.OPSGENIE);
        assertThat(h.incidents()).extracting(Incident::id).containsExactly("12", "14", "15");
        assertThat(h.otherService()).isEqualTo(1);
        assertThat(h.open()).isEqualTo(1);
        Incident release = h.incidents().get(0);
        assertThat(release.start()).isEqualTo(Instant.parse("2025-04-02T08:02:00Z")); // CEST, naive in the file
        assertThat(release.detection()).contains(Duration.ofMinutes(5));
        assertThat(release.restore()).contains(Duration.ofMinutes(43));
        assertThat(h.warnings().get(0).message()).contains("read in Europe/Berlin");
    }

    @Test
    void genericTableWithBomCommentAndCause() throws Exception {
        IncidentHistory h = IncidentCsvReader.read(fixture("generic_incidents.csv"), ZoneId.of("UTC"), Optional.empty());
        assertThat(h.format()).isEqualTo(IncidentFormat.GENERIC);
        assertThat(h.hasCause()).isTrue();
        assertThat(h.incidents()).hasSize(4);
        assertThat(h.incidents()).extracting(Incident::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(h.incidents()).extracting(i -> i.causedByChange().orElse(null))
                .containsExactly(true, false, null, true);
    }

    @Test
    void refusesAFileWithoutAStartColumnNamingTheHeader() {
        assertThatThrownBy(() -> IncidentCsvReader.parse("when,until\n2025-01-01,2025-01-02\n", "x.csv",
                ZoneId.of("UTC"), Optional.empty()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("x.csv: line 1")
                .hasMessageContaining("no start column");
    }

    @Test
    void refusesAFileWhoseTimesCannotBeReadWithLineAndColumn() {
        assertThatThrownBy(() -> IncidentCsvReader.parse("id,start,end\n1,soon,later\n2,never,later\n", "y.csv",
                ZoneId.of("UTC"), Optional.empty()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("y.csv: line 2, column 2")
                .hasMessageContaining("'soon' is not a time");
    }

    @Test
    void anEndBeforeTheStartIsSkippedWithAWarning() throws Exception {
        IncidentHistory h = IncidentCsvReader.parse("start\tend\n2025-01-01T10:00Z\t2025-01-01T09:00Z\n"
                + "2025-01-02T10:00Z\t2025-01-02T10:30Z\n", "t.tsv", ZoneId.of("UTC"), Optional.empty());
        assertThat(h.incidents()).hasSize(1);
        assertThat(h.warnings()).extracting(ImportWarning::toString).contains("line 2, column 2: ends before it starts: row skipped");
    }
}
