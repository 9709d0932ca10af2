package org.lowtide.ui.common;

import java.awt.image.BufferedImage;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** AWT images to JavaFX ones without javafx-swing. */
public final class FxImages {

    private FxImages() {
    }

    /** @return a copy of {@code image} as a JavaFX image (ARGB, pixel for pixel) */
    public static WritableImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return fx;
    }
}
