package org.lowtide.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Lowtide's mark on its windows and in the task bar: the same PNGs the installers use (rendered
 * from {@code installer/icons/lowtide.svg} by {@code installer/icons/make-icons.sh}). The window
 * system picks the size it needs; dialogs owned by a window show the owner's icons.
 */
public final class AppIcons {

    /** The sizes on the class path, under {@code /org/lowtide/ui/icons/lowtide-SIZE.png}. */
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /** @return one image per size in {@link #SIZES}, smallest first */
    public static List<Image> all() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            URL url = AppIcons.class.getResource("icons/lowtide-" + size + ".png");
            if (url == null) {
                throw new IllegalStateException("icon missing from the class path: icons/lowtide-" + size + ".png");
            }
            images.add(new Image(url.toExternalForm()));
        }
        return images;
    }

    /** Gives {@code stage} Lowtide's icons. */
    public static void addTo(Stage stage) {
        stage.getIcons().setAll(all());
    }
}
