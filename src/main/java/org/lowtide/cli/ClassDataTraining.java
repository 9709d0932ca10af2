package org.lowtide.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The run the installers make the command line's class-data archive from (issue 20: waiting time;
 * installer/linux/class-data.sh): {@code java -XX:DumpLoadedClassList=LIST -cp lowtide.jar
 * org.lowtide.cli.ClassDataTraining SAMPLE.csv} lists the classes it loads, and {@code java
 * -Xshare:dump} writes them into one archive. One {@code analyze} would leave out what {@code plan}
 * and every {@code --json} load (Jackson's writers, the plan's output): this runs the short commands
 * people wait for, one after the other in one process, and prints nothing. {@code --timings} before
 * the first subcommand makes the CLI build every subcommand's model, so the list holds those
 * classes too.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    /**
     * @param args the bundled hourly sample's path
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -XX:DumpLoadedClassList=LIST -cp lowtide.jar "
                    + ClassDataTraining.class.getName() + " SAMPLE.csv");
            System.exit(LowtideCli.EXIT_USAGE);
        }
        System.exit(run(args[0]));
    }

    /** @return 0 when every command ran well, else the first failing command's exit code (named on standard error) */
    static int run(String sample) {
        String[][] runs = {
            {"--timings", "analyze", sample},
            {"analyze", "--json", sample},
            {"plan", sample},
            {"plan", "--json", sample},
            {"plan", "--json", "--traffic-outlook", "profile", sample},
        };
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        for (String[] run : runs) {
            int code = LowtideCli.run(none, none, run);
            if (code != LowtideCli.EXIT_OK) {
                System.err.println("lowtide " + String.join(" ", run) + ": exit " + code);
                return code;
            }
        }
        return LowtideCli.EXIT_OK;
    }
}
