package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lowtide.service.AnalysisService;
import picocli.CommandLine;

/**
 * A command line that names a subcommand builds picocli's model of that subcommand only (issue
 * 20: building all nine cost about 0.2 s of every start). What the user sees must not depend on
 * it: help, usage errors and exit codes of each subcommand are compared with the whole model's.
 */
class OneSubcommandModelTest {

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome execute(Optional<Class<?>> only, String... args) {
        CommandLine cli = LowtideCli.newCommandLine(new AnalysisService(), only);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void aSubcommandFirstBuildsThatSubcommandOnly() {
        assertThat(LowtideCli.only("analyze", "shop.csv")).contains(AnalyzeCommand.class);
        assertThat(LowtideCli.only("fleet", "dir")).contains(FleetCommand.class);
        // help lists every subcommand; options first and no arguments keep the whole model
        assertThat(LowtideCli.only("help", "plan")).isEmpty();
        assertThat(LowtideCli.only("--timings", "analyze", "shop.csv")).isEmpty();
        assertThat(LowtideCli.only("--help")).isEmpty();
        assertThat(LowtideCli.only()).isEmpty();
        assertThat(LowtideCli.newCommandLine(new AnalysisService(), Optional.of(PlanCommand.class)).getSubcommands())
                .containsOnlyKeys("plan");
        assertThat(LowtideCli.newCommandLine(new AnalysisService()).getSubcommands()).hasSize(
                LowtideCli.SUBCOMMAND_CLASSES.size());
    }

    @Test
    void helpAndUsageErrorsOfEverySubcommandAreThoseOfTheWholeModel() {
        for (Class<?> c : LowtideCli.SUBCOMMAND_CLASSES) {
            if (c == CommandLine.HelpCommand.class) {
                continue;
            }
            String name = c.getAnnotation(CommandLine.Command.class).name();
            for (List<String> rest : List.of(List.of("--help"), List.of("--no-such-option"), List.of("--zone"))) {
                String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of(name), rest.stream())
                        .toArray(String[]::new);
                Outcome whole = execute(Optional.empty(), args);
                Outcome one = execute(LowtideCli.only(args), args);
                assertThat(one).as(String.join(" ", args)).isEqualTo(whole);
                assertThat(whole.code()).as(String.join(" ", args)).isIn(0, 2);
            }
        }
    }
}
