package org.lowtide.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The generic control builders every screen uses, once: captions, form fields with their message,
 * titled cards, and the parts of a status bar (progress and cancel bound to a screen's
 * {@link BackgroundJob} state). Styles come from the app's stylesheet by class name.
 */
public final class Controls {

    private Controls() {
    }

    /** A caption for {@code target} (a mnemonic and screen readers follow it), styled by {@code styleClass}. */
    public static Label caption(String text, Node target, String styleClass) {
        Label label = new Label(text);
        label.setLabelFor(target);
        label.getStyleClass().add(styleClass);
        return label;
    }

    /**
     * A caption that wraps: a card's or a column's title, which a narrow column or a large font
     * wraps onto more lines (its height follows) rather than cutting.
     */
    public static Label wrappingCaption(String text, Node target, String styleClass) {
        Label label = caption(text, target, styleClass);
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * Marks a list's cell as one whose text wraps: the stylesheet's {@code wrapping-cell} rule lets its
     * height follow the lines (the look's fixed cell height would cut them), and its width follows the list's.
     */
    public static <T> javafx.scene.control.ListCell<T> wrappingCell(javafx.scene.control.ListCell<T> cell,
                                                                   javafx.scene.control.ListView<T> list) {
        cell.setWrapText(true);
        cell.getStyleClass().add("wrapping-cell");
        cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
        cell.setMaxWidth(Region.USE_PREF_SIZE);
        return cell;
    }

    /** A form field: caption, the control (stretched, its border marked while {@code error} is set), the message. */
    public static Node field(String caption, Control control, ReadOnlyStringProperty error) {
        control.setMaxWidth(Double.MAX_VALUE);
        if (control instanceof TextInputControl) {
            markInvalid(control, error);
        }
        Label label = caption(caption, control, "form-caption");
        label.setWrapText(true); // a narrow column or a large font wraps the caption rather than cutting it
        return new VBox(3, label, control, errorLabel(error));
    }

    /** A field's message: shown, and taking room, only while it is not empty. */
    public static Label errorLabel(ReadOnlyStringProperty error) {
        Label label = new Label();
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.textProperty().bind(error);
        label.setContentDisplay(ContentDisplay.TEXT_ONLY);
        label.visibleProperty().bind(error.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** Recolours a field's border while its message is not empty; nothing moves. */
    public static void markInvalid(Node field, ReadOnlyStringProperty error) {
        Runnable apply = () -> {
            field.getStyleClass().remove("invalid");
            if (!error.get().isEmpty()) {
                field.getStyleClass().add("invalid");
            }
        };
        apply.run();
        error.addListener((o, before, now) -> apply.run());
    }

    /** A card's title line: the title, and a hint after it (in full as a tooltip). */
    public static HBox cardHeader(String title, String hint) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        Label help = new Label(hint);
        help.getStyleClass().add("card-hint");
        // The hint goes under the title and wraps, so that a narrow card or a large font cuts neither.
        help.setWrapText(true);
        help.setMinWidth(0);
        help.setMinHeight(Region.USE_PREF_SIZE);
        help.setTooltip(new Tooltip(hint));
        heading.setWrapText(true);
        heading.setMinWidth(0);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        VBox titles = new VBox(1, heading, help);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox header = new HBox(12, titles);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    /** A titled card: its header over its body, which takes the height left. */
    public static VBox card(Node header, Node body, double minHeight) {
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox card = new VBox(6, header, body);
        card.getStyleClass().add("card");
        card.setMinHeight(minHeight);
        return card;
    }

    /**
     * A status bar's progress bar, shown while {@code busy}.
     *
     * @param collapses whether it gives up its room while hidden
     */
    public static ProgressBar progressBar(ReadOnlyDoubleProperty progress, ReadOnlyBooleanProperty busy, double width,
                                          boolean collapses) {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(width);
        bar.progressProperty().bind(progress);
        bar.visibleProperty().bind(busy);
        if (collapses) {
            bar.managedProperty().bind(bar.visibleProperty());
        }
        return bar;
    }

    /**
     * A status bar's cancel button, shown while {@code busy}.
     *
     * @param collapses whether it gives up its room while hidden
     */
    public static Button cancelButton(ReadOnlyBooleanProperty busy, Runnable cancel, boolean collapses) {
        Button button = new Button("Cancel");
        button.setOnAction(e -> cancel.run());
        button.visibleProperty().bind(busy);
        if (collapses) {
            button.managedProperty().bind(button.visibleProperty());
        }
        return button;
    }

    /**
     * A form's grid: a column of captions at their width, a column of fields that takes the room
     * left, and (when asked) a column of buttons at their width.
     */
    public static javafx.scene.layout.GridPane formGrid(boolean buttonColumn) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        javafx.scene.layout.ColumnConstraints captions = new javafx.scene.layout.ColumnConstraints();
        captions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(captions, fields);
        if (buttonColumn) {
            javafx.scene.layout.ColumnConstraints buttons = new javafx.scene.layout.ColumnConstraints();
            buttons.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(buttons);
        }
        return grid;
    }

    /** A form section: a heading over its content. */
    public static Node section(String title, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("form-section");
        return new VBox(6, heading, content);
    }

    /** A grid of two equal columns that share the width. */
    public static javafx.scene.layout.GridPane twoColumns() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        return grid;
    }

    /** A text field bound both ways to {@code value}, with a prompt and a tooltip. */
    public static javafx.scene.control.TextField textField(String id, javafx.beans.property.StringProperty value,
                                                           String prompt, String tooltip) {
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.setPromptText(prompt);
        field.setTooltip(new Tooltip(tooltip));
        return field;
    }

    /** A ✕ button that removes a row; a screen reader says what it removes. */
    public static Button removeButton(String tooltip, Runnable action) {
        Button remove = new Button("✕");
        remove.getStyleClass().add("remove-button");
        remove.setTooltip(new Tooltip(tooltip));
        remove.setAccessibleText(tooltip);
        remove.setOnAction(e -> action.run());
        remove.setMinWidth(Region.USE_PREF_SIZE);
        return remove;
    }

    /** Rebuilds rows when rows come or go, not when one is typed in (that would take its focus). */
    public static <T> void rebuildOnStructureChange(javafx.collections.ObservableList<T> list, Runnable rebuild) {
        list.addListener((javafx.collections.ListChangeListener<T>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            }
            if (structural) {
                rebuild.run();
            }
        });
    }

    /** A date picker bound both ways to {@code value}, reading and writing ISO dates, with week numbers. */
    public static javafx.scene.control.DatePicker datePicker(String id,
                                                             javafx.beans.property.ObjectProperty<java.time.LocalDate> value) {
        javafx.scene.control.DatePicker picker = new javafx.scene.control.DatePicker();
        picker.setId(id);
        picker.valueProperty().bindBidirectional(value);
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setShowWeekNumbers(true);
        picker.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        picker.setPromptText("2026-11-27");
        return picker;
    }

    /**
     * A calendar button for a date typed in a text field: picking a day writes it there; the field
     * stays free for date-times, which a date picker cannot hold.
     */
    public static Node calendarButton(javafx.beans.property.StringProperty text) {
        javafx.scene.control.DatePicker picker = new javafx.scene.control.DatePicker();
        picker.getStyleClass().add("calendar-button");
        picker.setEditable(false);
        picker.setShowWeekNumbers(true);
        picker.setTooltip(new Tooltip("Pick a day"));
        boolean[] syncing = {false};
        picker.setOnShowing(e -> {
            syncing[0] = true;
            try {
                picker.setValue(dateIn(text.get()));
            } finally {
                syncing[0] = false;
            }
        });
        picker.valueProperty().addListener((o, before, day) -> {
            if (!syncing[0] && day != null) {
                text.set(day.toString());
            }
        });
        return picker;
    }

    /** @return the ISO date a text starts with (a date or a date-time), or null */
    static java.time.LocalDate dateIn(String text) {
        if (text == null || text.trim().length() < 10) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.trim().substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A message strip: the text, wrapping, shown and taking room only while not empty; with a
     * Dismiss button when {@code dismiss} is not null.
     *
     * @param messageId the message label's id, or null
     */
    public static HBox messageStrip(String styleClass, ReadOnlyStringProperty text, String messageId, Runnable dismiss) {
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(text);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox strip = new HBox(12, message);
        if (messageId != null) {
            message.setId(messageId);
        }
        if (dismiss != null) {
            Button button = new Button("Dismiss");
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setOnAction(e -> dismiss.run());
            strip.getChildren().add(button);
        }
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.getStyleClass().add(styleClass);
        strip.visibleProperty().bind(text.isNotEmpty());
        strip.managedProperty().bind(strip.visibleProperty());
        return strip;
    }

    /** A label that wraps rather than being cut (e.g. a narrow table's placeholder). */
    public static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    /** @return {@code region}, no shorter than what it holds needs (its table's least height, its texts whole) */
    public static Node fitted(Region region) {
        region.setMinHeight(Region.USE_COMPUTED_SIZE);
        return region;
    }
    /**
     * The choice of the traffic windows are ranked on ({@code --traffic-outlook}), in the same words on
     * the Windows and the Fleet screens.
     */
    public static javafx.scene.control.ChoiceBox<org.lowtide.planning.OutlookChoice> outlookChoice(String id,
            javafx.beans.property.ObjectProperty<org.lowtide.planning.OutlookChoice> value) {
        var box = new javafx.scene.control.ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
                org.lowtide.planning.OutlookChoice.values()));
        box.setId(id);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(org.lowtide.planning.OutlookChoice c) {
                return c == null ? "" : switch (c) {
                    case AUTO -> "forecast if it did better";
                    case FORECAST -> "forecast where it reaches";
                    case PROFILE -> "typical week (profile)";
                };
            }

            @Override
            public org.lowtide.planning.OutlookChoice fromString(String text) {
                return org.lowtide.planning.OutlookChoice.AUTO;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }
}
