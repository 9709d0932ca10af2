package org.lowtide.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * One in-process run of the command line with what it printed: the harness every CLI test shares.
 *
 * @param code the exit code
 * @param out  what went to standard output
 * @param err  what went to standard error
 */
record CliRun(int code, String out, String err) {

    /** Runs {@code lowtide args...} in this JVM. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LowtideCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code lowtide args...} in this JVM. */
    static CliRun of(List<String> args) {
        return of(args.toArray(new String[0]));
    }
}
