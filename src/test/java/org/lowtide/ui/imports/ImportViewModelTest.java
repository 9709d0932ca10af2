package org.lowtide.ui.imports;

import static org.lowtide.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.service.ImportService;
import org.lowtide.traffic.imports.ColumnRole;
import org.lowtide.traffic.imports.ColumnRoles;
import org.lowtide.traffic.imports.DateOrder;
import org.lowtide.traffic.imports.ImportFormat;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportWarning;
import org.lowtide.traffic.imports.MetricKind;
import org.testfx.api.FxToolkit;

/**
 * The import dialog's state without controls. Imports run on the caller's thread and every call
 * is made on the FX thread, so each has imported (and shown the outcome) when it returns.
 */
class ImportViewModelTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final ImportViewModel model = new ImportViewModel(new ImportService(), Runnable::run);

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static Path fixture(String name) {
        try {
            return Path.of(ImportViewModelTest.class.getResource("/org/lowtide/traffic/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void openingAFileShowsItsLinesWhatWasDetectedAndTheOutcome() throws Exception {
        onFx(() -> model.open(fixture("messy_rows.csv"), UTC));

        assertThat(model.previewLinesProperty()).hasSize(13).first().isEqualTo("timestamp,requests");
        assertThat(model.detectedProperty().get()).isEqualTo("messy_rows.csv — delimited text, UTF-8, 311 bytes");
        assertThat(model.summaryProperty()).contains("Rows: 12 read = 6 used + 1 merged + 5 skipped",
                "Grid: 12 points every 5 minutes from 2025-05-01T00:00, 6 missing in 1 gap");
        assertThat(model.warningsProperty()).contains(new ImportWarning(8, 0,
                "negative count -7; skipped (the step stays missing)"));
        assertThat(model.availableProperty()).containsExactly("requests");
        assertThat(model.chosen()).containsExactly("requests");
        assertThat(model.canImportProperty().get()).isTrue();
        assertThat(model.getErrorMessage()).isEmpty();
    }

    @Test
    void changingAnOptionImportsAgainAndTheOptionsCarryIt() throws Exception {
        onFx(() -> model.open(fixture("messy_rows.csv"), UTC));
        onFx(() -> model.stepProperty().set(Duration.ofMinutes(15)));

        assertThat(model.getResult().series().step()).isEqualTo(Duration.ofMinutes(15));
        assertThat(model.summaryProperty()).anySatisfy(line -> assertThat(line).startsWith("Resampled: rows every"));

        onFx(() -> model.kindProperty().set(MetricKind.GAUGE));
        assertThat(model.getResult().details().kind()).isEqualTo(MetricKind.GAUGE);
        ImportOptions options = model.options();
        assertThat(options.step()).contains(Duration.ofMinutes(15));
        assertThat(options.kind()).contains(MetricKind.GAUGE);
        assertThat(options.zone()).isEqualTo(UTC);
        assertThat(options.series()).containsExactly("requests");
    }

    @Test
    void choosingSeriesReplacesOrAddsUp() throws Exception {
        Path pedestrians = fixture("date_and_hour_columns.tsv");
        onFx(() -> model.open(pedestrians, UTC));
        assertThat(model.availableProperty()).containsExactly("visits");

        Path two = java.nio.file.Files.createTempFile("two", ".csv");
        java.nio.file.Files.writeString(two, "t,a,b\n2025-01-01T00:00Z,1,10\n2025-01-01T01:00Z,2,20\n");
        onFx(() -> model.open(two, UTC));
        assertThat(model.chosen()).containsExactly("a");

        onFx(() -> model.setChosen("b", true));
        assertThat(model.chosen()).containsExactly("b");
        assertThat(model.getResult().series().values()).containsExactly(10, 20);

        onFx(() -> model.sumProperty().set(true));
        onFx(() -> model.setChosen("a", true));
        assertThat(model.chosen()).containsExactly("a", "b"); // in the file's order
        assertThat(model.getResult().series().values()).containsExactly(11, 22);
        assertThat(model.options().sum()).isTrue();

        onFx(() -> model.sumProperty().set(false));
        assertThat(model.chosen()).containsExactly("a");
        assertThat(model.options().series()).isEqualTo(List.of("a"));
    }

    @Test
    void anUnreadableFileShowsWhereAndDisablesImport() throws Exception {
        onFx(() -> model.open(fixture("ambiguous_dates_monthly.csv"), UTC));

        assertThat(model.getErrorMessage()).startsWith("ambiguous_dates_monthly.csv: line 2, column 1: cannot tell");
        assertThat(model.canImportProperty().get()).isFalse();
        assertThat(model.previewLinesProperty()).isNotEmpty();

        onFx(() -> model.dateOrderProperty().set(DateOrder.DMY));
        assertThat(model.getErrorMessage()).isEmpty();
        assertThat(model.canImportProperty().get()).isTrue();
        assertThat(model.options().dateOrder()).contains(DateOrder.DMY);
    }

    @Test
    void aForcedFormatThatDoesNotFitIsExplained() throws Exception {
        onFx(() -> model.open(fixture("messy_rows.csv"), UTC));
        onFx(() -> model.formatProperty().set(ImportFormat.PROMETHEUS));

        assertThat(model.getErrorMessage()).isEqualTo(
                "messy_rows.csv: expected prometheus JSON, but the file does not start with '{' or '['");
        assertThat(model.getResult()).isNull();
    }

    @Test
    void aMissingFileIsAMessageNotACrash() throws Exception {
        onFx(() -> model.open(Path.of("/no/such/file.csv"), UTC));

        assertThat(model.getErrorMessage()).isEqualTo("file.csv: file not found: /no/such/file.csv");
        assertThat(model.canImportProperty().get()).isFalse();
    }



    @Test
    void theColumnsShowTheirRolesAndChangingOneImportsAgainWithTheOutcomeInOneLine() throws Exception {
        onFx(() -> model.open(fixture("tables/tidy_three_regions.csv"), UTC));

        assertThat(model.columnRolesProperty()).extracting(c -> c.name() + "=" + c.role()).containsExactly(
                "timestamp=TIME", "region=SERIES_KEY", "status=ATTRIBUTE", "requests=VALUE");
        assertThat(model.summaryProperty().get(0)).isEqualTo("Outcome: 72 rows → 24 hours, 0 missing");
        // The first warning names the dialog's controls, not the command line's.
        assertThat(model.warningsProperty().get(0).message()).contains("set those columns to 'attribute' under"
                + " Columns").doesNotContain("--");

        onFx(() -> model.setRole("region", ColumnRole.Role.ATTRIBUTE));

        assertThat(model.columnRolesProperty()).extracting(c -> c.name() + "=" + c.role()).containsExactly(
                "timestamp=TIME", "region=ATTRIBUTE", "status=ATTRIBUTE", "requests=VALUE");
        assertThat(model.options().columns().noLabels()).isTrue();
        assertThat(model.getResult().source().rowsMerged()).isEqualTo(48);
        assertThat(model.warningsProperty().get(0).message()).endsWith("set column 'region' to 'series key' under"
                + " Columns");

        onFx(() -> model.setRole("region", ColumnRole.Role.SERIES_KEY));
        assertThat(model.getResult().details().available()).containsExactly("eu", "us", "ap");

        onFx(model::detectRoles);
        assertThat(model.options().columns()).isEqualTo(ColumnRoles.DETECT);
    }

    @Test
    void everyWarningOfTheTableFixturesIsWordedWithoutCommandLineOptions() throws Exception {
        for (String name : new String[] {"tables/tidy_three_regions.csv", "tables/date_repeated_without_hour.csv",
            "tables/us_ampm_one_day_nanoseconds.csv", "tables/repeated_rows_differing_in_attributes.csv",
            "messy_rows.csv", "ambiguous_dates_hourly.csv", "us_ampm_quoted_thousands.csv"}) {
            java.net.URL url = ImportViewModelTest.class.getResource("/org/lowtide/traffic/imports/" + name);
            if (url == null) {
                continue;
            }
            onFx(() -> model.open(fixture(name), UTC));
            assertThat(model.warningsProperty()).as(name).allSatisfy(w -> assertThat(w.message()).doesNotContain("--"));
        }
    }
}
