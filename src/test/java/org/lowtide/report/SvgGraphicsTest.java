package org.lowtide.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Lowtide's own SVG writer: what JFreeChart draws comes out as well-formed SVG with the same geometry. */
class SvgGraphicsTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesShapesTextStrokesTransformsAndClips() throws Exception {
        SvgGraphics g = new SvgGraphics(200, 100);
        g.setPaint(new Color(255, 0, 0, 128));
        g.fill(new Rectangle2D.Double(10, 20, 30, 40));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 2f}, 0f));
        g.setPaint(Color.BLUE);
        g.draw(new Line2D.Double(0, 0, 50, 50));
        g.clip(new Rectangle2D.Double(5, 5, 100, 50));
        g.translate(20, 30);
        g.rotate(-Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        g.drawString("Revenue < cost & \"risk\"", 0f, 0f);
        String svg = g.document();

        Document d = parse(svg);
        Element root = d.getDocumentElement();
        assertThat(root.getAttribute("width")).isEqualTo("200");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 200 100");
        Element rect = (Element) d.getElementsByTagName("rect").item(0);
        assertThat(rect.getAttribute("x")).isEqualTo("10");
        assertThat(rect.getAttribute("height")).isEqualTo("40");
        assertThat(rect.getAttribute("fill")).isEqualTo("rgb(255,0,0)");
        assertThat(Double.parseDouble(rect.getAttribute("fill-opacity"))).isCloseTo(128 / 255.0, org.assertj.core.data.Offset.offset(1e-3));
        Element line = (Element) d.getElementsByTagName("line").item(0);
        assertThat(line.getAttribute("stroke")).isEqualTo("rgb(0,0,255)");
        assertThat(line.getAttribute("stroke-width")).isEqualTo("2");
        assertThat(line.getAttribute("stroke-dasharray")).isEqualTo("4,2");
        assertThat(line.getAttribute("stroke-linecap")).isEqualTo("round");
        Element text = (Element) d.getElementsByTagName("text").item(0);
        assertThat(text.getTextContent()).isEqualTo("Revenue < cost & \"risk\"");
        assertThat(text.getAttribute("font-weight")).isEqualTo("bold");
        assertThat(text.getAttribute("transform")).isEqualTo("matrix(0 -1 1 0 20 30)");
        // The text is cut by the clip, given in device space before the transform.
        Element group = (Element) text.getParentNode();
        String clipId = group.getAttribute("clip-path").replaceAll("url\\(#(.*)\\)", "$1");
        Element clipPath = (Element) d.getElementsByTagName("clipPath").item(0);
        assertThat(clipPath.getAttribute("id")).isEqualTo(clipId);
        assertThat(((Element) clipPath.getFirstChild()).getAttribute("d")).isEqualTo("M5 5L105 5L105 55L5 55L5 5Z");
        // Back in user space, the clip reads as it was set.
        assertThat(g.getClipBounds()).isEqualTo(new java.awt.Rectangle(-25, -15, 50, 100));
    }

    @Test
    void aChartComesOutWellFormedAndTheSameEachTime() throws Exception {
        org.jfree.data.xy.XYSeries s = new org.jfree.data.xy.XYSeries("Requests per minute");
        for (int i = 0; i < 50; i++) {
            s.add(i, Math.sin(i / 5.0) * 100 + 200);
        }
        org.jfree.chart.JFreeChart chart = org.jfree.chart.ChartFactory.createXYLineChart("Traffic", "hour", "requests",
                new org.jfree.data.xy.XYSeriesCollection(s));
        String svg = ChartExport.svg(chart, 480, 270);
        Document d = parse(svg);
        assertThat(d.getElementsByTagName("path").getLength()).isGreaterThan(0);
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < d.getElementsByTagName("text").getLength(); i++) {
            texts.add(d.getElementsByTagName("text").item(i).getTextContent());
        }
        // Horizontal text stays text (JFreeChart draws rotated axis labels through TextLayout: outlines).
        assertThat(texts).contains("Traffic", "hour", "Requests per minute", "250");
        assertThat(ChartExport.svg(chart, 480, 270)).isEqualTo(svg);
    }
}
