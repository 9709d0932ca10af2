package org.lowtide.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.report.ChartExport;
import org.lowtide.report.Paper;
import org.lowtide.report.ReportCharts;
import org.lowtide.report.ReportModel;

class ChartExportTest {

    @TempDir
    Path dir;

    @Test
    void pngIsDrawnAtTheScaleAskedAndSvgKeepsTextAsText() throws Exception {
        ReportModel model = ReportFixtures.shop(ReportFixtures.options("Export", "", "", Paper.A4));
        ReportCharts charts = new ReportCharts(model);
        byte[] png = ChartExport.png(charts.week(), 400, 250, 2.0);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        // The line is drawn: the picture is not a blank white rectangle.
        int distinct = (int) java.util.stream.IntStream.range(0, 800).map(x -> image.getRGB(x, 250)).distinct().count();
        assertThat(distinct).isGreaterThan(3);

        String svg = ChartExport.svg(charts.week(), 400, 250);
        assertThat(svg).contains("<svg").contains("width=\"400\"").contains(">recommended<").contains(">your habit<");
        assertThat(ChartExport.svg(charts.week(), 400, 250)).as("the same chart gives the same SVG").isEqualTo(svg);

        Path target = dir.resolve("week.png");
        ChartExport.writePng(charts.week(), target);
        assertThat(ImageIO.read(target.toFile()).getWidth()).isEqualTo(2 * ChartExport.DEFAULT_WIDTH);
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
        assertThatThrownBy(() -> ChartExport.png(charts.week(), 0, 10, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
