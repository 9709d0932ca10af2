package org.lowtide.ui.help;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help → Keyboard Shortcuts: every accelerator of the menu bar, read from the menus when the dialog
 * opens, so the list cannot drift from what the keys do.
 */
public final class ShortcutsDialog extends Dialog<Void> {

    /**
     * One shortcut.
     *
     * @param keys   as the platform writes it, e.g. {@code Ctrl+O}
     * @param action the menu path, e.g. {@code File → Open…}
     */
    public record Shortcut(String keys, String action) {
    }

    public ShortcutsDialog(Window owner, String stylesheet, MenuBar menus) {
        initOwner(owner);
        setTitle("Keyboard Shortcuts");
        setResizable(true);
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcutsTable");
        table.setAccessibleText("Keyboard shortcuts");
        table.getItems().setAll(shortcuts(menus));
        TableColumn<Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().keys()));
        keys.setPrefWidth(150);
        TableColumn<Shortcut, String> action = new TableColumn<>("Does");
        action.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().action()));
        action.setPrefWidth(330);
        table.getColumns().add(keys);
        table.getColumns().add(action);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label menusHint = new Label("Alt with the underlined letter opens a menu; Tab moves between fields;"
                + " Space or Enter presses the focused button.");
        menusHint.setWrapText(true);
        menusHint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped lines keep their height
        menusHint.getStyleClass().add("plain-words");
        VBox content = new VBox(8, table, menusHint);
        VBox.setVgrow(table, Priority.ALWAYS);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(540, 440);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().getStylesheets().add(stylesheet);
        getDialogPane().setId("shortcutsDialog");
    }

    /** @return every item of {@code menus} with an accelerator, in menu order */
    public static List<Shortcut> shortcuts(MenuBar menus) {
        List<Shortcut> all = new ArrayList<>();
        for (Menu menu : menus.getMenus()) {
            collect(menu, plain(menu.getText()), all);
        }
        return all;
    }

    private static void collect(Menu menu, String path, List<Shortcut> into) {
        for (MenuItem item : menu.getItems()) {
            String here = path + " → " + plain(item.getText());
            if (item instanceof Menu sub) {
                collect(sub, here, into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(item.getAccelerator().getDisplayText(), here));
            }
        }
    }

    /** Menu text without its mnemonic marker: {@code _Open…} → {@code Open…}. */
    static String plain(String text) {
        return text == null ? "" : text.replace("__", "\u0000").replace("_", "").replace('\u0000', '_');
    }
}
