package org.lowtide.ui.prefs;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lowtide.project.Preferences;
import org.lowtide.ui.common.NumberInput;
import org.lowtide.ui.main.MainViewModel;

/**
 * The first-run questions and the Preferences dialog's form: revenue per period (or traffic
 * only), currency, the team's zone. Text as typed, a message per field, and the preferences they
 * make ({@link #toPreferences}). No controls; usable without a toolkit.
 */
public final class PreferencesViewModel {

    private final StringProperty revenueText = new SimpleStringProperty(this, "revenueText", "");
    private final ObjectProperty<Preferences.Period> period =
            new SimpleObjectProperty<>(this, "period", Preferences.Period.YEAR);
    private final BooleanProperty trafficOnly = new SimpleBooleanProperty(this, "trafficOnly", true);
    private final StringProperty currencyText = new SimpleStringProperty(this, "currencyText", "USD");
    private final StringProperty zoneText = new SimpleStringProperty(this, "zoneText", "");
    private final ReadOnlyStringWrapper revenueError = new ReadOnlyStringWrapper(this, "revenueError", "");
    private final ReadOnlyStringWrapper currencyError = new ReadOnlyStringWrapper(this, "currencyError", "");
    private final ReadOnlyStringWrapper zoneError = new ReadOnlyStringWrapper(this, "zoneError", "");

    /** @param start the preferences the form starts from */
    public PreferencesViewModel(Preferences start) {
        Objects.requireNonNull(start, "start");
        trafficOnly.set(start.revenue().isEmpty());
        start.revenue().ifPresent(r -> {
            revenueText.set(NumberInput.format(r.amount()));
            period.set(r.period());
        });
        currencyText.set(start.currency().getCurrencyCode());
        zoneText.set(start.zone().map(ZoneId::getId).orElse(ZoneId.systemDefault().getId()));
        revenueText.addListener((o, a, b) -> {
            if (!b.isBlank()) {
                trafficOnly.set(false);
            }
        });
    }

    /**
     * The preferences the form makes, on top of {@code base} (which keeps the theme, recent files
     * and window); empty while a field is wrong (its message says why).
     */
    public Optional<Preferences> toPreferences(Preferences base) {
        boolean ok = true;
        Optional<Preferences.Revenue> revenue = Optional.empty();
        revenueError.set("");
        if (!trafficOnly.get()) {
            String typed = revenueText.get().trim();
            if (typed.isEmpty()) {
                revenueError.set("Type the revenue, or choose “Traffic only”");
                ok = false;
            } else {
                NumberInput.Reading r = NumberInput.read(typed);
                if (!r.ok()) {
                    revenueError.set(r.problem());
                    ok = false;
                } else if (!(r.value() >= 0) || Double.isInfinite(r.value())) {
                    revenueError.set("the revenue is an amount from 0 up");
                    ok = false;
                } else {
                    revenue = Optional.of(new Preferences.Revenue(r.value(), period.get()));
                }
            }
        }
        Currency currency = null;
        try {
            currency = Currency.getInstance(currencyText.get().trim().toUpperCase(Locale.ROOT));
            currencyError.set("");
        } catch (IllegalArgumentException | NullPointerException e) {
            currencyError.set("Not a currency code: use ISO 4217 such as USD, EUR, GBP");
            ok = false;
        }
        Optional<ZoneId> zone = MainViewModel.parseZone(zoneText.get());
        if (zone.isEmpty()) {
            zoneError.set("Unknown time zone: use a region such as Europe/Berlin, or UTC");
            ok = false;
        } else {
            zoneError.set("");
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(base.withRevenue(revenue).withCurrency(currency).withZone(zone).withWelcomed(true));
    }

    public StringProperty revenueTextProperty() {
        return revenueText;
    }

    public ObjectProperty<Preferences.Period> periodProperty() {
        return period;
    }

    public BooleanProperty trafficOnlyProperty() {
        return trafficOnly;
    }

    public StringProperty currencyTextProperty() {
        return currencyText;
    }

    public StringProperty zoneTextProperty() {
        return zoneText;
    }

    public ReadOnlyStringProperty revenueErrorProperty() {
        return revenueError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currencyErrorProperty() {
        return currencyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty zoneErrorProperty() {
        return zoneError.getReadOnlyProperty();
    }
}
