package org.lowtide.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.AppInfo;
import org.lowtide.service.ImportService;
import org.lowtide.service.PlanService;
import org.lowtide.traffic.imports.ImportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line face of Lowtide. The only code that writes to standard output.
 *
 * <p>Exit codes (DESIGN §6): 0 ok, 1 unexpected error, 2 usage error, 3 {@code gate} outside a
 * window, 4 bad input (the message names file, line and column).
 */
@Command(name = "lowtide", mixinStandardHelpOptions = true, versionProvider = LowtideCli.Version.class,
        description = "Tells when to make a risky change and what downtime costs.%n"
                + "Run without arguments to open the desktop app.",
        subcommands = {AnalyzeCommand.class, ImportCommand.class, CostCommand.class, PlanCommand.class,
            GateCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class LowtideCli {

    /** Everything went well. */
    public static final int EXIT_OK = 0;
    /** An unexpected error (a bug, or the disk failing). */
    public static final int EXIT_ERROR = 1;
    /** The command line was wrong. */
    public static final int EXIT_USAGE = 2;
    /** {@code gate}: now is outside every planned window. */
    public static final int EXIT_OUTSIDE_WINDOW = 3;
    /** The input file cannot be read as traffic. */
    public static final int EXIT_BAD_INPUT = 4;

    /** Supplies {@code --version} from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Lowtide " + AppInfo.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    private LowtideCli() {
    }

    /** @return whether {@code arg} names a subcommand or a top-level option, i.e. asks for the CLI */
    public static boolean isCliArgument(String arg) {
        return arg.startsWith("-") || newCommandLine(new AnalysisService()).getSubcommands().containsKey(arg);
    }

    /** Runs the CLI on the process's standard streams. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(out, err, args);
    }

    /** Runs the CLI with the given output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = newCommandLine(new AnalysisService());
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine newCommandLine(AnalysisService analysis) {
        CommandLine cli = new CommandLine(new LowtideCli(), new Factory(analysis));
        // Usage errors: one line (the option, the value and what is accepted) and where to read more.
        cli.setParameterExceptionHandler(UsageErrors::handle);
        HelpExamples.addTo(cli);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof ImportException || ex instanceof org.lowtide.cost.ScenarioFileException) {
                err.println("lowtide: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof java.io.IOException) {
                err.println("lowtide: cannot read input: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof IllegalArgumentException) {
                err.println("lowtide: " + ex.getMessage());
                return EXIT_USAGE;
            }
            err.println("lowtide: unexpected error: " + ex);
            ex.printStackTrace(err);
            return EXIT_ERROR;
        });
        return cli;
    }

    /** Hands the services to the subcommands (a hand-written composition root, no DI framework). */
    private static final class Factory implements CommandLine.IFactory {
        private final AnalysisService analysis;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(AnalysisService analysis) {
            this.analysis = analysis;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == AnalyzeCommand.class) {
                return type.cast(new AnalyzeCommand(analysis));
            }
            if (type == ImportCommand.class) {
                return type.cast(new ImportCommand(new ImportService()));
            }
            if (type == CostCommand.class) {
                return type.cast(new CostCommand(new org.lowtide.service.CostService()));
            }
            if (type == PlanCommand.class) {
                return type.cast(new PlanCommand(new PlanService(analysis)));
            }
            if (type == GateCommand.class) {
                return type.cast(new GateCommand(new PlanService(analysis)));
            }
            if (type == ReportCommand.class) {
                return type.cast(new ReportCommand(new PlanService(analysis), new org.lowtide.service.CostService()));
            }
            return fallback.create(type);
        }
    }
}
