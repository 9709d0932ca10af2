package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lowtide.project.Preferences;
import org.lowtide.service.PreferencesService;
import org.lowtide.service.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A first run of the real window: no file given, no preferences. The welcome view shows over the
 * sample, which is analysed behind it (the app always opens on data); its answers become the
 * preferences file and the Costs tab's revenue and currency; "Try the sample" hides it and shows
 * the sample without analysing it again.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunTest {

    private LowtideApp app;
    private Path config;
    private String startBefore;
    private String configBefore;

    @Start
    void start(Stage stage) throws Exception {
        startBefore = System.clearProperty(LowtideApp.START_PROPERTY);
        config = Files.createTempDirectory("lowtide-first-run");
        configBefore = System.setProperty(PreferencesService.DIR_PROPERTY, config.toString());
        app = new LowtideApp();
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
        restore(LowtideApp.START_PROPERTY, startBefore);
        restore(PreferencesService.DIR_PROPERTY, configBefore);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void theWelcomeAsksWhatMoneyNeedsAndKeepsTheAnswersAsPreferences(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#welcomeView").match(NodeQueryUtils.isVisible()).tryQuery()).isPresent();
        assertThat(app.mainViewModel().getSource()).as("the sample is analysed behind the welcome view")
                .isEqualTo(Samples.defaultSample());

        robot.interact(() -> {
            robot.lookup("#prefTrafficOnly").queryAs(CheckBox.class).setSelected(false);
            robot.lookup("#prefRevenue").queryAs(TextField.class).setText("2,400,000");
            robot.lookup("#prefCurrency").<javafx.scene.control.ComboBox<String>>query().setValue("EUR");
            robot.lookup("#prefZone").<javafx.scene.control.ComboBox<String>>query().setValue("America/Chicago");
            robot.lookup("#prefPeriod").<javafx.scene.control.ComboBox<Preferences.Period>>query()
                    .setValue(Preferences.Period.MONTH);
            robot.lookup("#welcomeSave").queryAs(Button.class).fire();
        });

        assertThat(robot.lookup("#welcomeSaved").queryLabeled().getText()).startsWith("Saved");
        Preferences saved = new PreferencesService(config.resolve("preferences.json")).load().preferences();
        assertThat(saved.revenue()).contains(new Preferences.Revenue(2_400_000, Preferences.Period.MONTH));
        assertThat(saved.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(saved.zone()).contains(java.time.ZoneId.of("America/Chicago"));
        assertThat(saved.welcomed()).isTrue();
        // The Costs tab takes them at once, the window the zone.
        assertThat(robot.lookup("#field-revenuePerYear").queryAs(TextField.class).getText()).isEqualTo(org.lowtide.ui.common.NumberInput.format(28_800_000));
        assertThat(robot.lookup("#field-currency").queryAs(TextField.class).getText()).isEqualTo("EUR");
        assertThat(app.mainViewModel().getZone()).isEqualTo(java.time.ZoneId.of("America/Chicago"));
    }

    @Test
    void tryingTheSampleShowsTheSampleAnalysedBehindTheWelcome(FxRobot robot) throws Exception {
        org.lowtide.ui.main.MainViewModel model = app.mainViewModel();
        // The welcome view says that the sample lies behind it.
        assertThat(robot.lookup("#welcomeSampleNote").queryLabeled().getText())
                .contains(Samples.defaultSample().fileName()).contains("behind this page");
        // While it is analysed, the tabs behind the welcome say what is happening.
        if (model.getRecommendation().isEmpty()) {
            Labeled loading = robot.lookup(".loading-title").queryLabeled();
            assertThat(loading.getText()).isEqualTo("Analysing " + Samples.defaultSample().fileName() + "…");
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.getRecommendation().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Object shown = model.resultProperty().get();

        robot.interact(() -> robot.lookup("#welcomeSample").queryAs(Button.class).fire());

        assertThat(robot.lookup("#welcomeView").tryQuery()).as("the welcome view gives way").isEmpty();
        assertThat(model.resultProperty().get()).as("shown, not analysed again").isSameAs(shown);
        assertThat(robot.lookup(".loading-state").match(NodeQueryUtils.isVisible()).tryQuery()).isEmpty();
        assertThat(robot.lookup("#recommendation").match(NodeQueryUtils.isVisible()).tryQuery()).isPresent();
    }
}
