package nnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Small grey-scale images in rows (dark = low values), each with its label and the model's
 * prediction underneath; mistakes get a red frame and red text.
 */
final class ImageGrid {
    static final int COLUMNS = 8;
    static final int MAX_IMAGES = 64;
    /** A cell is 1 unit wide: the image fills 1 x 1, the caption band below it is this tall. */
    static final double BAND = 0.3;
    static final Color MISTAKE = new Color(0xD55E00);

    /** Images (n, h, w) row-major, labels and predictions (null when not known), and which rows. */
    record Cells(float[] pixels, int height, int width, int[] labels, int[] predictions, int[] rows) {}

    private ImageGrid() {}

    static int columns(int n) {
        return Math.min(n, COLUMNS);
    }

    static int rows(int n) {
        return (n + COLUMNS - 1) / COLUMNS;
    }

    static JFreeChart chart(Theme theme, String title, Cells cells) {
        int n = cells.rows().length;
        int cols = columns(n);
        int rows = rows(n);
        double cellHeight = 1 + BAND;
        NumberAxis x = hidden(cols);
        NumberAxis y = hidden(rows * cellHeight);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer());
        plot.setBackgroundImage(composite(cells, cols, rows));
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1f);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        plot.setInsets(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = theme.chart(title, plot, false);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        Font font = theme.font(Font.PLAIN, theme.tickSize());
        for (int k = 0; k < n; k++) {
            int i = cells.rows()[k];
            double left = k % cols;
            double top = rows * cellHeight - (k / cols) * cellHeight;
            boolean known = cells.labels() != null && cells.predictions() != null;
            boolean wrong = known && cells.labels()[i] != cells.predictions()[i];
            String caption = caption(cells, i);
            if (!caption.isEmpty()) {
                XYTextAnnotation text = new XYTextAnnotation(caption, left + 0.5, top - 1 - BAND / 2);
                text.setFont(wrong ? font.deriveFont(Font.BOLD) : font);
                text.setPaint(wrong ? MISTAKE : Color.DARK_GRAY);
                text.setTextAnchor(TextAnchor.CENTER);
                plot.addAnnotation(text);
            }
            if (wrong) {
                plot.addAnnotation(new XYBoxAnnotation(left + 0.02, top - 1, left + 0.98, top - 0.02,
                        new BasicStroke(theme.lineWidth()), MISTAKE, null));
            }
        }
        return chart;
    }

    private static String caption(Cells cells, int i) {
        String label = cells.labels() == null ? "" : "y=" + cells.labels()[i];
        String pred = cells.predictions() == null ? "" : "ŷ=" + cells.predictions()[i];
        return (label + " " + pred).trim();
    }

    private static NumberAxis hidden(double upper) {
        NumberAxis axis = new NumberAxis();
        axis.setRange(0, upper);
        axis.setVisible(false);
        return axis;
    }

    /**
     * All images in one picture laid out like the cells, each magnified by a whole factor so the
     * pixels stay square, with white caption bands. Values are scaled from the data's min..max.
     */
    private static BufferedImage composite(Cells cells, int cols, int rows) {
        int h = cells.height();
        int w = cells.width();
        int zoom = Math.max(1, 80 / Math.max(h, w));
        int gap = Math.max(1, zoom);
        int cellW = w * zoom + 2 * gap;
        int cellH = (int) Math.round((h * zoom + 2 * gap) * (1 + BAND));
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        int size = h * w;
        for (int i : cells.rows()) {
            for (int p = 0; p < size; p++) {
                lo = Math.min(lo, cells.pixels()[i * size + p]);
                hi = Math.max(hi, cells.pixels()[i * size + p]);
            }
        }
        float span = hi > lo ? hi - lo : 1;
        BufferedImage image = new BufferedImage(cols * cellW, rows * cellH, BufferedImage.TYPE_INT_RGB);
        java.util.Arrays.fill(((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0xFFFFFF);
        for (int k = 0; k < cells.rows().length; k++) {
            int i = cells.rows()[k];
            int x0 = (k % cols) * cellW;
            int y0 = (k / cols) * cellH;
            for (int r = 0; r < h * zoom; r++) {
                for (int c = 0; c < w * zoom; c++) {
                    float v = (cells.pixels()[i * size + (r / zoom) * w + c / zoom] - lo) / span;
                    int g = Math.round(v * 255);
                    image.setRGB(x0 + gap + c, y0 + gap + r, g << 16 | g << 8 | g);
                }
            }
        }
        return image;
    }
}
