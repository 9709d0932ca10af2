package org.lowtide.cli;

import java.time.Duration;
import java.time.ZoneId;
import org.lowtide.traffic.imports.ImportOptions;
import picocli.CommandLine.Option;

/** The import options every command that reads traffic takes (DESIGN §6). */
final class ImportOptionsMixin {

    @Option(names = "--zone", paramLabel = "ZONE", converter = Converters.Zone.class,
            description = "Zone of timestamps without an offset, and of the weekly profile and windows "
                    + "(e.g. Europe/Berlin). Default: the system zone.")
    ZoneId zone;

    @Option(names = "--step", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "Grid step as ISO-8601 duration (PT5M, PT1H). Default: the data's median spacing.")
    Duration step;

    @Option(names = "--column", paramLabel = "NAME",
            description = "Value column by header name. Default: the first column after the timestamp.")
    String column;

    ImportOptions toOptions() {
        ImportOptions options = ImportOptions.inZone(zone == null ? ZoneId.systemDefault() : zone);
        if (step != null) {
            options = options.withStep(step);
        }
        if (column != null) {
            options = options.withColumn(column);
        }
        return options;
    }
}
