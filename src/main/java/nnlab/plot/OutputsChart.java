package nnlab.plot;

import java.util.Locale;
import nnlab.nn.Activation;
import nnlab.nn.Tensor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One vector of logits z read three ways, side by side: independent sigmoids (they need not sum
 * to 1), softmax (sums to 1) and multi-label decisions (each sigmoid thresholded at 0.5, so
 * any number of outputs can be on).
 */
final class OutputsChart {
    private OutputsChart() {}

    static JFreeChart chart(Theme theme, float[] z, String[] names) {
        float[] sigmoid = Activation.SIGMOID.apply(Tensor.of(z)).toArray();
        float[] softmax = Activation.SOFTMAX.apply(Tensor.of(z)).toArray();
        float[] decision = new float[z.length];
        int on = 0;
        for (int i = 0; i < z.length; i++) {
            decision[i] = sigmoid[i] >= 0.5f ? 1 : 0;
            on += (int) decision[i];
        }
        NumberAxis range = new NumberAxis("output");
        range.setRange(0, 1.12);
        CombinedRangeCategoryPlot plot = new CombinedRangeCategoryPlot(range);
        plot.setGap(14);
        plot.add(panel(theme, "sigmoid: sum = " + fmt(sum(sigmoid)), sigmoid, names, 0, "0.00"));
        plot.add(panel(theme, "softmax: sum = " + fmt(sum(softmax)), softmax, names, 1, "0.00"));
        plot.add(panel(theme, "multi-label: " + on + " of " + z.length + " on", decision, names, 2, "0"));
        JFreeChart chart = theme.chart("Sigmoid vs softmax vs multi-label", plot, false);
        // Three panels share the width: their labels get the smaller tick font so they fit.
        for (Object panel : plot.getSubplots()) {
            ((CategoryPlot) panel).getDomainAxis().setLabelFont(theme.font(java.awt.Font.PLAIN, theme.tickSize()));
        }
        chart.addSubtitle(new TextTitle("z = " + vector(z), theme.font(java.awt.Font.PLAIN, theme.labelSize())));
        return chart;
    }

    private static CategoryPlot panel(Theme theme, String label, float[] values, String[] names, int color,
            String format) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < values.length; i++) {
            data.addValue(values[i], label, names[i]);
        }
        BarRenderer bars = new BarRenderer();
        Theme.keepSeriesStyles(bars);
        bars.setSeriesPaint(0, theme.color(color));
        bars.setMaximumBarWidth(0.2);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat(format)));
        bars.setDefaultItemLabelsVisible(true);
        CategoryAxis axis = new CategoryAxis(label);
        axis.setMaximumCategoryLabelWidthRatio(1.6f);
        return new CategoryPlot(data, axis, null, bars);
    }

    static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String vector(float[] z) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < z.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", z[i]).replaceAll("\\.?0+$", ""));
        }
        return s.append(']').toString();
    }
}
