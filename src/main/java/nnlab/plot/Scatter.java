package nnlab.plot;

import java.util.List;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Scatter plots of 2-D points coloured by class, alone or on top of a region map. */
final class Scatter {
    private Scatter() {}

    static JFreeChart chart(Theme theme, String title, List<double[]> points, int[] labels) {
        XYPlot plot = new XYPlot(dataset(points, labels), axis("x1"), axis("x2"), renderer(theme, labels));
        return theme.chart(title, plot, true);
    }

    static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** One series per class, named c0, c1, ... as in the lab's legend. */
    static XYSeriesCollection dataset(List<double[]> points, int[] labels) {
        TreeMap<Integer, XYSeries> byClass = new TreeMap<>();
        for (int i = 0; i < points.size(); i++) {
            int c = labels[i];
            byClass.computeIfAbsent(c, k -> new XYSeries("c" + k, false, true)).add(points.get(i)[0], points.get(i)[1]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        byClass.values().forEach(data::addSeries);
        return data;
    }

    /** Markers coloured by the class number, so a class keeps its colour in every chart. */
    static XYLineAndShapeRenderer renderer(Theme theme, int[] labels) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Theme.keepSeriesStyles(renderer);
        int[] classes = java.util.Arrays.stream(labels).distinct().sorted().toArray();
        for (int i = 0; i < classes.length; i++) {
            renderer.setSeriesPaint(i, theme.color(classes[i]));
            renderer.setSeriesShape(i, theme.marker());
            renderer.setSeriesOutlinePaint(i, java.awt.Color.WHITE);
        }
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        return renderer;
    }
}
