package org.lowtide.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * A bad command line prints one line naming the option, the value and what is accepted, then
 * where the help is ({@code see `lowtide plan --help`}), never the whole usage (DESIGN §6, second wave).
 */
final class UsageErrors {

    private UsageErrors() {
    }

    /** Picocli's parameter-exception handler: the message and the pointer to --help; exit 2. */
    static int handle(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("lowtide: " + oneLine(ex.getMessage()));
        err.println("see `" + cmd.getCommandSpec().qualifiedName() + " --help`");
        err.flush();
        return LowtideCli.EXIT_USAGE;
    }

    /** Picocli's "Invalid value for option '--x': …" made one line, without Java names. */
    static String oneLine(String message) {
        String m = message == null ? "the command line cannot be read" : message.strip();
        m = m.replace("\r", " ").replace('\n', ' ').replaceAll("\\s{2,}", " ");
        return m.replaceAll("(?i)java\\.[a-z.]+\\.([A-Z][A-Za-z]+)", "$1");
    }
}
