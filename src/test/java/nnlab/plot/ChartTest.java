package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.AbstractXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {
    @TempDir
    Path dir;

    private static Chart sine() {
        return Plot.function("sin", Math::sin, -Math.PI, Math.PI);
    }

    @Test
    void pngIsTwiceTheLogicalSizeByDefaultAndScaleIsSettable() {
        Chart chart = sine();
        assertEquals(640, chart.width());
        Rendered.assertPng(chart.toPng(), 1280, 800);
        Rendered.assertPng(chart.scale(1).toPng(), 640, 400);
        Rendered.assertPng(chart.scale(3).size(300, 200).toPng(), 900, 600);
    }

    @Test
    void slidePresetsHaveTheirAspectRatios() {
        Rendered.assertPng(sine().size(SlideSize.WIDE_16_9).toPng(), 1920, 1080);
        Rendered.assertPng(sine().size(SlideSize.STANDARD_4_3).toPng(), 1600, 1200);
    }

    @Test
    void svgIsXmlWithTheChartSize() {
        var doc = Rendered.assertSvg(sine().toSvg());
        assertEquals(640.0, Double.parseDouble(doc.getDocumentElement().getAttribute("width")));
        Rendered.assertSvg(sine().toSvgElement());
    }

    @Test
    void pdfHasAPage() {
        Rendered.assertPdf(sine().toPdf());
    }

    @Test
    void saveChoosesTheFormatByExtensionAndCreatesFolders() throws IOException {
        Chart chart = sine();
        Path png = chart.save(dir.resolve("a/b/sine.png"));
        Rendered.assertPng(Files.readAllBytes(png), 1280, 800);
        Rendered.assertSvg(Files.readString(chart.save(dir.resolve("sine.SVG"))));
        Rendered.assertPdf(Files.readAllBytes(chart.save(dir.resolve("c/sine.pdf").toString())));
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(0, files.filter(p -> p.toString().endsWith(".tmp")).count(), "temporary files left behind");
        }
    }

    @Test
    void unknownExtensionListsTheSupportedOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> sine().save(dir.resolve("loss.jpg")));
        assertTrue(e.getMessage().contains("unknown extension '.jpg'"), e.getMessage());
        assertTrue(e.getMessage().contains(".png, .svg, .pdf"), e.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> sine().save(dir.resolve("loss")));
        assertTrue(none.getMessage().contains("has no extension"), none.getMessage());
        assertEquals(List.of(), list(dir), "nothing may be written for a bad name");
    }

    @Test
    void savingOntoAFolderIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("figs.png"));
        var e = assertThrows(IllegalArgumentException.class, () -> sine().save(dir.resolve("figs.png")));
        assertTrue(e.getMessage().contains("it is a folder"), e.getMessage());
    }

    @Test
    void aFailedExportKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("loss.png");
        sine().save(file);
        byte[] good = Files.readAllBytes(file);
        FailingDataset data = new FailingDataset();
        Chart broken = Chart.of(new JFreeChart(new XYPlot(data, new NumberAxis(), new NumberAxis(),
                new XYLineAndShapeRenderer())));
        data.failing = true;
        assertThrows(IllegalStateException.class, () -> broken.save(file));
        assertArrayEquals(good, Files.readAllBytes(file));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void themeChangesFontsAndLinesAndCanBeSetGlobally() {
        Chart chart = sine().title("Sine");
        assertEquals(Theme.NOTEBOOK.titleSize(), chart.jfree().getTitle().getFont().getSize());
        chart.theme(Theme.SLIDES);
        assertEquals(Theme.SLIDES.titleSize(), chart.jfree().getTitle().getFont().getSize());
        assertEquals(960, chart.width(), "slides default to 16:9");
        assertEquals("Sine", chart.jfree().getTitle().getText(), "title survives a theme change");
        var stroke = (java.awt.BasicStroke) ((XYPlot) chart.jfree().getPlot()).getRenderer().getSeriesStroke(0);
        assertEquals(Theme.SLIDES.lineWidth(), stroke.getLineWidth());
        Plot.setTheme(Theme.SLIDES);
        try {
            assertEquals(Theme.SLIDES, sine().theme());
        } finally {
            Plot.setTheme(Theme.NOTEBOOK);
        }
        assertEquals(Theme.NOTEBOOK, sine().theme());
    }

    @Test
    void paletteIsOkabeIto() {
        assertEquals(0x0072B2, Theme.NOTEBOOK.color(0).getRGB() & 0xFFFFFF);
        assertEquals(0xD55E00, Theme.SLIDES.color(1).getRGB() & 0xFFFFFF);
        assertEquals(Theme.NOTEBOOK.color(0), Theme.NOTEBOOK.color(Theme.NOTEBOOK.colors()));
    }

    @Test
    void badSizesAndScalesAreExplained() {
        var size = assertThrows(IllegalArgumentException.class, () -> sine().size(0, 400));
        assertTrue(size.getMessage().contains("got 0 x 400"), size.getMessage());
        var scale = assertThrows(IllegalArgumentException.class, () -> sine().scale(0));
        assertTrue(scale.getMessage().contains("PNG scale must be in (0, 8]"), scale.getMessage());
        var range = assertThrows(IllegalArgumentException.class, () -> Plot.function(Math::sin, 1, 1));
        assertTrue(range.getMessage().contains("give from < to"), range.getMessage());
    }

    @Test
    void wrappedChartsKeepTheirOwnStyleUntilAThemeIsChosen() {
        JFreeChart own = new JFreeChart("Mine", new Font(Font.SERIF, Font.ITALIC, 11),
                new XYPlot(null, new NumberAxis(), new NumberAxis(), new XYLineAndShapeRenderer()), false);
        Chart chart = Chart.of(own);
        assertEquals(Font.SERIF, chart.jfree().getTitle().getFont().getFamily());
        chart.theme(Theme.SLIDES);
        assertEquals(Theme.SLIDES.titleSize(), chart.jfree().getTitle().getFont().getSize());
    }

    @Test
    void chartWithoutBackgroundIsDrawnOnWhite() {
        JFreeChart own = new JFreeChart(new XYPlot(null, new NumberAxis(), new NumberAxis(), new XYLineAndShapeRenderer()));
        own.setBackgroundPaint(null);
        own.getPlot().setBackgroundPaint(null);
        java.awt.image.BufferedImage image = Chart.of(own).toImage();
        assertEquals(0xFFFFFF, image.getRGB(1, 1) & 0xFFFFFF);
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A dataset that fails while the chart is being drawn, like a bug in a student's data source. */
    private static final class FailingDataset extends AbstractXYDataset {
        boolean failing;

        @Override
        public int getSeriesCount() {
            return 1;
        }

        @Override
        public Comparable<String> getSeriesKey(int series) {
            return "broken";
        }

        @Override
        public int getItemCount(int series) {
            return 3;
        }

        @Override
        public Number getX(int series, int item) {
            return item;
        }

        @Override
        public Number getY(int series, int item) {
            if (failing && item == 2) {
                throw new IllegalStateException("data source failed");
            }
            return item;
        }
    }
}
