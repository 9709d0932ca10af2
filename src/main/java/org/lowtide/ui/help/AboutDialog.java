package org.lowtide.ui.help;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.lowtide.service.AppInfo;
import org.lowtide.ui.AppIcons;

/**
 * Help → About Lowtide: the app's mark, its version and licence from the build, where to go next
 * (the command line's help), and the third-party libraries inside it with their licences, as the
 * build listed them ({@link ThirdPartyNotices}). Double-click a library to open its home page.
 */
public final class AboutDialog extends Dialog<Void> {

    /**
     * @param owner      the main window
     * @param stylesheet Lowtide's stylesheet
     * @param openLink   opens a web address in the browser (the app's host services)
     */
    public AboutDialog(Window owner, String stylesheet, Consumer<String> openLink) {
        initOwner(owner);
        setTitle("About Lowtide");
        setResizable(true);

        ImageView icon = new ImageView(AppIcons.all().get(4)); // 128 px, shown at 64
        icon.setFitWidth(64);
        icon.setFitHeight(64);
        icon.setAccessibleText("Lowtide's icon");
        Label name = new Label("Lowtide");
        name.getStyleClass().add("about-name");
        Label version = new Label("Version " + AppInfo.version());
        version.setId("aboutVersion");
        Label what = new Label("Tells an operations team when to make a risky change and what downtime costs.");
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE); // wrapped lines keep their height; the table gives way
        Label licence = new Label("Licence: " + AppInfo.licence());
        licence.setId("aboutLicence");
        licence.setWrapText(true);
        Label cli = new Label("The same analysis on the command line: lowtide --help");
        cli.getStyleClass().add("plain-words");
        VBox facts = new VBox(4, name, version, what, licence, cli);
        HBox.setHgrow(facts, Priority.ALWAYS);
        HBox head = new HBox(16, icon, facts);
        head.setAlignment(Pos.TOP_LEFT);

        List<ThirdPartyNotices.Library> libraries = ThirdPartyNotices.load();
        Label heading = new Label("Third-party software (" + libraries.size() + " libraries, listed by the build)");
        heading.getStyleClass().add("card-title");
        Label plain = new Label("Lowtide is built on these open-source libraries; each keeps its own licence."
                + " Double-click one to open its home page.");
        plain.getStyleClass().add("plain-words");
        plain.setWrapText(true);
        plain.setMinHeight(Region.USE_PREF_SIZE);
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        TableView<ThirdPartyNotices.Library> table = table(libraries, openLink);

        Hyperlink atlantafx = new Hyperlink("Look: AtlantaFX Primer theme");
        atlantafx.setOnAction(e -> openLink.accept("https://github.com/mkpaz/atlantafx"));

        VBox content = new VBox(10, head, heading, plain, table, atlantafx);
        content.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(720, 560); // lowtide.css widens it in em, so a larger font gets more room
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().getStylesheets().add(stylesheet);
        getDialogPane().setId("aboutDialog");
        // Primer caps dialog panes at 600 px, which made the notices table scroll sideways: the
        // About dialog takes the width its content asks (lowtide.css), at most the screen's.
        getDialogPane().getStyleClass().add("form-dialog");
        setOnShown(e -> fitToScreen());
    }

    /** Keeps the dialog on its screen: never wider or taller than the screen's usable area. */
    private void fitToScreen() {
        Window window = getDialogPane().getScene().getWindow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(window.getX(), window.getY(),
                        Math.max(1, window.getWidth()), Math.max(1, window.getHeight())).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        if (window.getWidth() > screen.getWidth()) {
            window.setWidth(screen.getWidth());
        }
        if (window.getHeight() > screen.getHeight()) {
            window.setHeight(screen.getHeight());
        }
        window.setX(Math.max(screen.getMinX(), Math.min(window.getX(), screen.getMaxX() - window.getWidth())));
        window.setY(Math.max(screen.getMinY(), Math.min(window.getY(), screen.getMaxY() - window.getHeight())));
    }

    private static TableView<ThirdPartyNotices.Library> table(List<ThirdPartyNotices.Library> libraries,
                                                              Consumer<String> openLink) {
        TableView<ThirdPartyNotices.Library> table = new TableView<>();
        table.setId("thirdPartyTable");
        table.setAccessibleText("Third-party libraries and their licences");
        table.getItems().setAll(libraries);
        // The columns share the table's width and their cells wrap, so nothing is cut and nothing
        // runs off to the side at any font size (the longest licence names two licences).
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Library", 0.34, l -> l.name()));
        table.getColumns().add(column("Version", 0.14, l -> l.version()));
        table.getColumns().add(column("Licence", 0.52, l -> String.join(" or ", l.licences())));
        table.setRowFactory(t -> {
            TableRow<ThirdPartyNotices.Library> row = new TableRow<>();
            row.itemProperty().addListener((o, before, lib) ->
                    row.setTooltip(lib == null || lib.url().isEmpty() ? null : new Tooltip(lib.coordinates() + "\n" + lib.url())));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && !row.getItem().url().isEmpty()) {
                    openLink.accept(row.getItem().url());
                }
            });
            return row;
        });
        table.setPlaceholder(org.lowtide.ui.common.Controls.wrapping("No list in this build (made by `mvn package`)"));
        return table;
    }

    private static TableColumn<ThirdPartyNotices.Library, String> column(
            String title, double share, java.util.function.Function<ThirdPartyNotices.Library, String> value) {
        TableColumn<ThirdPartyNotices.Library, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(680 * share);
        c.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            private final Label text = new Label();

            {
                text.setWrapText(true);
                text.setMinHeight(Region.USE_PREF_SIZE);
                text.maxWidthProperty().bind(column.widthProperty().subtract(snappedLeftInset() + snappedRightInset() + 8));
                text.prefWidthProperty().bind(text.maxWidthProperty());
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
        return c;
    }
}
