package nnlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.Map;
import nnlab.plot.Chart;
import nnlab.plot.Plot;
import nnlab.plot.Rendered;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class PictureHooksTest {

    private static byte[] png(MimeBundle bundle) {
        return Base64.getDecoder().decode((String) bundle.data().get("image/png"));
    }

    @Test
    void hooksAreFoundThroughTheServiceFile() {
        assertInstanceOf(ChartHook.class, DisplayHooks.find(Chart.class));
        assertInstanceOf(JFreeChartHook.class, DisplayHooks.find(JFreeChart.class));
        assertInstanceOf(ImageHook.class, DisplayHooks.find(BufferedImage.class));
        assertInstanceOf(TableHook.class, DisplayHooks.find(tech.tablesaw.api.Table.class));
    }

    @Test
    void chartShowsAsPngAtTwiceItsLogicalSize() {
        MimeBundle bundle = DisplayHooks.render(Plot.function(Math::cos, 0, 6).title("cos"));
        assertEquals(java.util.List.of("text/plain", "image/png"), java.util.List.copyOf(bundle.data().keySet()));
        Rendered.assertPng(png(bundle), 1280, 800);
        assertEquals(Map.of("width", 640, "height", 400), bundle.metadata().get("image/png"));
        assertTrue(((String) bundle.data().get("text/plain")).contains("\"cos\""));
    }

    @Test
    void svgOnlyWhenAskedFor() {
        MimeBundle bundle = DisplayHooks.render(Plot.function(Math::cos, 0, 6), "image/svg+xml");
        assertFalse(bundle.data().containsKey("image/png"));
        Rendered.assertSvg((String) bundle.data().get("image/svg+xml"));
        MimeBundle both = DisplayHooks.render(Plot.function(Math::cos, 0, 6), "image/png", "image/svg+xml",
                "application/pdf");
        assertTrue(both.data().keySet().containsAll(java.util.List.of("text/plain", "image/png", "image/svg+xml")));
        Rendered.assertPdf(Base64.getDecoder().decode((String) both.data().get("application/pdf")));
    }

    @Test
    void handMadeJFreeChartShowsAsPng() {
        XYSeries s = new XYSeries("squares");
        for (int i = 0; i < 10; i++) {
            s.add(i, i * i);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Mine", "x", "y", new XYSeriesCollection(s));
        MimeBundle bundle = DisplayHooks.render(chart);
        Rendered.assertPng(png(bundle), 1280, 800);
        assertEquals("JFreeChart \"Mine\"", bundle.data().get("text/plain"));
    }

    @Test
    void tinyImagesAreEnlargedWithCrispPixels() {
        BufferedImage digit = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        digit.setRGB(3, 4, Color.WHITE.getRGB());
        MimeBundle bundle = DisplayHooks.render(digit);
        BufferedImage shown = Rendered.decodePng(png(bundle));
        assertEquals(400, shown.getWidth(), "20 px x factor 10 x 2 for density");
        assertEquals(Map.of("width", 200, "height", 200), bundle.metadata().get("image/png"));
        // Pixel (3,4) becomes a solid 20x20 block, nothing blurred around it.
        assertEquals(Color.WHITE.getRGB(), shown.getRGB(3 * 20, 4 * 20));
        assertEquals(Color.WHITE.getRGB(), shown.getRGB(3 * 20 + 19, 4 * 20 + 19));
        assertEquals(Color.BLACK.getRGB(), shown.getRGB(3 * 20 + 20, 4 * 20));
        Rendered.assertSvg((String) DisplayHooks.render(digit, "image/svg+xml").data().get("image/svg+xml"));
    }

    @Test
    void largeImagesAreSentAsTheyAre() {
        BufferedImage photo = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        MimeBundle bundle = DisplayHooks.render(photo);
        BufferedImage shown = Rendered.decodePng(png(bundle));
        assertEquals(300, shown.getWidth());
        assertEquals(200, shown.getHeight());
        assertEquals("BufferedImage 300x200", bundle.data().get("text/plain"));
    }
}
