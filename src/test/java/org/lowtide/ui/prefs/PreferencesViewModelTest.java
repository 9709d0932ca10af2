package org.lowtide.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lowtide.project.Preferences;

/** The first-run questions as a form: what they make, and the message of each wrong field. */
class PreferencesViewModelTest {

    @Test
    void startsFromThePreferencesAndMakesThemAgain() {
        Preferences start = Preferences.defaults().withRevenue(Optional.of(new Preferences.Revenue(5e6,
                Preferences.Period.YEAR))).withCurrency(Currency.getInstance("GBP"))
                .withZone(Optional.of(ZoneId.of("Europe/London"))).withThemeName("dark").withRecentFile("/a.csv");
        PreferencesViewModel model = new PreferencesViewModel(start);
        assertThat(model.trafficOnlyProperty().get()).isFalse();
        assertThat(model.currencyTextProperty().get()).isEqualTo("GBP");
        assertThat(model.zoneTextProperty().get()).isEqualTo("Europe/London");
        assertThat(model.toPreferences(start)).contains(start.withWelcomed(true));
    }

    @Test
    void trafficOnlyDropsTheRevenueAndTypingOneUnticksIt() {
        PreferencesViewModel model = new PreferencesViewModel(Preferences.defaults());
        assertThat(model.trafficOnlyProperty().get()).isTrue();
        assertThat(model.toPreferences(Preferences.defaults()).orElseThrow().revenue()).isEmpty();
        model.revenueTextProperty().set("1 500 000");
        assertThat(model.trafficOnlyProperty().get()).isFalse();
        model.periodProperty().set(Preferences.Period.MONTH);
        assertThat(model.toPreferences(Preferences.defaults()).orElseThrow().revenue().orElseThrow().perYear())
                .isEqualTo(18_000_000);
    }

    @Test
    void eachWrongFieldSaysWhyAndNothingIsMade() {
        PreferencesViewModel model = new PreferencesViewModel(Preferences.defaults());
        model.trafficOnlyProperty().set(false);
        model.revenueTextProperty().set("");
        model.currencyTextProperty().set("dollars");
        model.zoneTextProperty().set("Mars/Base");
        assertThat(model.toPreferences(Preferences.defaults())).isEmpty();
        assertThat(model.revenueErrorProperty().get()).contains("Traffic only");
        assertThat(model.currencyErrorProperty().get()).contains("ISO 4217");
        assertThat(model.zoneErrorProperty().get()).contains("Unknown time zone");

        model.revenueTextProperty().set("12abc");
        model.currencyTextProperty().set("eur");
        model.zoneTextProperty().set("utc");
        assertThat(model.toPreferences(Preferences.defaults())).isEmpty();
        assertThat(model.revenueErrorProperty().get()).isNotEmpty();
        assertThat(model.currencyErrorProperty().get()).isEmpty();
        assertThat(model.zoneErrorProperty().get()).isEmpty();
    }
}
