package org.lowtide.ui.main;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.lowtide.project.Preferences;
import org.lowtide.service.TrafficSource;
import org.lowtide.ui.prefs.PreferencesForm;
import org.lowtide.ui.prefs.PreferencesViewModel;

/**
 * The first screen when Lowtide starts with no file and no session to return to: drop a file,
 * open one, try the sample, or reopen a recent file; beside it, the few questions money needs
 * (revenue or traffic only, currency, the team's zone), saved as preferences.
 */
public final class WelcomeView extends ScrollPane {

    /** What the welcome view's buttons do. */
    public interface Actions {
        /** File → Open… */
        void chooseFile();

        /** Opens a file (through the import dialog). */
        void open(Path file);

        /** Opens the bundled sample. */
        void trySample();

        /**
         * Saves the answers.
         *
         * @return a message to show: where they were saved, or why not
         */
        String saveAnswers(Preferences answers);
    }

    private final Label saved = new Label();

    /**
     * @param sample     the sample "Try the sample" opens (its file name is shown)
     * @param preferences the preferences as read: the answers start from them; their recent files are listed
     */
    public WelcomeView(Actions actions, TrafficSource.Sample sample, Preferences preferences) {
        getStyleClass().add("welcome-view");
        setId("welcomeView");
        setFitToWidth(true);
        Label title = new Label("Welcome to Lowtide");
        title.getStyleClass().add("welcome-title");
        Label lead = new Label("Lowtide reads your traffic history and finds the quietest weekly window for maintenance "
                + "and risky changes, with what a change costs at each hour.");
        lead.setWrapText(true);
        lead.getStyleClass().add("welcome-lead");

        VBox start = card("Start with your traffic", startBody(actions, sample, preferences.recentFiles()));
        PreferencesViewModel model = new PreferencesViewModel(preferences);
        Button save = new Button("Save answers");
        save.setId("welcomeSave");
        save.setDefaultButton(false);
        save.setOnAction(e -> model.toPreferences(preferences).ifPresent(p -> saved.setText(actions.saveAnswers(p))));
        saved.setWrapText(true);
        saved.setId("welcomeSaved");
        saved.getStyleClass().add("welcome-note");
        Label why = new Label("Three questions money needs. You can change them later in File → Preferences… (Ctrl+,).");
        why.setWrapText(true);
        why.getStyleClass().add("welcome-note");
        VBox questions = card("A few questions", new VBox(10, why, new PreferencesForm(model), save, saved));

        FlowPane cards = new FlowPane(20, 20, start, questions);
        cards.setPrefWrapLength(900);
        // The cards' widths are in ems (lowtide.css .welcome-card): a larger font widens them.
        VBox page = new VBox(14, title, lead, cards);
        page.setPadding(new Insets(28, 32, 28, 32));
        page.setMaxWidth(1400);
        // Cards reflow into one column when the window is narrow.
        cards.prefWrapLengthProperty().bind(widthProperty().subtract(80));
        setContent(page);
    }

    private static Node startBody(Actions actions, TrafficSource.Sample sample, List<String> recent) {
        Label drop = new Label("Drop a traffic file here\n(CSV, TSV, TXT, JSON exports, gzip)");
        drop.getStyleClass().add("drop-zone");
        drop.setWrapText(true);
        drop.setMaxWidth(Double.MAX_VALUE);
        drop.setAlignment(Pos.CENTER);
        drop.setMinHeight(Region.USE_PREF_SIZE);

        Button open = new Button("_Open a file…");
        open.setId("welcomeOpen");
        open.setOnAction(e -> actions.chooseFile());
        open.setDefaultButton(true);
        Button sampleButton = new Button("Try the _sample");
        sampleButton.setId("welcomeSample");
        sampleButton.setTooltip(new Tooltip(sample.fileName() + ": " + sample.description()));
        sampleButton.setOnAction(e -> actions.trySample());
        FlowPane buttons = new FlowPane(10, 8, open, sampleButton);
        // The sample is opened and analysed behind this page on a first run; say so (issue 15).
        Label behind = new Label("The sample, " + sample.fileName() + ", is open behind this page:"
                + " Try the sample shows it.");
        behind.setId("welcomeSampleNote");
        behind.getStyleClass().add("welcome-note");
        behind.setWrapText(true);
        behind.setMinHeight(Region.USE_PREF_SIZE);

        Label recentTitle = new Label("Recent files");
        recentTitle.getStyleClass().add("welcome-subtitle");
        VBox recentList = new VBox(2);
        recentList.setId("recentFiles");
        for (String name : recent) {
            Path p = pathOf(name);
            if (p == null) {
                continue;
            }
            Hyperlink link = new Hyperlink(p.getFileName() == null ? name : p.getFileName().toString());
            link.setTooltip(new Tooltip(name));
            link.setOnAction(e -> actions.open(p));
            link.setDisable(!Files.isRegularFile(p));
            link.setWrapText(true);
            link.setMinWidth(0);
            Label folder = new Label(p.getParent() == null ? "" : p.getParent().toString());
            folder.getStyleClass().add("welcome-note");
            folder.setWrapText(true);
            HBox line = new HBox(8, link, folder);
            line.setAlignment(Pos.BASELINE_LEFT);
            HBox.setHgrow(folder, Priority.ALWAYS);
            HBox.setHgrow(link, Priority.SOMETIMES);
            folder.setMinWidth(0);
            recentList.getChildren().add(line);
        }
        if (recentList.getChildren().isEmpty()) {
            Label none = new Label("None yet: the files you open appear here.");
            none.getStyleClass().add("welcome-note");
            none.setWrapText(true);
            recentList.getChildren().add(none);
        }
        return new VBox(12, drop, buttons, behind, recentTitle, recentList);
    }

    private static Path pathOf(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static VBox card(String title, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        VBox card = new VBox(12, heading, body);
        card.getStyleClass().addAll("card", "welcome-card");
        card.setPadding(new Insets(16));
        return card;
    }
}
