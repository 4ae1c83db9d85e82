package nnlab.plot;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Builds line charts from named series. */
final class Lines {
    /** One line: name, points, colour index into the palette and whether it is dashed. */
    record Series(String name, double[] x, double[] y, int color, boolean dashed) {
        Series(String name, double[] x, double[] y) {
            this(name, x, y, -1, false);
        }
    }

    private Lines() {}

    static double[] range(double from, double to, int n) {
        if (!(from < to) || Double.isInfinite(from) || Double.isInfinite(to)) {
            throw new IllegalArgumentException("Range [" + from + ", " + to + "] is empty or infinite; give from < to,"
                    + " e.g. (-5, 5).");
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + (to - from) * i / (n - 1);
        }
        return x;
    }

    static void checkSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length
                    + "; a line needs one y per x.");
        }
    }

    static JFreeChart chart(Theme theme, String title, String xLabel, String yLabel, List<Series> lines,
            boolean legend) {
        return theme.chart(title, plot(theme, xLabel, yLabel, lines), legend);
    }

    /** Lines with few points also get markers, so that a one-epoch curve still shows a dot. */
    static XYPlot plot(Theme theme, String xLabel, String yLabel, List<Series> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Theme.keepSeriesStyles(renderer);
        // One path per line, so dashes run along the curve instead of restarting at every point.
        renderer.setDrawSeriesLineAsPath(true);
        int most = 0;
        for (int i = 0; i < lines.size(); i++) {
            Series s = lines.get(i);
            XYSeries series = new XYSeries(uniqueKey(data, s.name()), false, true);
            for (int j = 0; j < s.x().length; j++) {
                series.add(s.x()[j], finiteOrNull(s.y()[j]));
            }
            data.addSeries(series);
            renderer.setSeriesPaint(i, theme.color(s.color() < 0 ? i : s.color()));
            renderer.setSeriesStroke(i, s.dashed() ? theme.dashed() : theme.line());
            renderer.setSeriesShape(i, theme.marker());
            most = Math.max(most, s.x().length);
        }
        renderer.setDefaultShapesVisible(most <= 25);
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        // Later series on top, so an overlay (softmax over sigmoid) shows the one added last.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        return plot;
    }

    /** Infinite and NaN values leave a gap instead of breaking the axis range. */
    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String uniqueKey(XYSeriesCollection data, String name) {
        String key = name;
        for (int n = 2; data.getSeriesIndex(key) >= 0; n++) {
            key = name + " (" + n + ")";
        }
        return key;
    }
}
