package org.lowtide.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Tables whose columns are as wide as their header and their widest cell, so that no header or
 * cell is cut; a table wider than its room scrolls sideways. Refitted when the rows or the font
 * change (a larger font scale).
 */
public final class Tables {

    /** Room around a cell's text: its padding and a little air. */
    private static final double CELL_PADDING = 22;
    /** Room around a header's text: padding and the sort arrow. */
    private static final double HEADER_PADDING = 30;
    /** Rows measured: enough to see the widest values without measuring a huge table. */
    private static final int ROWS_MEASURED = 400;

    private Tables() {
    }

    /**
     * Sizes the table's columns to their content now and whenever its rows or font change.
     *
     * @param lastFills whether the last column takes the room left (a free-text column such as "Why")
     */
    public static <S> void fitColumnsToContent(TableView<S> table, boolean lastFills) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Runnable fit = () -> fit(table, lastFills);
        table.itemsProperty().addListener((o, before, now) -> {
            now.addListener((ListChangeListener<S>) c -> fit.run());
            fit.run();
        });
        table.getItems().addListener((ListChangeListener<S>) c -> fit.run());
        table.skinProperty().addListener((o, before, skin) -> Platform.runLater(() -> {
            Label header = headerLabel(table);
            if (header != null) {
                header.fontProperty().addListener((f, a, b) -> fit.run());
            }
            fit.run();
        }));
        if (lastFills) {
            table.widthProperty().addListener((o, a, b) -> fit.run());
        }
        fit.run();
    }

    private static <S> void fit(TableView<S> table, boolean lastFills) {
        Label header = headerLabel(table);
        Font font = header != null ? header.getFont() : Font.getDefault();
        Font bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        List<TableColumn<S, ?>> leaves = new ArrayList<>();
        for (TableColumn<S, ?> c : table.getColumns()) {
            if (c.isVisible()) {
                leaves.add(c);
            }
        }
        double total = 0;
        for (TableColumn<S, ?> column : leaves) {
            double width = width(column.getText(), bold) + HEADER_PADDING;
            int n = Math.min(ROWS_MEASURED, table.getItems().size());
            for (int i = 0; i < n; i++) {
                Object value = column.getCellData(i);
                if (value != null) {
                    // A number is shown formatted by its cell (grouped, few decimals), not as Java prints it.
                    String shown = value instanceof Number number ? String.format(java.util.Locale.ROOT, "%,.1f", number.doubleValue())
                            : value.toString();
                    width = Math.max(width, width(shown, font) + CELL_PADDING);
                }
            }
            width = Math.ceil(width);
            column.setMinWidth(width);
            column.setPrefWidth(width);
            total += width;
        }
        if (lastFills && !leaves.isEmpty()) {
            TableColumn<S, ?> last = leaves.get(leaves.size() - 1);
            double room = table.getWidth() - total - 18; // the vertical scroll bar
            if (room > 0) {
                last.setPrefWidth(last.getMinWidth() + room);
            }
        }
    }

    private static double width(String text, Font font) {
        double widest = 0;
        for (String line : text.split("\n", -1)) {
            Text probe = new Text(line);
            probe.setFont(font);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return widest;
    }

    private static Label headerLabel(TableView<?> table) {
        for (Node n : table.lookupAll(".column-header .label")) {
            if (n instanceof Label l) {
                return l;
            }
        }
        return null;
    }

    /** A column of {@code value}, not sortable or movable, {@code width} wide at first. */
    public static <S, T> TableColumn<S, T> column(String title, java.util.function.Function<S, T> value, double width) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 40));
        column.setSortable(false);
        column.setReorderable(false);
        return column;
    }

    /** A right-aligned column ({@code number-column}) of numbers written by {@code format}. */
    public static <S> TableColumn<S, Double> numberColumn(String title, java.util.function.Function<S, Double> value,
                                                          double width,
                                                          java.util.function.DoubleFunction<String> format) {
        TableColumn<S, Double> column = column(title, value, width);
        column.getStyleClass().add("number-column");
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return column;
    }

    /** A tooltip showing a cell's whole text after a short delay, wrapping at {@code maxWidth}. */
    public static javafx.scene.control.Tooltip cellTooltip(String text, double maxWidth) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(maxWidth);
        tip.setShowDelay(javafx.util.Duration.millis(250));
        return tip;
    }

    /** Text with the same text as tooltip, for cells that may be cut off. */
    public static final class TooltipCell<S> extends javafx.scene.control.TableCell<S, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : cellTooltip(item, 480));
        }
    }
}
