package org.lowtide.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.lowtide.project.AtomicFiles;
import picocli.CommandLine.Option;

/**
 * {@code --force}, and the guards of every file a command writes (DESIGN §6, writing): a file
 * Lowtide did not write is never replaced unless it is a plan this version reads, or the user
 * gives {@code --force}. Commands check every output up front, before they compute.
 */
final class OutputOptionsMixin {

    /** The first line of {@code plan --csv}. */
    static final String SCHEDULE_CSV_MARK = "rank,start,end,start_utc";
    /** The first line of {@code analyze --components}. */
    static final String COMPONENTS_CSV_MARK = "time,observed,filled,imputed,trend";
    /** The product id of {@code plan --ics}. */
    static final String ICS_MARK = "PRODID:-//Lowtide//";

    @Option(names = "--force",
            description = "Replace output files that Lowtide did not write (or a damaged or newer plan file). "
                    + "Without it such files are refused and left as they are.")
    boolean force;

    AtomicFiles.Guard ics() {
        return org.lowtide.service.Exports.ownOutput(force, ICS_MARK);
    }

    AtomicFiles.Guard scheduleCsv() {
        return org.lowtide.service.Exports.ownOutput(force, SCHEDULE_CSV_MARK);
    }

    AtomicFiles.Guard componentsCsv() {
        return org.lowtide.service.Exports.ownOutput(force, COMPONENTS_CSV_MARK);
    }

    /** The files of {@code announce --out}: each names Lowtide (a comment, a description or metadata). */
    AtomicFiles.Guard announcement() {
        return org.lowtide.service.Exports.ownOutput(force, "Lowtide");
    }

    AtomicFiles.Guard pdf() {
        return org.lowtide.service.Exports.pdfReport(force);
    }

    /** Charts and tables carry no mark of ours: an existing one is replaced only with {@code --force}. */
    AtomicFiles.Guard chartOrTable() {
        return org.lowtide.service.Exports.newFileOnly(force);
    }

    /** Checks that {@code target} (when given) may be written; throws the refusal otherwise. */
    static void check(Path target, AtomicFiles.Guard guard) throws IOException {
        if (target != null) {
            org.lowtide.service.Exports.checkWritable(target, guard);
        }
    }
}
