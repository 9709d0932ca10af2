package org.lowtide.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.Lever;
import org.lowtide.cost.Scenario;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.report.Paper;
import org.lowtide.report.ReportModel;
import org.lowtide.report.ReportTables;
import org.lowtide.service.Samples;

/** The report's tables as CSV: spreadsheets must open them cleanly and never run a cell as a formula. */
class ReportTablesTest {

    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"click\")", "+SUM(A1:A9)",
            "-2+3*cmd|' /C calc'!A0", "@SUM(1,2)");

    private static ReportModel model;
    private static Map<String, String> tables;

    @BeforeAll
    static void build() throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : HOSTILE) {
            scenarios.add(Scenario.of(name, Lever.FAST_ROLLBACK));
        }
        model = ReportFixtures.model(Samples.SHOP, ReportFixtures.options("CSV", "", "", Paper.A4), HOSTILE.get(0),
                new ScenarioSet(OptionalDouble.empty(), OptionalDouble.empty(), Lever.builtIn(), scenarios));
        tables = ReportTables.all(model);
    }

    @Test
    void everyTableIsThere() {
        assertThat(tables).containsOnlyKeys("windows", "cost-by-start", "scenarios", "assumptions");
    }

    @Test
    void cellsThatLookLikeFormulasAreNeutralisedAndReadBackAsTyped() {
        List<List<String>> scenarios = parse(tables.get("scenarios"));
        assertThat(scenarios.get(0).get(0)).isEqualTo("scenario");
        for (int i = 0; i < HOSTILE.size(); i++) {
            String cell = scenarios.get(i + 1).get(0);
            assertThat(cell).startsWith("'").isEqualTo("'" + HOSTILE.get(i));
        }
        List<List<String>> assumptions = parse(tables.get("assumptions"));
        String blackouts = assumptions.stream().filter(r -> r.get(1).equals("Blackouts")).findFirst().orElseThrow()
                .get(2);
        assertThat(blackouts).startsWith("'=HYPERLINK(\"http://x\",\"click\")");
        for (String table : tables.values()) {
            for (List<String> row : parse(table)) {
                for (String cell : row) {
                    if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
                        assertThat(cell).as("a formula-looking cell must be a plain number").matches("[-+]?[0-9.]+");
                    }
                }
            }
        }
    }

    @Test
    void numbersArePlainAndRowsHaveTheHeadersWidth() {
        for (Map.Entry<String, String> e : tables.entrySet()) {
            List<List<String>> rows = parse(e.getValue());
            assertThat(e.getValue()).as(e.getKey()).endsWith("\r\n");
            for (List<String> row : rows) {
                assertThat(row).as(e.getKey()).hasSameSizeAs(rows.get(0));
            }
        }
        List<List<String>> windows = parse(tables.get("windows"));
        assertThat(windows).hasSize(1 + model.input().plan().windows().size());
        assertThat(Double.parseDouble(windows.get(1).get(4))).isEqualTo(model.input().plan().windows().get(0)
                .expected(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(windows.get(1).get(1)).isEqualTo("2025-11-22T03:00+01:00");
    }

    /** A small RFC 4180 reader: quoted cells, doubled quotes, commas and line breaks inside quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        StringReader in = new StringReader(csv);
        int c;
        try {
            while ((c = in.read()) >= 0) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            if (next >= 0) {
                                in.reset();
                            }
                        }
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\r') {
                    continue;
                } else if (ch == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(ch);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
