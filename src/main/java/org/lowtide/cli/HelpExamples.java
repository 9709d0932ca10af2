package org.lowtide.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Every {@code --help} ends with examples (DESIGN §6, second wave). */
final class HelpExamples {

    private static final Map<String, List<String>> EXAMPLES = Map.of(
            "analyze", List.of(
                    "lowtide analyze traffic.csv --zone Europe/Berlin",
                    "lowtide analyze traffic.csv --duration 90min --json",
                    "lowtide analyze traffic.csv --holidays DE --components parts.csv"),
            "import", List.of(
                    "lowtide import export.csv --describe",
                    "lowtide import metrics.json --series http_requests_total --zone UTC"),
            "cost", List.of(
                    "lowtide cost traffic.csv --revenue-per-year 20000000 --currency EUR",
                    "lowtide cost traffic.csv --mttr 30min --mttr-p90 1h30m --json"),
            "plan", List.of(
                    "lowtide plan traffic.csv --zone Europe/Berlin --revenue-per-year 20000000",
                    "lowtide plan traffic.csv --duration 90min --allowed \"Mon-Fri 01:00-06:00\"",
                    "lowtide plan traffic.csv --count 8 --ics windows.ics --save team.lowtide"),
            "fleet", List.of(
                    "lowtide fleet traffic-folder/ --zone Europe/Berlin",
                    "lowtide fleet fleet.yaml --max-concurrent 3 --revenue-per-year 50000000 --ics fleet.ics",
                    "lowtide fleet all-services.csv --csv fleet.csv --save fleet-plan.json --export kured"),
            "gate", List.of(
                    "lowtide gate team.lowtide",
                    "lowtide gate fleet-plan.json --service checkout",
                    "lowtide gate team.lowtide --at 2026-03-01T02:30:00+01:00"),
            "announce", List.of(
                    "lowtide announce team.lowtide --out announce/ --matcher 'service=\"shop\"' --reader-zone America/New_York",
                    "lowtide announce team.lowtide --alertmanager http://alertmanager:9093 --matcher 'service=\"shop\"'",
                    "lowtide announce team.lowtide --pagerduty --pagerduty-service PIJ90N7 --pagerduty-from me@example.com --send",
                    "lowtide announce team.lowtide --alertmanager http://alertmanager:9093 --matcher 'env=~\"prod.*\"' --dry-run"),
            "report", List.of(
                    "lowtide report traffic.csv --pdf report.pdf --revenue-per-year 20000000",
                    "lowtide report team.lowtide --pdf report.pdf --paper letter"));

    private HelpExamples() {
    }

    /** Adds an "Examples:" footer to the top command and every subcommand that has examples. */
    static void addTo(CommandLine top) {
        footer(top, List.of("lowtide analyze traffic.csv", "lowtide plan traffic.csv --zone Europe/Berlin",
                "lowtide plan --help"));
        for (Map.Entry<String, CommandLine> e : top.getSubcommands().entrySet()) {
            List<String> examples = EXAMPLES.get(e.getKey());
            if (examples != null) {
                footer(e.getValue(), examples);
            }
        }
    }

    private static void footer(CommandLine cmd, List<String> examples) {
        CommandLine.Model.UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
        usage.footerHeading("%nExamples:%n");
        usage.footer(examples.stream().map(x -> "  " + x.replace("%", "%%")).toArray(String[]::new));
    }
}
