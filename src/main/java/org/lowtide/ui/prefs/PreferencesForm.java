package org.lowtide.ui.prefs;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.lowtide.project.Preferences;
import org.lowtide.ui.common.Controls;

/**
 * The questions money needs, as a form: revenue per year or month (or traffic only), currency and
 * the team's zone. Shown on the welcome view and in the Preferences dialog; bound to a
 * {@link PreferencesViewModel}. Labels keep their width; fields take the rest; messages wrap.
 */
public final class PreferencesForm extends GridPane {

    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "INR",
            "CNY", "BRL", "SEK", "NOK", "DKK", "PLN", "NZD", "SGD", "ZAR", "MXN");

    public PreferencesForm(PreferencesViewModel model) {
        getStyleClass().add("preferences-form");
        setHgap(10);
        setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        // No fixed min width: the column is as narrow as its widest row allows (the revenue field and
        // its period side by side), so that a large font widens the dialog instead of overflowing it.
        getColumnConstraints().addAll(labels, fields);

        TextField revenue = new TextField();
        revenue.setId("prefRevenue");
        revenue.setPromptText("e.g. 12,000,000");
        revenue.setPrefColumnCount(10);
        revenue.setMinWidth(Region.USE_PREF_SIZE);
        revenue.textProperty().bindBidirectional(model.revenueTextProperty());
        revenue.disableProperty().bind(model.trafficOnlyProperty());
        ComboBox<Preferences.Period> period = new ComboBox<>(FXCollections.observableArrayList(Preferences.Period.values()));
        period.setId("prefPeriod");
        period.valueProperty().bindBidirectional(model.periodProperty());
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(Preferences.Period p) {
                return p == null ? "" : "per " + p.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public Preferences.Period fromString(String s) {
                return null;
            }
        });
        period.setMinWidth(Region.USE_PREF_SIZE);
        period.disableProperty().bind(model.trafficOnlyProperty());
        HBox.setHgrow(revenue, Priority.ALWAYS);
        revenue.setMaxWidth(Double.MAX_VALUE);
        HBox revenueRow = new HBox(8, revenue, period);
        revenueRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox trafficOnly = new CheckBox("Traffic only: rank windows by traffic, no money");
        trafficOnly.setId("prefTrafficOnly");
        trafficOnly.setWrapText(true);
        trafficOnly.selectedProperty().bindBidirectional(model.trafficOnlyProperty());

        ComboBox<String> currency = new ComboBox<>(FXCollections.observableArrayList(CURRENCIES));
        currency.setId("prefCurrency");
        currency.setEditable(true);
        currency.setPrefWidth(120);
        currency.valueProperty().bindBidirectional(model.currencyTextProperty());
        Controls.markInvalid(currency, model.currencyErrorProperty());

        ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(
                ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/") && !id.startsWith("Etc/")
                        && !id.startsWith("SystemV/")).sorted().toList()));
        zone.getItems().add(0, "UTC");
        zone.setId("prefZone");
        zone.setEditable(true);
        zone.setVisibleRowCount(14);
        zone.setMaxWidth(320);
        zone.valueProperty().bindBidirectional(model.zoneTextProperty());
        Controls.markInvalid(zone, model.zoneErrorProperty());
        Controls.markInvalid(revenue, model.revenueErrorProperty());

        int row = 0;
        add(Controls.caption("_Revenue", revenue, "form-caption"), 0, row);
        add(revenueRow, 1, row++);
        add(trafficOnly, 1, row++);
        add(Controls.errorLabel(model.revenueErrorProperty()), 1, row++);
        add(Controls.caption("C_urrency", currency, "form-caption"), 0, row);
        add(currency, 1, row++);
        add(Controls.errorLabel(model.currencyErrorProperty()), 1, row++);
        add(Controls.caption("Your team's time _zone", zone, "form-caption"), 0, row);
        add(zone, 1, row++);
        add(Controls.errorLabel(model.zoneErrorProperty()), 1, row++);
        for (javafx.scene.Node n : getChildren()) {
            GridPane.setValignment(n, VPos.CENTER);
            if (n instanceof Label l) {
                l.setMnemonicParsing(true);
            }
        }
    }
}
