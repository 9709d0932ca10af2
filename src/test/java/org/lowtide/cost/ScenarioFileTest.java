package org.lowtide.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioFileTest {

    @Test
    void readsLeversAndScenariosInOrder() throws Exception {
        String json = "{\n"
                + "  \"changesPerYear\": 300,\n"
                + "  \"levers\": {\n"
                + "    \"better-alerting\": {\"detect\": 0.3},\n"
                + "    \"feature-flags\": {\"name\": \"Feature flags\", \"restore\": 0.5, \"failureRate\": 0.9}\n"
                + "  },\n"
                + "  \"scenarios\": [\n"
                + "    {\"name\": \"Today\"},\n"
                + "    {\"name\": \"Flags\", \"levers\": [\"feature-flags\", \"better-alerting\"], \"changesPerYear\": 400}\n"
                + "  ]\n"
                + "}\n";
        ScenarioSet set = ScenarioFile.read(json, "s.json");
        assertThat(set.changesPerYear()).hasValue(300);
        assertThat(set.innovationPerChange()).isEmpty();
        assertThat(set.scenarios()).extracting(Scenario::name).containsExactly("Today", "Flags");
        Scenario flags = set.scenarios().get(1);
        assertThat(flags.changesPerYear()).hasValue(400);
        assertThat(flags.levers()).extracting(Lever::id).containsExactly("feature-flags", "better-alerting");
        assertThat(flags.levers().get(0).restore()).isEqualTo(0.5);
        assertThat(flags.levers().get(0).failureRate()).isEqualTo(0.9);
        assertThat(flags.levers().get(0).detect()).isEqualTo(1);
        assertThat(flags.levers().get(1).detect()).isEqualTo(0.3);
        assertThat(set.levers()).extracting(Lever::id).contains("ci", "feature-flags");
    }

    @Test
    void withoutScenariosTheDefaultsUseTheFilesLeverEffects() throws Exception {
        ScenarioSet set = ScenarioFile.read("{\"levers\": {\"better-alerting\": {\"detect\": 0.1}}}", "s.json");
        assertThat(set.scenarios()).extracting(Scenario::name).containsExactly("Today", "Lower h", "Raise k",
                "All levers");
        assertThat(set.scenarios().get(1).levers()).filteredOn(l -> l.id().equals("better-alerting"))
                .singleElement().satisfies(l -> assertThat(l.detect()).isEqualTo(0.1));
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertThatThrownBy(() -> ScenarioFile.read("{\n  \"changesPerYear\": 300,\n  oops\n}", "s.json"))
                .isInstanceOf(ScenarioFileException.class)
                .hasMessageStartingWith("s.json: line 3, column 3: ");
    }

    @Test
    void unknownFieldsAndWrongTypesNameLineAndColumn() {
        assertThatThrownBy(() -> ScenarioFile.read("{\n  \"changesPerYer\": 300\n}", "s.json"))
                .hasMessage("s.json: line 2, column 20: unknown field \"changesPerYer\"; known fields here: "
                        + "changesPerYear, innovationPerChange, levers, scenarios");
        assertThatThrownBy(() -> ScenarioFile.read("{\"scenarios\": [{\"name\": \"x\", \"changesPerYear\": \"many\"}]}",
                "s.json"))
                .hasMessageStartingWith("s.json: line 1, column ")
                .hasMessageContaining("many");
    }

    @Test
    void meaningErrorsPointAtTheValue() {
        String json = "{\n  \"levers\": {\n    \"flags\": {\"restore\": -2}\n  }\n}";
        assertThatThrownBy(() -> ScenarioFile.read(json, "s.json"))
                .hasMessage("s.json: line 3, column 26: the restore multiplier of lever flags must be more than zero, "
                        + "was -2");
        String unknown = "{\"scenarios\": [\n  {\"name\": \"A\", \"levers\": [\"ci\", \"warp-drive\"]}\n]}";
        assertThatThrownBy(() -> ScenarioFile.read(unknown, "s.json"))
                .hasMessageStartingWith("s.json: line 2, column 34: scenario 'A' pulls lever 'warp-drive', which is "
                        + "neither built in nor defined under \"levers\"");
        assertThatThrownBy(() -> ScenarioFile.read("{\"scenarios\": [{\"levers\": []}]}", "s.json"))
                .hasMessage("s.json: line 1, column 16: scenario 1 needs a \"name\"");
    }

    /** Issue #12: a lever defined only in the scenario file shows by its name (report, tables), not its id. */
    @Test
    void aScenarioFilesOwnLeverIsShownByItsName() throws Exception {
        ScenarioSet set = ScenarioFile.read("{\"levers\": {\"feature-flags\": {\"name\": \"Feature flags\", "
                + "\"restore\": 0.5}}, \"scenarios\": [{\"name\": \"Flags\", \"levers\": [\"feature-flags\", "
                + "\"better-alerting\"]}]}", "s.json");
        ScenarioResult r = KhModel.compare(TestCurves.flat(10), CostAssumptions.defaults(), set.scenarios()).get(0);
        assertThat(r.levers()).containsExactly("feature-flags", "better-alerting");
        assertThat(r.leverNames()).containsExactly("Feature flags", Lever.BETTER_ALERTING.name());
        assertThat(org.lowtide.report.Texts.leverNames(r)).isEqualTo("Feature flags, " + Lever.BETTER_ALERTING.name());
    }
}
