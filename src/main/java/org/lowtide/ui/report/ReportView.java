package org.lowtide.ui.report;

import java.io.File;
import java.io.IOException;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.lowtide.report.Paper;
import org.lowtide.report.Section;
import org.lowtide.ui.common.Controls;

/**
 * File → Export Report…: the report's title, author, notes for the audience, sections, currency
 * and paper on the left, a preview of its pages on the right, progress and Cancel below. Only
 * binds controls to {@link ReportViewModel}.
 */
public final class ReportView extends BorderPane {

    private static final double PREVIEW_WIDTH = 430;

    /** The style class of the form's captions (no rule of its own: they look as plain labels). */
    private static final String CAPTION = "report-caption";

    private final ReportViewModel viewModel;

    public ReportView(ReportViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("report-view");
        setPadding(new Insets(12));
        setLeft(form());
        setCenter(preview());
        setBottom(statusBar());
    }

    /** Opens the dialog over {@code owner} and renders a first preview. */
    public static Stage show(Window owner, ReportViewModel viewModel, String stylesheet) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export Report");
        Scene scene = new Scene(new ReportView(viewModel), 980, 760);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> viewModel.cancel());
        stage.show();
        viewModel.preview();
        return stage;
    }

    private ScrollPane form() {
        TextField title = new TextField();
        title.setId("reportTitle");
        title.textProperty().bindBidirectional(viewModel.titleProperty());
        TextField author = new TextField();
        author.setId("reportAuthor");
        author.setPromptText("e.g. Platform team");
        author.textProperty().bindBidirectional(viewModel.authorProperty());
        TextArea notes = new TextArea();
        notes.setId("reportNotes");
        notes.setPromptText("A few words for the readers, printed on the summary page");
        notes.setPrefRowCount(4);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(viewModel.notesProperty());

        VBox sections = new VBox(4);
        for (Section s : Section.values()) {
            CheckBox box = new CheckBox(s.title());
            box.setId("section-" + s.name().toLowerCase(Locale.ROOT));
            box.selectedProperty().bindBidirectional(viewModel.sectionProperty(s));
            sections.getChildren().add(box);
        }

        ComboBox<String> currency = new ComboBox<>(FXCollections.observableArrayList(ReportViewModel.CURRENCIES));
        currency.setId("reportCurrency");
        currency.setEditable(true);
        currency.valueProperty().bindBidirectional(viewModel.currencyProperty());
        ComboBox<Paper> paper = new ComboBox<>(FXCollections.observableArrayList(Paper.values()));
        paper.setId("reportPaper");
        paper.setConverter(new StringConverter<>() {
            @Override
            public String toString(Paper p) {
                return p == null ? "" : p == Paper.A4 ? "A4 (210 × 297 mm)" : "US Letter (8.5 × 11 in)";
            }

            @Override
            public Paper fromString(String s) {
                return null;
            }
        });
        paper.valueProperty().bindBidirectional(viewModel.paperProperty());

        // Each label above its field, every field as wide as the form: nothing is cut at any font size.
        VBox grid = new VBox(8);
        for (javafx.scene.Node[] field : new javafx.scene.Node[][] {
            {Controls.caption("Title", title, CAPTION), title},
            {Controls.caption("Author", author, CAPTION), author},
            {Controls.caption("Notes for the audience", notes, CAPTION), notes},
            {Controls.caption("Sections", sections, CAPTION), sections},
            {Controls.caption("Currency", currency, CAPTION), currency},
            {Controls.caption("Paper", paper, CAPTION), paper}}) {
            ((Label) field[0]).setWrapText(true);
            if (field[1] instanceof Region r) {
                r.setMaxWidth(Double.MAX_VALUE);
            }
            grid.getChildren().add(new VBox(3, field));
        }
        for (javafx.scene.Node n : sections.getChildren()) {
            ((CheckBox) n).setWrapText(true);
        }

        Label error = new Label();
        error.setId("reportError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);

        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button preview = new Button("Preview");
        preview.setId("reportPreview");
        preview.setDefaultButton(true);
        preview.setOnAction(e -> viewModel.preview());
        preview.disableProperty().bind(viewModel.busyProperty());
        Button save = new Button("Save PDF…");
        save.setId("reportSave");
        save.disableProperty().bind(viewModel.canSaveProperty().not().or(viewModel.busyProperty()));
        save.setOnAction(e -> save());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            viewModel.cancel();
            if (getScene() != null) {
                getScene().getWindow().hide();
            }
        });
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 8, preview, save, close);

        VBox form = new VBox(12, grid, error, buttons);
        form.setPadding(new Insets(0, 16, 0, 0));
        form.getStyleClass().add("report-form"); // its width in ems (lowtide.css): it grows with the font
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("report-form-scroll");
        return scroll;
    }

    private ScrollPane preview() {
        VBox pages = new VBox(14);
        pages.setId("reportPages");
        pages.setAlignment(Pos.TOP_CENTER);
        pages.setPadding(new Insets(14));
        pages.setStyle("-fx-background-color: #e8ebee;");
        viewModel.pages().addListener((ListChangeListener<Image>) c -> {
            pages.getChildren().clear();
            int n = viewModel.pages().size();
            for (int i = 0; i < n; i++) {
                ImageView view = new ImageView(viewModel.pages().get(i));
                view.setPreserveRatio(true);
                view.setFitWidth(PREVIEW_WIDTH);
                view.setSmooth(true);
                view.setEffect(new DropShadow(8, javafx.scene.paint.Color.rgb(0, 0, 0, 0.25)));
                Label caption = new Label("Page " + (i + 1) + " of " + n);
                caption.getStyleClass().add("page-caption");
                pages.getChildren().add(new VBox(4, view, caption));
            }
        });
        ScrollPane scroll = new ScrollPane(pages);
        scroll.setFitToWidth(true);
        scroll.setId("reportPreviewPane");
        return scroll;
    }

    private HBox statusBar() {
        ProgressBar progress = Controls.progressBar(viewModel.progressProperty(), viewModel.busyProperty(), 180, false);
        progress.setId("reportProgress");
        Label status = new Label();
        status.setId("reportStatus");
        status.textProperty().bind(viewModel.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button cancel = Controls.cancelButton(viewModel.busyProperty(), viewModel::cancel, false);
        cancel.setId("reportCancel");
        HBox bar = new HBox(10, progress, status, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 0, 0, 0));
        return bar;
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the report as PDF");
        chooser.setInitialFileName("lowtide-report.pdf");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF files", "*.pdf"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            viewModel.save(file.toPath());
        } catch (IOException | RuntimeException e) {
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.ERROR, "Could not save " + file + ": " + e.getMessage());
            alert.showAndWait();
        }
    }
}
