package nnlab.plot;

import java.awt.Color;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.util.List;
import nnlab.nn.Activation;
import nnlab.nn.LayerTrace;
import nnlab.nn.Sequential;
import nnlab.nn.Tensor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Maps of what a model computes over the input plane: the predicted class everywhere (decision
 * regions) and each unit's output in one layer (what a hidden unit "sees"). Both evaluate the
 * model once on a grid of points and draw the result as an image behind the data.
 */
final class Regions {
    static final int GRID = 200;
    static final int UNIT_GRID = 120;
    static final int MAX_UNITS = 12;
    private static final Color EDGE = new Color(0x333333);

    private Regions() {}

    /** The plane around the data, 10% margin on every side. */
    record Bounds(double xMin, double xMax, double yMin, double yMax) {
        static Bounds around(List<double[]> points) {
            double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                x0 = Math.min(x0, p[0]);
                x1 = Math.max(x1, p[0]);
                y0 = Math.min(y0, p[1]);
                y1 = Math.max(y1, p[1]);
            }
            double mx = Math.max((x1 - x0) * 0.1, 0.5);
            double my = Math.max((y1 - y0) * 0.1, 0.5);
            return new Bounds(x0 - mx, x1 + mx, y0 - my, y1 + my);
        }

        /** Centres of an n x n grid of cells, row 0 at the top (as in an image). */
        Tensor grid(int n) {
            float[][] rows = new float[n * n][];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    rows[i * n + j] = new float[] {(float) (xMin + (j + 0.5) * (xMax - xMin) / n),
                        (float) (yMax - (i + 0.5) * (yMax - yMin) / n)};
                }
            }
            return Tensor.of(rows);
        }
    }

    static void checkTwoInputs(String what, Sequential model) {
        int[] in = model.layers().get(0).inputShape();
        if (in == null || in.length != 1 || in[0] != 2) {
            throw new IllegalArgumentException(what + " draws over the plane of two inputs (x1, x2), but model '"
                    + model.name() + "' takes input shape " + (in == null ? "(not built)" : Values.shape(in))
                    + ". Use a model with 2 inputs, e.g. the multiclass lab's Dense(2, RELU) -> Dense(4, LINEAR)"
                    + (what.equals("unitOutputs") ? ", or one input for lines of z and a per unit." : "."));
        }
    }

    static JFreeChart decisionRegions(Theme theme, Sequential model, List<double[]> points, int[] labels) {
        checkTwoInputs("decisionRegions", model);
        Bounds b = Bounds.around(points);
        int[] classes = predictedClasses(model, b.grid(GRID));
        BufferedImage image = new BufferedImage(GRID, GRID, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                int c = classes[i * GRID + j];
                boolean edge = j + 1 < GRID && classes[i * GRID + j + 1] != c
                        || i + 1 < GRID && classes[(i + 1) * GRID + j] != c;
                image.setRGB(j, i, edge ? EDGE.getRGB() : mix(theme.color(c), Color.WHITE, 0.72).getRGB());
            }
        }
        XYPlot plot = dataPlot(theme, b, points, labels, image, "x1");
        return theme.chart("Decision regions", plot, true);
    }

    /** Class per grid point: argmax for several outputs, a threshold for one (0.5 after sigmoid, else 0). */
    private static int[] predictedClasses(Sequential model, Tensor grid) {
        Tensor out = model.predict(grid);
        int[] shape = out.shape();
        if (shape[shape.length - 1] > 1) {
            return out.argmax();
        }
        List<LayerTrace> layers = model.trace(grid.row(0).reshape(1, 2)).layers();
        Activation last = layers.get(layers.size() - 1).activation();
        float threshold = last == Activation.SIGMOID ? 0.5f : 0f;
        float[] v = out.toArray();
        int[] classes = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            classes[i] = v[i] >= threshold ? 1 : 0;
        }
        return classes;
    }

    static void checkLayer(Sequential model, int layer) {
        if (layer < 0 || layer >= model.layers().size()) {
            throw new IllegalArgumentException("unitOutputs: layer index " + layer + " is out of range; model '"
                    + model.name() + "' has layers 0.." + (model.layers().size() - 1) + ".");
        }
    }

    /** The model's input width, or 0 when it is not built yet. */
    static int inputs(Sequential model) {
        int[] in = model.layers().isEmpty() ? null : model.layers().get(0).inputShape();
        return in == null || in.length != 1 ? 0 : in[0];
    }

    static JFreeChart unitOutputs(Theme theme, Sequential model, int layer, List<double[]> points, int[] labels) {
        checkTwoInputs("unitOutputs", model);
        checkLayer(model, layer);
        Bounds b = Bounds.around(points);
        LayerTrace trace = model.trace(b.grid(UNIT_GRID)).layer(layer);
        Tensor a = trace.a();
        int units = a.shape()[a.rank() - 1];
        float[] values = a.toArray();
        double lo = 0;
        double hi = 0;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        Scale scale = new Scale(lo < 0 ? -Math.max(-lo, hi) : 0, Math.max(hi, lo < 0 ? -lo : 1e-9), theme);
        int shown = Math.min(units, MAX_UNITS);
        NumberAxis x2 = Scatter.axis("x2");
        x2.setRange(b.yMin(), b.yMax());
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(x2);
        combined.setGap(10);
        for (int u = 0; u < shown; u++) {
            BufferedImage image = new BufferedImage(UNIT_GRID, UNIT_GRID, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < UNIT_GRID; i++) {
                for (int j = 0; j < UNIT_GRID; j++) {
                    float v = values[(i * UNIT_GRID + j) * units + u];
                    boolean edge = j + 1 < UNIT_GRID && (values[(i * UNIT_GRID + j + 1) * units + u] > 0) != (v > 0)
                            || i + 1 < UNIT_GRID && (values[((i + 1) * UNIT_GRID + j) * units + u] > 0) != (v > 0);
                    image.setRGB(j, i, edge ? EDGE.getRGB() : ((Color) scale.getPaint(v)).getRGB());
                }
            }
            combined.add(dataPlot(theme, b, points, labels, image, "unit " + u));
        }
        String name = trace.name() + (trace.activation() == null ? "" : " (" + ActivationChart.name(trace.activation()) + ")");
        JFreeChart chart = theme.chart("Layer " + name + ": output of each unit", combined, false);
        if (shown < units) {
            chart.addSubtitle(new org.jfree.chart.title.TextTitle("showing units 0-" + (shown - 1) + " of " + units));
        }
        NumberAxis barAxis = new NumberAxis("a");
        barAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend bar = new PaintScaleLegend(scale, barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setMargin(new RectangleInsets(30, 8, 40, 0));
        bar.setStripWidth(12);
        chart.addSubtitle(bar);
        return chart;
    }

    /** The data (if any) as markers over an image that exactly fills the plane. */
    private static XYPlot dataPlot(Theme theme, Bounds b, List<double[]> points, int[] labels, BufferedImage image,
            String xLabel) {
        NumberAxis x = Scatter.axis(xLabel);
        x.setRange(b.xMin(), b.xMax());
        NumberAxis y = Scatter.axis("x2");
        y.setRange(b.yMin(), b.yMax());
        XYPlot plot = labels == null
                ? new XYPlot(new XYSeriesCollection(), x, y, Scatter.renderer(theme, new int[0]))
                : new XYPlot(Scatter.dataset(points, labels), x, y, Scatter.renderer(theme, labels));
        plot.setBackgroundImage(image);
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1f);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() * (1 - t) + b.getRed() * t),
                (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    /**
     * White at 0 fading to the palette's blue for positive values and to its vermillion for
     * negative ones (ReLU outputs use only the blue half, like the lab's "Blues" map).
     */
    static final class Scale implements PaintScale {
        private final double lower;
        private final double upper;
        private final Color positive;
        private final Color negative;

        Scale(double lower, double upper, Theme theme) {
            this.lower = lower;
            this.upper = upper;
            this.positive = theme.color(0);
            this.negative = theme.color(1);
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (value >= 0) {
                return mix(Color.WHITE, positive, Math.min(1, value / upper));
            }
            return mix(Color.WHITE, negative, Math.min(1, value / lower));
        }
    }
}
