package nnlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import nnlab.nn.History;

/**
 * Loss curves per epoch. One history also gets its validation loss (dashed) and, when recorded,
 * an accuracy panel underneath; several histories are overlaid by name for comparison.
 */
final class LossChart {
    private LossChart() {}

    static JFreeChart chart(Theme theme, Map<String, History> runs) {
        List<Lines.Series> losses = new ArrayList<>();
        List<Lines.Series> accuracies = new ArrayList<>();
        boolean single = runs.size() == 1;
        int color = 0;
        for (Map.Entry<String, History> run : runs.entrySet()) {
            History h = run.getValue();
            String name = single ? "" : run.getKey() + " ";
            add(losses, h, "loss", name + "loss", color, false);
            add(losses, h, "val_loss", name + "val_loss", single ? color + 1 : color, true);
            add(accuracies, h, "accuracy", name + "accuracy", color, false);
            add(accuracies, h, "val_accuracy", name + "val_accuracy", single ? color + 1 : color, true);
            color++;
        }
        String title = single ? lossTitle(runs.keySet().iterator().next()) : "Loss";
        XYPlot loss = Lines.plot(theme, "epoch", "loss", losses);
        loss.getRangeAxis().setAutoRange(true);
        ((NumberAxis) loss.getRangeAxis()).setAutoRangeIncludesZero(true);
        boolean legend = losses.size() > 1 || !accuracies.isEmpty();
        if (!single || accuracies.isEmpty()) {
            integerTicks((NumberAxis) loss.getDomainAxis());
            return theme.chart(title, loss, legend);
        }
        NumberAxis epochs = new NumberAxis("epoch");
        integerTicks(epochs);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epochs);
        combined.setGap(12);
        combined.add(loss, 3);
        XYPlot accuracy = Lines.plot(theme, "epoch", "accuracy", accuracies);
        combined.add(accuracy, 2);
        return theme.chart(title, combined, true);
    }

    private static String lossTitle(String name) {
        return name == null || name.isEmpty() ? "Loss" : "Loss: " + name;
    }

    private static void integerTicks(NumberAxis axis) {
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    private static void add(List<Lines.Series> out, History h, String key, String label, int color, boolean dashed) {
        if (!h.keys().contains(key)) {
            return;
        }
        List<Double> values = h.get(key);
        double[] x = new double[values.size()];
        double[] y = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            Double v = values.get(i);
            y[i] = v == null ? Double.NaN : v;
        }
        out.add(new Lines.Series(label, x, y, color, dashed));
    }
}
