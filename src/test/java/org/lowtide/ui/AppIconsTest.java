package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window gets Lowtide's icon in every size, each one a readable image of that size. */
@ExtendWith(ApplicationExtension.class)
class AppIconsTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppIcons.addTo(stage);
        stage.show();
    }

    @Test
    void theWindowCarriesOneIconPerSizeSmallestFirst() {
        assertThat(stage.getIcons()).hasSize(AppIcons.SIZES.length);
        for (int i = 0; i < AppIcons.SIZES.length; i++) {
            Image icon = stage.getIcons().get(i);
            assertThat(icon.isError()).as("icon %d failed to load", AppIcons.SIZES[i]).isFalse();
            assertThat(icon.getWidth()).isEqualTo(AppIcons.SIZES[i]);
            assertThat(icon.getHeight()).isEqualTo(AppIcons.SIZES[i]);
        }
    }
}
