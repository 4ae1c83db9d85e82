package nnlab.plot;

import java.util.List;
import nnlab.nn.LayerTrace;
import nnlab.nn.Sequential;
import nnlab.nn.Tensor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;

/**
 * What each unit of one layer computes when the model has a single input: per unit, z (dashed)
 * and a = g(z) over the input's range, side by side, like the ReLU lab's "Unit 0", "Unit 1", ...
 * panels that show how ReLU units stitch linear pieces together.
 */
final class UnitLines {
    static final int POINTS = 301;

    private UnitLines() {}

    static JFreeChart chart(Theme theme, Sequential model, int layer, double from, double to) {
        Regions.checkLayer(model, layer);
        double[] x = Lines.range(from, to, POINTS);
        float[] column = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            column[i] = (float) x[i];
        }
        LayerTrace trace = model.trace(Tensor.of(new int[] {x.length, 1}, column)).layer(layer);
        String g = trace.activation() == null ? "a" : ActivationChart.name(trace.activation());
        Tensor a = trace.a();
        int units = a.shape()[a.rank() - 1];
        int shown = Math.min(units, Regions.MAX_UNITS);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(new NumberAxis("output"));
        combined.setGap(18);
        for (int u = 0; u < shown; u++) {
            Lines.Series out = new Lines.Series("a = " + g + "(z)", x, column(a, u), 4, false);
            List<Lines.Series> lines = trace.z() == null ? List.of(out)
                    : List.of(new Lines.Series("z", x, column(trace.z(), u), 0, true), out);
            XYPlot panel = Lines.plot(theme, "unit " + u, "output", lines);
            if (u > 0) {
                panel.setFixedLegendItems(new org.jfree.chart.LegendItemCollection());
            }
            combined.add(panel);
        }
        return theme.chart("Layer " + trace.name() + ": each unit's z and a", combined, true);
    }

    private static double[] column(Tensor t, int unit) {
        int units = t.shape()[t.rank() - 1];
        float[] data = t.toArray();
        double[] out = new double[data.length / units];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i * units + unit];
        }
        return out;
    }
}
