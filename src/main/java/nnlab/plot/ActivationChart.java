package nnlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnlab.nn.Activation;
import nnlab.nn.Tensor;
import org.jfree.chart.JFreeChart;

/**
 * Activation functions g(z) over z in [-5, 5], optionally with their derivatives dashed in the same
 * colour. Softmax, which needs a whole vector, is drawn as the 2-class case softmax([z, 0])[0].
 */
final class ActivationChart {
    static final double FROM = -5;
    static final double TO = 5;

    private ActivationChart() {}

    static JFreeChart chart(Theme theme, List<Activation> activations, boolean derivatives) {
        double[] z = Lines.range(FROM, TO, 401);
        List<Lines.Series> lines = new ArrayList<>();
        for (Activation g : activations) {
            double[] value = new double[z.length];
            double[] slope = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                if (g == Activation.SOFTMAX) {
                    value[i] = twoClassSoftmax(z[i]);
                    slope[i] = value[i] * (1 - value[i]);
                } else {
                    value[i] = g.apply(z[i]);
                    slope[i] = g.derivative(z[i]);
                }
            }
            String name = name(g);
            lines.add(new Lines.Series(name, z, value, g.ordinal(), false));
            if (derivatives) {
                double[][] broken = breakJumps(z, slope);
                lines.add(new Lines.Series(name + "′", broken[0], broken[1], g.ordinal(), true));
            }
        }
        String title = derivatives ? "Activation functions (dashed: derivatives)" : "Activation functions";
        return Lines.chart(theme, title, "z", "g(z)", lines, true);
    }

    /** A gap where the curve jumps (ReLU's derivative at 0), instead of a vertical line. */
    static double[][] breakJumps(double[] x, double[] y) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (i > 0 && Math.abs(y[i] - y[i - 1]) > 0.5) {
                points.add(new double[] {(x[i] + x[i - 1]) / 2, Double.NaN});
            }
            points.add(new double[] {x[i], y[i]});
        }
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }

    static String name(Activation g) {
        return g == Activation.SOFTMAX ? "softmax([z, 0])[0]" : g.name().toLowerCase(Locale.ROOT);
    }

    private static double twoClassSoftmax(double z) {
        return Activation.SOFTMAX.apply(Tensor.of((float) z, 0f)).get(0);
    }
}
