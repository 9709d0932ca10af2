package org.lowtide.ui.common;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.lowtide.report.ChartExport;

/**
 * The context menu every chart in the app shares: Copy (a 2× image, for slides), Save as PNG…
 * (2×) and Save as SVG… (vectors). The files are what {@code lowtide report --png-dir} writes.
 * Installing it also makes the viewer follow the theme ({@link ChartTheming}).
 */
public final class ChartMenus {

    /** Exports are at least this many logical pixels wide, whatever the viewer's size. */
    static final int MIN_WIDTH = 640;
    /** … and this many high. */
    static final int MIN_HEIGHT = 360;

    private ChartMenus() {
    }

    /**
     * Replaces the viewer's menu with Copy, Save as PNG… and Save as SVG….
     *
     * @param viewer   the chart viewer
     * @param baseName the file name offered when saving, without extension, e.g. "traffic"
     */
    public static void install(ChartViewer viewer, String baseName) {
        MenuItem copy = new MenuItem("Copy");
        copy.setId(baseName + "-copy");
        copy.setOnAction(e -> copy(viewer));
        MenuItem png = new MenuItem("Save as PNG…");
        png.setId(baseName + "-png");
        png.setOnAction(e -> choose(viewer, baseName, "png"));
        MenuItem svg = new MenuItem("Save as SVG…");
        svg.setId(baseName + "-svg");
        svg.setOnAction(e -> choose(viewer, baseName, "svg"));
        ChartTheming.follow(viewer); // every chart viewer shows the look of the moment
        if (viewer.getAccessibleText() == null) {
            viewer.setAccessibleText("Chart: " + baseName.replace('-', ' ') + " (context menu to copy or save it)");
        }
        viewer.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        ContextMenu menu = viewer.getContextMenu();
        menu.getItems().setAll(copy, png, svg);
        menu.setOnShowing(e -> {
            boolean none = viewer.getChart() == null;
            copy.setDisable(none);
            png.setDisable(none);
            svg.setDisable(none);
        });
    }

    /** Puts the chart on the clipboard as an image at twice the viewer's size. */
    static void copy(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        if (chart == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putImage(FxImages.of(ChartExport.image(chart, width(viewer), height(viewer), ChartExport.DEFAULT_SCALE)));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static void choose(ChartViewer viewer, String baseName, String format) {
        if (viewer.getChart() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as " + format.toUpperCase(Locale.ROOT));
        chooser.setInitialFileName(baseName + "." + format);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toUpperCase(Locale.ROOT) + " files",
                "*." + format));
        File file = chooser.showSaveDialog(viewer.getScene() == null ? null : viewer.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            save(viewer, file.toPath(), format);
        } catch (IOException | RuntimeException ex) {
            Alert alert = new Alert(Alert.AlertType.ERROR, "Could not save " + file + ": " + ex.getMessage());
            alert.setHeaderText("The chart was not saved");
            alert.showAndWait();
        }
    }

    /** Writes the viewer's chart at its current size: PNG at 2×, or SVG. */
    static void save(ChartViewer viewer, Path target, String format) throws IOException {
        JFreeChart chart = viewer.getChart();
        byte[] bytes = "svg".equals(format)
                ? ChartExport.svg(chart, width(viewer), height(viewer)).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : ChartExport.png(chart, width(viewer), height(viewer), ChartExport.DEFAULT_SCALE);
        org.lowtide.service.Exports.write(target, bytes);
    }

    static int width(ChartViewer viewer) {
        return Math.max(MIN_WIDTH, (int) Math.round(viewer.getWidth()));
    }

    static int height(ChartViewer viewer) {
        return Math.max(MIN_HEIGHT, (int) Math.round(viewer.getHeight()));
    }
}
