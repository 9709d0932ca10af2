package org.lowtide.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;

/** The Windows form without a toolkit: plain JUnit, no JavaFX thread. */
class PlanFormTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final TrafficSource SOURCE = new TrafficSource.FileSource(Path.of("traffic.csv"));

    private static PlanForm.Fields fields(String length, Integer count, List<String> hours,
                                          List<PlanForm.BlackoutText> freezes, List<PlanForm.ChangeText> changes,
                                          String staffCost, String nightPremium, String teamZone, TrafficSource source) {
        return new PlanForm.Fields(length, "1 h", count, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 29), "1 d",
                hours, freezes, changes, "", HolidayPolicy.BLACKOUT, "Tue 14:00", null, staffCost, nightPremium, "",
                OutlookChoice.AUTO, teamZone, null, source, source == null ? null : BERLIN,
                source == null ? null : ImportOptions.inZone(BERLIN));
    }

    private static PlanForm.Fields valid() {
        return fields("2 h", 4, List.of("Mon-Fri 01:00-06:00", ""),
                List.of(new PlanForm.BlackoutText("2026-03-09", "2026-03-13", "freeze")), List.of(), "", "1", "",
                SOURCE);
    }

    @Test
    void validFieldsGiveTheRequestTheyDescribe() {
        PlanForm.Checked c = PlanForm.check(valid(), code -> "");
        assertThat(c.problems()).isZero();
        assertThat(c.formOk()).isTrue();
        PlanRequest r = c.request().orElseThrow();
        assertThat(r.windows().duration()).isEqualTo(Duration.ofHours(2));
        assertThat(r.windows().rollbackTail()).isEqualTo(Duration.ofHours(1));
        assertThat(r.windows().count()).isEqualTo(4);
        assertThat(r.windows().constraints().zone()).isEqualTo(BERLIN);
        assertThat(r.windows().constraints().allowed()).hasSize(1);
        assertThat(r.windows().constraints().blackouts()).singleElement()
                .satisfies(b -> assertThat(b.reason()).isEqualTo("freeze"));
        assertThat(r.windows().habit()).isPresent();
        assertThat(r.analysis().source()).isEqualTo(SOURCE);
        assertThat(c.allowedErrors()).containsExactly("", "");
    }

    @Test
    void everyBadFieldHasItsOwnMessageAndNoRequestIsMade() {
        PlanForm.Fields f = fields("0", 0, List.of("Someday 25:00-26:00"),
                List.of(new PlanForm.BlackoutText("2026-03-09", "", "")), List.of(new PlanForm.ChangeText("", "2 h")),
                "-5", "0.5", "Mars/Olympus", SOURCE);
        PlanForm.Checked c = PlanForm.check(f, code -> "");
        assertThat(c.request()).isEmpty();
        assertThat(c.message(PlanForm.Field.WINDOW_LENGTH)).isEqualTo("The window must last longer than 0.");
        assertThat(c.message(PlanForm.Field.COUNT)).isEqualTo("Plan between 1 and 100 windows.");
        assertThat(c.message(PlanForm.Field.STAFF_COST)).startsWith("Give the staff cost per hour");
        assertThat(c.message(PlanForm.Field.NIGHT_PREMIUM)).startsWith("The night premium is a factor of at least 1");
        assertThat(c.message(PlanForm.Field.TEAM_ZONE)).startsWith("No time zone 'Mars/Olympus'");
        assertThat(c.allowedErrors().get(0)).isNotEmpty();
        assertThat(c.blackoutErrors().get(0)).startsWith("Give both the first and the last day");
        assertThat(c.changeErrors().get(0)).isEqualTo("Give the change a name, e.g. Database migration.");
        assertThat(c.problems()).isEqualTo(8);
        assertThat(c.message(PlanForm.Field.HORIZON)).isEmpty();
    }

    @Test
    void namedChangesMakeTheCountUnusedAndAnAmbiguousNumberIsRefused() {
        PlanForm.Fields f = fields("2 h", null, List.of(), List.of(), List.of(new PlanForm.ChangeText("Migration", "4 h")),
                "1,500", "1", "", SOURCE);
        PlanForm.Checked c = PlanForm.check(f, code -> "");
        assertThat(c.changesListed()).isTrue();
        assertThat(c.message(PlanForm.Field.COUNT)).isEmpty();
        // "1,500" is 1500 in an English locale and 1.5 in a German one; never silently 15.
        String m = c.message(PlanForm.Field.STAFF_COST);
        if (!m.isEmpty()) {
            assertThat(m).contains("could mean 1.500 or 1500");
        } else {
            assertThat(c.request().orElseThrow().rules().staffCost().orElseThrow().perHour()).isIn(1.5, 1500.0);
        }
    }

    @Test
    void withoutTrafficTheFormIsFineButThereIsNothingToPlan() {
        PlanForm.Checked c = PlanForm.check(fields("2 h", 4, List.of(), List.of(), List.of(), "", "", "", null),
                code -> "");
        assertThat(c.formOk()).isTrue();
        assertThat(c.request()).isEmpty();
    }

    @Test
    void anUnknownCalendarIsTheHolidayFieldsMessage() {
        PlanForm.Fields f = new PlanForm.Fields("2 h", "1 h", 4, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 29),
                "1 d", List.of(), List.of(), List.of(), "XX", HolidayPolicy.BLACKOUT, "", null, "", "", "", null, "",
                null, SOURCE, BERLIN, ImportOptions.inZone(BERLIN));
        PlanForm.Checked c = PlanForm.check(f, code -> code.equals("XX") ? "No calendar XX." : "");
        assertThat(c.message(PlanForm.Field.HOLIDAYS)).isEqualTo("No calendar XX.");
        assertThat(c.request()).isEmpty();
    }

    @Test
    void whatTheFormWritesItReadsBack() {
        PlanForm.Checked c = PlanForm.check(valid(), code -> "");
        var b = c.request().orElseThrow().windows().constraints().blackouts().get(0);
        PlanForm.BlackoutText text = PlanForm.blackoutText(b, BERLIN);
        assertThat(text).isEqualTo(new PlanForm.BlackoutText("2026-03-09", "2026-03-13", "freeze"));
        assertThat(PlanForm.blackout(text, BERLIN).value()).contains(b);
        var habit = c.request().orElseThrow().windows().habit().orElseThrow();
        assertThat(PlanForm.habitText(habit)).isEqualTo("Tue 14:00");
    }
}
