package nnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * How charts look: font sizes, line widths and colours. {@link #NOTEBOOK} suits a notebook cell;
 * {@link #SLIDES} has large fonts and thick lines that stay readable from the back of a lecture
 * hall. Both use the Okabe-Ito palette, which people with the common colour-vision deficiencies
 * can still tell apart.
 *
 * <p>Choose one per chart with {@link Chart#theme(Theme)} or for every new chart with
 * {@link Plot#setTheme(Theme)}.
 */
public final class Theme {
    /** Sized for notebook cells (the default). */
    public static final Theme NOTEBOOK = new Theme("notebook", 640, 400, 17, 14, 12, 2f, 6);
    /** Large fonts and thick lines for lecture slides; 16:9 ({@link SlideSize#WIDE_16_9}) unless sized. */
    public static final Theme SLIDES = new Theme("slides", 960, 540, 26, 20, 17, 4f, 10);

    /** Okabe-Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), Color.BLACK,
    };
    /** The logical font maps to the installed fonts, including a CJK fallback when one exists. */
    static final String FONT_FAMILY = Font.SANS_SERIF;

    private final String name;
    private final int width;
    private final int height;
    private final int titleSize;
    private final int labelSize;
    private final int tickSize;
    private final float lineWidth;
    private final int markerSize;

    private Theme(String name, int width, int height, int titleSize, int labelSize, int tickSize, float lineWidth,
            int markerSize) {
        this.name = name;
        this.width = width;
        this.height = height;
        this.titleSize = titleSize;
        this.labelSize = labelSize;
        this.tickSize = tickSize;
        this.lineWidth = lineWidth;
        this.markerSize = markerSize;
    }

    /** The i-th colour of the palette (wrapping around). */
    public Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** The palette's size before colours repeat. */
    public int colors() {
        return PALETTE.length;
    }

    /** Default chart width in logical pixels. */
    public int width() {
        return width;
    }

    /** Default chart height in logical pixels. */
    public int height() {
        return height;
    }

    /** Title font size in points. */
    public int titleSize() {
        return titleSize;
    }

    /** Axis-label and legend font size in points. */
    public int labelSize() {
        return labelSize;
    }

    /** Tick-label and annotation font size in points. */
    public int tickSize() {
        return tickSize;
    }

    /** Width of data lines. */
    public float lineWidth() {
        return lineWidth;
    }

    /** Diameter of scatter markers. */
    public int markerSize() {
        return markerSize;
    }

    Font font(int style, int size) {
        return new Font(FONT_FAMILY, style, size);
    }

    Stroke line() {
        return new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    Stroke dashed() {
        float dash = lineWidth * 3;
        return new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {dash, dash * 0.8f}, 0f);
    }

    Shape marker() {
        double r = markerSize / 2.0;
        return new Ellipse2D.Double(-r, -r, markerSize, markerSize);
    }

    /**
     * A new chart in this theme. Factories style their details (a red caption, a smaller axis
     * label) after this, because applying a theme resets such details.
     */
    JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, null, plot, legend);
        apply(chart);
        return chart;
    }

    /** Fonts, backgrounds, grid lines and default series colours/strokes for the whole chart. */
    void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("nnlab-" + name, false);
        theme.setExtraLargeFont(font(Font.BOLD, titleSize));
        theme.setLargeFont(font(Font.PLAIN, labelSize));
        theme.setRegularFont(font(Font.PLAIN, tickSize));
        theme.setSmallFont(font(Font.PLAIN, Math.max(9, tickSize - 2)));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.GRAY);
        Color grid = new Color(0xDDDDDD);
        theme.setDomainGridlinePaint(grid);
        theme.setRangeGridlinePaint(grid);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        Stroke[] strokes = {line()};
        theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE.clone(), PALETTE.clone(),
                new Paint[] {Color.GRAY}, strokes, new Stroke[] {new BasicStroke(1f)},
                new Shape[] {marker()}));
        theme.apply(chart);
        solidGrid(chart.getPlot());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
    }

    /**
     * Stops JFreeChart's theme from replacing the colours and strokes a factory chose per series
     * (for example a class's colour, or dashed derivative lines).
     */
    static void keepSeriesStyles(org.jfree.chart.renderer.AbstractRenderer renderer) {
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setAutoPopulateSeriesShape(false);
    }

    /** JFreeChart's default dashed grid competes with dashed data lines; a thin solid grid does not. */
    private static void solidGrid(org.jfree.chart.plot.Plot plot) {
        Stroke thin = new BasicStroke(1f);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlineStroke(thin);
            xy.setRangeGridlineStroke(thin);
        }
        if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlineStroke(thin);
        }
        if (plot instanceof CombinedDomainXYPlot combined) {
            combined.getSubplots().forEach(Theme::solidGrid);
        }
        if (plot instanceof CombinedRangeXYPlot combined) {
            combined.getSubplots().forEach(Theme::solidGrid);
        }
        if (plot instanceof CombinedRangeCategoryPlot combined) {
            for (Object sub : combined.getSubplots()) {
                solidGrid((org.jfree.chart.plot.Plot) sub);
            }
        }
    }

    @Override
    public String toString() {
        return "Theme." + name.toUpperCase(java.util.Locale.ROOT);
    }
}
