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
                + "Run without arguments to open the desktop app.")
public final class LowtideCli {

    /**
     * The subcommands, in the order {@code --help} lists them. They are registered in
     * {@link #newCommandLine} rather than in the annotation so that a run of one subcommand builds
     * picocli's reflective model of that one only (every start paid for all nine).
     */
    static final java.util.List<Class<?>> SUBCOMMAND_CLASSES = java.util.List.of(AnalyzeCommand.class,
            ImportCommand.class, CostCommand.class, PlanCommand.class, GateCommand.class, ReportCommand.class,
            AnnounceCommand.class, FleetCommand.class, CommandLine.HelpCommand.class);

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
        return arg.startsWith("-") || SUBCOMMANDS.containsKey(arg);
    }

    /**
     * The subcommands' names, read from the annotations (building picocli's model twice, once to
     * ask and once to run, cost a tenth of a second of every start).
     */
    private static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommandNames();

    private static java.util.Map<String, Class<?>> subcommandNames() {
        java.util.Map<String, Class<?>> names = new java.util.HashMap<>();
        for (Class<?> c : SUBCOMMAND_CLASSES) {
            Command command = c.getAnnotation(Command.class);
            names.put(command.name(), c);
            for (String alias : command.aliases()) {
                names.put(alias, c);
            }
        }
        return java.util.Map.copyOf(names);
    }

    /**
     * The desktop app could not open (no display): prints {@code why}, one line, on standard error.
     *
     * @return the exit code, 2 (a usage error: the GUI was asked for where there is none; the CLI works)
     */
    public static int refuseGui(String why) {
        System.err.println(why);
        System.err.flush();
        return 2;
    }

    /**
     * Runs the CLI on the process's standard streams: the program's command line, where a command
     * that analyses warms the analysis code on the second core while it sets up (tests, which run
     * many commands in one JVM, go through {@link #run(PrintWriter, PrintWriter, String...)} without it).
     */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (only(args).filter(WARM_UP_FOR::contains).isPresent()) {
            org.lowtide.service.WarmUp.startInBackground();
        }
        try {
            return run(out, err, args);
        } finally {
            org.lowtide.service.WarmUp.stop(); // a command that failed before analysing stops it too
        }
    }

    /** Runs the CLI with the given output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (java.util.Arrays.asList(args).contains("--timings")) {
            org.lowtide.service.Timings.enable();
        }
        CommandLine cli = newCommandLine(new AnalysisService(), only(args));
        cli.setOut(out);
        cli.setErr(err);
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(err, args);
        }
        out.flush();
        if (org.lowtide.service.Timings.enabled()) {
            org.lowtide.service.Timings.report().forEach(err::println);
        }
        err.flush();
        return code;
    }

    /** The subcommands that analyse traffic, whose analysis code is warmed up on the second core during set-up. */
    private static final java.util.Set<Class<?>> WARM_UP_FOR = java.util.Set.of(AnalyzeCommand.class, PlanCommand.class,
            CostCommand.class, ReportCommand.class);

    /** Options whose value is a file Lowtide writes (not an input to name when memory runs out). */
    private static final java.util.Set<String> OUTPUT_OPTIONS = java.util.Set.of("--save", "--pdf", "--ics", "--csv",
            "--components", "--forecast-csv", "--png-dir", "--export-file");

    /**
     * The last safety net: Java ran out of heap. One message naming the largest input file, its
     * size, the heap and what to do; exit 4 (the input is too large for this run); no stack trace.
     * Saves are atomic, so nothing half-written is left behind.
     */
    static int outOfMemory(PrintWriter err, String... args) {
        java.util.List<java.nio.file.Path> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (i > 0 && OUTPUT_OPTIONS.contains(args[i - 1])) {
                continue;
            }
            try {
                java.nio.file.Path p = java.nio.file.Path.of(args[i]);
                if (java.nio.file.Files.isRegularFile(p)) {
                    inputs.add(p);
                }
            } catch (java.nio.file.InvalidPathException e) {
                // not a path
            }
        }
        err.println("lowtide: " + org.lowtide.service.OutOfMemory.message(inputs, Runtime.getRuntime().maxMemory(),
                org.lowtide.service.OutOfMemory.Face.CLI));
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /**
     * {@code --timings}: the phase timer, printed to standard error when the command ends (an
     * option of every command; {@link #run} switches the timer on before anything is parsed).
     */
    @picocli.CommandLine.Option(names = "--timings", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print where the time went (JVM start, set-up, reading, each analysis step, output) "
                    + "to standard error at the end.")
    private boolean timings;

    /**
     * The one subcommand a command line runs, when its first word names one (not {@code help},
     * which lists them all): only that subcommand's model is built.
     */
    static java.util.Optional<Class<?>> only(String... args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return java.util.Optional.empty();
        }
        Class<?> c = SUBCOMMANDS.get(args[0]);
        return c == null || c == CommandLine.HelpCommand.class ? java.util.Optional.empty() : java.util.Optional.of(c);
    }

    /** The whole command line, every subcommand registered (help, tests). */
    static CommandLine newCommandLine(AnalysisService analysis) {
        return newCommandLine(analysis, java.util.Optional.empty());
    }

    /**
     * @param only the one subcommand to register, or empty for all of them; parsing, help and
     *             errors of that subcommand are the same either way
     */
    static CommandLine newCommandLine(AnalysisService analysis, java.util.Optional<Class<?>> only) {
        Factory factory = new Factory(analysis);
        CommandLine cli = new CommandLine(new LowtideCli(), factory);
        for (Class<?> c : only.map(java.util.List::<Class<?>>of).orElse(SUBCOMMAND_CLASSES)) {
            try {
                cli.addSubcommand(factory.create(c));
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the subcommand " + c.getSimpleName(), e);
            }
        }
        cli.registerConverter(java.time.LocalDate.class, LowtideCli::date);
        // Usage errors: one line (the option, the value and what is accepted) and where to read more.
        cli.setParameterExceptionHandler(UsageErrors::handle);
        HelpExamples.addTo(cli);
        cli.setExecutionStrategy(parseResult -> {
            org.lowtide.service.Timings.sinceMain("set-up (classes, picocli, parsing)");
            try (var phase = org.lowtide.service.Timings.phase("command")) {
                return new CommandLine.RunLast().execute(parseResult);
            }
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (org.lowtide.service.OutOfMemory.isOutOfMemory(ex)) {
                return outOfMemory(err, parseResult.originalArgs().toArray(String[]::new));
            }
            Integer data = dataOrFileProblem(ex, err);
            if (data != null) {
                return data;
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

    /**
     * A message without a parser's internals: Jackson's "[Source: REDACTED …; line: 3, column: 1]"
     * and feature names go (the message already names the file, line and column in Lowtide's words).
     */
    static String plainWords(String message) {
        if (message == null) {
            return "cannot be read";
        }
        return message.replaceAll("\\s*\\((?:for \\w+ starting|start marker) at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "")
                .replaceAll("\\[Source:[^\\]]*\\]", "")
                .replaceAll("\\(`?StreamReadFeature\\.[A-Z_]+`? disabled\\)", "")
                .replaceAll("StreamReadConstraints\\.\\w+\\(\\)", "the parser's limit");
    }

    /** Reads an ISO date, saying in words why a date is not one ({@code 2014-02-30}: no such day). */
    static java.time.LocalDate date(String text) {
        String t = text.trim();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+-]?\\d{4,9})-(\\d{2})-(\\d{2})").matcher(t);
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date; write YYYY-MM-DD, such as 2025-03-08");
        }
        long year = Long.parseLong(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (year < 1 || year > 9999) {
            throw new CommandLine.TypeConversionException("'" + text + "': the year must be from 1 to 9999");
        }
        if (month < 1 || month > 12) {
            throw new CommandLine.TypeConversionException("'" + text + "' has no month " + month + " (01 to 12)");
        }
        java.time.YearMonth ym = java.time.YearMonth.of((int) year, month);
        if (day < 1 || day > ym.lengthOfMonth()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a day of the calendar: "
                    + ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + year
                    + " has " + ym.lengthOfMonth() + " days");
        }
        return java.time.LocalDate.of((int) year, month, day);
    }

    /**
     * Maps a problem with the input data or a file (read or written) to exit 4 with one line in
     * Lowtide's words (DESIGN §6): no Java class names, no stack trace.
     *
     * @return the exit code, or {@code null} when {@code ex} is not such a problem
     */
    static Integer dataOrFileProblem(Exception ex, PrintWriter err) {
        if (ex instanceof DataProblem || ex instanceof ImportException || ex instanceof org.lowtide.cost.ScenarioFileException
                || ex instanceof org.lowtide.project.PlanFileException
                || ex instanceof org.lowtide.project.OutputFileException) {
            err.println("lowtide: " + plainWords(ex.getMessage()));
            return EXIT_BAD_INPUT;
        }
        if (ex instanceof ArithmeticException || ex instanceof java.time.DateTimeException) {
            // an option value so large that time or money arithmetic overflows (PT99999999999H, ...)
            err.println("lowtide: a value given is too large to compute with; use a smaller one (see --help)");
            return EXIT_USAGE;
        }
        if (ex instanceof java.io.IOException io) {
            err.println("lowtide: cannot read input: " + org.lowtide.service.Exports.describe(io));
            return EXIT_BAD_INPUT;
        }
        if (ex instanceof java.io.UncheckedIOException io) {
            err.println("lowtide: cannot read input: " + org.lowtide.service.Exports.describe(io.getCause()));
            return EXIT_BAD_INPUT;
        }
        return null;
    }

    /** A step that reads or computes on the data, once every option was checked. */
    @FunctionalInterface
    interface DataStep<T> {
        T run() throws Exception;
    }

    /**
     * Runs a service call made after the options were checked: what it refuses then is a problem of
     * the data (DESIGN §6: exit 4, one line naming the file), not of the usage. The services signal
     * both with {@link IllegalArgumentException}; only the command knows which stage it is in.
     *
     * @param source the file or source the data comes from, named in the message
     */
    static <T> T dataStep(String source, DataStep<T> step) throws Exception {
        try {
            return step.run();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "cannot be used" : e.getMessage();
            throw new DataProblem(message.startsWith(source + ":") ? message : source + ": " + message, e);
        }
    }

    /** A problem of the input data found after the options were checked: exit 4. */
    static final class DataProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DataProblem(String message, Throwable cause) {
            super(message, cause);
        }
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
            if (type == AnnounceCommand.class) {
                return type.cast(new AnnounceCommand(new org.lowtide.service.AnnounceService()));
            }
            if (type == FleetCommand.class) {
                PlanService plans = new PlanService(analysis);
                return type.cast(new FleetCommand(new org.lowtide.service.FleetService(plans,
                        new org.lowtide.service.RecommendationService(plans, java.time.Clock.systemUTC()))));
            }
            if (type == ReportCommand.class) {
                return type.cast(new ReportCommand(new PlanService(analysis), new org.lowtide.service.CostService()));
            }
            return fallback.create(type);
        }
    }
}
