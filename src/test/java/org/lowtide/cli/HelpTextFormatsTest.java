package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowtide.service.AnalysisService;
import picocli.CommandLine;

/**
 * Every text {@code --help} prints goes through {@link String#format} in picocli: a lone {@code %}
 * ("80 % bands") makes it print "[picocli WARN] Could not format ..." to standard error and show
 * the raw text. Every command's help is drawn here with standard error captured.
 */
class HelpTextFormatsTest {

    @Test
    void everyHelpOfEveryCommandPrintsNoPicocliWarning() {
        List<String> commands = new ArrayList<>();
        String err = capturingStandardError(() -> render(LowtideCli.newCommandLine(new AnalysisService()), commands));
        assertThat(commands).as("commands whose help was drawn").contains("lowtide analyze", "lowtide cost",
                "lowtide plan", "lowtide report", "lowtide gate", "lowtide import", "lowtide announce", "lowtide fleet");
        assertThat(err).as("picocli's warnings while drawing every --help (write %% for a per cent sign)").isEmpty();
    }

    @Test
    void aLonePercentSignIsWarnedAbout() {
        CommandLine cli = new CommandLine(new Lone());
        String err = capturingStandardError(() -> cli.getUsageMessage());
        assertThat(err).contains("picocli WARN");
    }

    @CommandLine.Command(name = "lone")
    static final class Lone {
        @CommandLine.Option(names = "--x", description = "80 % and 95 % bands")
        String x;
    }

    private static void render(CommandLine cli, List<String> commands) {
        commands.add(cli.getCommandSpec().qualifiedName());
        assertThat(cli.getUsageMessage()).isNotBlank();
        cli.getSubcommands().values().stream().distinct().forEach(sub -> render(sub, commands));
    }

    /** Runs {@code step} with {@link System#err} captured (picocli's tracer writes there). */
    private static synchronized String capturingStandardError(Runnable step) {
        PrintStream before = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            step.run();
        } finally {
            System.setErr(before);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
