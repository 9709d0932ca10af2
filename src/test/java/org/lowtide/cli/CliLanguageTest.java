package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lowtide.traffic.Durations;

/** Both faces speak one language: durations as people write them, one-line usage errors, examples in every help. */
class CliLanguageTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final Path SHOP = Path.of("sample-data", "shop-hourly-2025.csv");

    @ParameterizedTest
    @CsvSource({"2h,120", "2 h,120", "90 min,90", "90min,90", "1h30m,90", "1 d,1440", "PT2H,120", "p1d,1440",
        "45 minutes,45", "1.5 hours,90"})
    void durationsAsPeopleWriteThem(String text, long minutes) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(Converters.duration(text)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void everyDurationOptionTakesThePeoplesForms() {
        CliRun iso = run("analyze", SHOP.toString(), "--duration", "PT90M", "--forecast-weeks", "0", "--json");
        CliRun human = run("analyze", SHOP.toString(), "--duration", "1h30m", "--forecast-weeks", "0", "--json");
        assertThat(human.code()).as(human.err()).isZero();
        assertThat(human.out()).isEqualTo(iso.out());
        CliRun plan = run("plan", SHOP.toString(), "--duration", "2 h", "--rollback", "90 min", "--min-gap", "1 d",
                "--count", "1", "--json");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("\"rollbackTail\" : \"PT1H30M\"");
        CliRun cost = run("cost", SHOP.toString(), "--mttr", "30min", "--mttr-p90", "1h30m", "--detect", "5 min",
                "--simulations", "100");
        assertThat(cost.code()).as(cost.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "analyze", "cost", "report"})
    void aBadOptionValueIsOneLineNamingOptionValueAndWhatIsAccepted(String command) {
        CliRun r = command.equals("report")
                ? run(command, SHOP.toString(), "--pdf", "x.pdf", "--duration", "2 fortnights")
                : command.equals("cost") ? run(command, SHOP.toString(), "--mttr", "2 fortnights")
                : run(command, SHOP.toString(), "--duration", "2 fortnights");
        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(command.equals("cost") ? "--mttr" : "--duration", "'2 fortnights'",
                "2h, 90 min, 1h30m");
        assertThat(lines.get(1)).isEqualTo("see `lowtide " + command + " --help`");
        assertThat(r.err()).doesNotContain("Usage:").doesNotContain("java.");
    }

    @Test
    void anUnknownOptionPointsToTheHelpOfItsCommand() {
        CliRun r = run("gate", "x.lowtide", "--bogus");
        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(r.err().lines().toList()).hasSize(2).last().isEqualTo("see `lowtide gate --help`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "import", "cost", "plan", "gate", "report"})
    void everyHelpEndsWithExamples(String command) {
        CliRun r = run(command, "--help");
        assertThat(r.code()).isZero();
        String help = r.out().stripTrailing();
        int examples = help.lastIndexOf("Examples:");
        assertThat(examples).as(command + " --help has examples").isPositive();
        List<String> after = help.substring(examples).lines().skip(1).toList();
        assertThat(after).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("  lowtide " + command + " "));
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }
}
