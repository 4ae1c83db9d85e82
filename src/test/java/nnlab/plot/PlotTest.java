package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nnlab.nn.Activation;
import nnlab.nn.History;
import nnlab.nn.Sequential;
import nnlab.nn.Tensor;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlotTest {
    private static Tensor x;
    private static Tensor y;
    private static Sequential lab;
    private static History history;

    @BeforeAll
    static void train() {
        Tensor[] data = Models.blobs();
        x = data[0];
        y = data[1];
        lab = Models.trainedLabModel(x, y, 30);
        history = Models.history(12);
    }

    static Stream<Arguments> everyChart() {
        float[][] digits = new float[20][400];
        float[] labels = new float[20];
        float[] predictions = new float[20];
        for (int i = 0; i < 20; i++) {
            labels[i] = i % 10;
            predictions[i] = i == 3 ? 5 : i % 10;
            for (int p = 0; p < 400; p++) {
                digits[i][p] = (p * (i + 1)) % 7 == 0 ? 1 : 0;
            }
        }
        Map<String, Supplier<Chart>> charts = new java.util.LinkedHashMap<>();
        charts.put("function", () -> Plot.function(Math::tanh, -3, 3));
        charts.put("line", () -> Plot.line(new double[] {3, 1, 4, 1, 5, 9, 2, 6}));
        charts.put("lines", () -> Plot.lines(new double[] {0, 1, 2}, Map.of("up", new double[] {0, 1, 2},
                "down", new double[] {2, 1, 0})));
        charts.put("lines of series over steps", () -> Plot.lines(Plot.series("Adam", new double[] {3, 2, 1.5}),
                Plot.series("SGD", new double[] {3, 2.8, 2.6})).axisLabels("step", "w"));
        charts.put("scatter", () -> Plot.scatter(x, y));
        charts.put("loss", () -> Plot.loss(history));
        charts.put("loss named", () -> Plot.loss("Adam", history, "again", history));
        charts.put("activations", () -> Plot.activations(true, Activation.values()));
        charts.put("outputs", () -> Plot.outputs(Tensor.of(1f, 2f, 3f, 4f)));
        charts.put("decisionRegions", () -> Plot.decisionRegions(lab, x, y));
        charts.put("unitOutputs", () -> Plot.unitOutputs(lab, "L1", x, y));
        charts.put("unitOutputs 1-D", () -> Plot.unitOutputs(Models.reluLabUnits(), 0, Tensor.of(0f, 3f), null));
        charts.put("images", () -> Plot.images(Tensor.of(digits), Tensor.of(labels), Tensor.of(predictions)));
        charts.put("mistakes", () -> Plot.mistakes(Tensor.of(digits), Tensor.of(labels), Tensor.of(predictions)));
        return charts.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyChart")
    void rendersToPngSvgAndPdf(String name, Supplier<Chart> make) {
        Chart chart = make.get();
        Rendered.assertPng(chart.toPng(), chart.width() * 2, chart.height() * 2);
        Rendered.assertSvg(chart.toSvg());
        Rendered.assertPdf(chart.toPdf());
        Chart slides = make.get().theme(Theme.SLIDES);
        Rendered.assertPng(slides.scale(1).toPng(), slides.width(), slides.height());
    }

    @Test
    void outputsShowSigmoidSoftmaxAndDecisionsWithTheirSums() {
        Chart chart = Plot.outputs(Tensor.of(1f, 2f, 3f, 4f));
        List<CategoryPlot> panels = categoryPanels(chart);
        // sigmoid(1..4) = 0.7310586, 0.8807971, 0.9525741, 0.9820138 (sum 3.5464436)
        assertEquals("sigmoid: sum = 3.546", panels.get(0).getDomainAxis().getLabel());
        assertEquals("softmax: sum = 1.000", panels.get(1).getDomainAxis().getLabel());
        assertEquals("multi-label: 4 of 4 on", panels.get(2).getDomainAxis().getLabel());
        // The assignment's my_softmax test vector: softmax([1, 2, 3, 4]).
        double[] expected = {0.0320586, 0.0871443, 0.2368828, 0.6439143};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], panels.get(1).getDataset().getValue(0, i).doubleValue(), 1e-6);
        }
        assertEquals(0.7310586, panels.get(0).getDataset().getValue(0, 0).doubleValue(), 1e-6);
        List<CategoryPlot> mixed = categoryPanels(Plot.outputs(Tensor.of(new float[][] {{2.1f, -0.5f, 0.3f}}), "car", "bus",
                "pedestrian"));
        assertEquals("multi-label: 2 of 3 on", mixed.get(2).getDomainAxis().getLabel());
        assertEquals("pedestrian", mixed.get(2).getDataset().getColumnKey(2));
        assertEquals(0.0, mixed.get(2).getDataset().getValue(0, 1).doubleValue());
    }

    @Test
    void linesKeepTheirNamesAndCheckLengths() {
        Map<String, Tensor> ys = new java.util.LinkedHashMap<>();
        ys.put("target", Tensor.of(0f, 1f, 4f));
        ys.put("model", Tensor.of(0f, 1.5f, 3.5f));
        XYDataset d = ((XYPlot) Plot.lines(Tensor.of(0f, 1f, 2f), ys).jfree().getPlot()).getDataset();
        assertEquals(List.of("target", "model"), keys(d));
        assertEquals(3.5, d.getYValue(1, 2), 1e-6);
        var e = assertThrows(IllegalArgumentException.class, () -> Plot.line(Tensor.of(0f, 1f), Tensor.of(1f)));
        assertTrue(e.getMessage().contains("x has 2 values but y has 1"), e.getMessage());
    }

    @Test
    void seriesKeepTheOrderGivenAndStepsCountFromZero() {
        double[] w = {3, 2.5, 2.2, 2.0};
        Chart chart = Plot.lines(Plot.series("Adam", w), Plot.series("SGD", Tensor.of(3f, 2.9f, 2.8f, 2.7f)));
        w[0] = 99; // the chart keeps its own copy
        XYDataset d = ((XYPlot) chart.jfree().getPlot()).getDataset();
        assertEquals(List.of("Adam", "SGD"), keys(d));
        assertEquals(3.0, d.getXValue(0, 3));
        assertEquals(3.0, d.getYValue(0, 0));
        assertEquals(2.7, d.getYValue(1, 3), 1e-6);
        XYDataset overX = ((XYPlot) Plot.lines(new double[] {-1, 0, 1}, Plot.series("b", new double[] {1, 0, 1}),
                Plot.series("a", new double[] {0, 0, 0})).jfree().getPlot()).getDataset();
        assertEquals(List.of("b", "a"), keys(overX));
        assertEquals(-1.0, overX.getXValue(1, 0));
    }

    @Test
    void axisLabelsNameBothAxesAndSurviveAThemeChange() {
        Chart chart = Plot.lines(Plot.series("w", new double[] {1, 2})).axisLabels("step", "weight");
        XYPlot plot = (XYPlot) chart.jfree().getPlot();
        assertEquals("step", plot.getDomainAxis().getLabel());
        assertEquals("weight", plot.getRangeAxis().getLabel());
        chart.theme(Theme.SLIDES);
        plot = (XYPlot) chart.jfree().getPlot();
        assertEquals("step", plot.getDomainAxis().getLabel());
        assertEquals("weight", plot.getRangeAxis().getLabel());
        // null keeps the label the chart had
        XYPlot kept = (XYPlot) Plot.line(new double[] {1, 2}).axisLabels(null, "cost").jfree().getPlot();
        assertEquals("x", kept.getDomainAxis().getLabel());
        assertEquals("cost", kept.getRangeAxis().getLabel());
    }

    @Test
    void axisLabelsOnPanelsLabelTheSharedAxisAndEveryPanel() {
        // history has accuracy, so its loss chart has a loss panel and an accuracy panel
        var combined = (org.jfree.chart.plot.CombinedDomainXYPlot) Plot.loss(history).axisLabels("pass", "value")
                .jfree().getPlot();
        assertEquals(2, combined.getSubplots().size());
        assertEquals("pass", combined.getDomainAxis().getLabel());
        for (XYPlot panel : combined.getSubplots()) assertEquals("value", panel.getRangeAxis().getLabel());
    }

    @Test
    void outputsRejectABatchWithAHint() {
        var e = assertThrows(IllegalArgumentException.class, () -> Plot.outputs(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("shape (2, 3)") && e.getMessage().contains("z.row(i)"), e.getMessage());
        var names = assertThrows(IllegalArgumentException.class, () -> Plot.outputs(Tensor.of(1f, 2f), "a"));
        assertTrue(names.getMessage().contains("1 names for 2 outputs"), names.getMessage());
    }

    @Test
    void activationsDrawValuesDerivativesAndTwoClassSoftmaxEqualToSigmoid() {
        XYPlot plot = (XYPlot) Plot.activations(true, Activation.SIGMOID, Activation.SOFTMAX).jfree().getPlot();
        XYDataset d = plot.getDataset();
        assertEquals(List.of("sigmoid", "sigmoid′", "softmax([z, 0])[0]", "softmax([z, 0])[0]′"), keys(d));
        int mid = d.getItemCount(0) / 2;
        assertEquals(0.0, d.getXValue(0, mid), 1e-12);
        assertEquals(0.5, d.getYValue(0, mid), 1e-7);
        assertEquals(0.25, d.getYValue(1, mid), 1e-7);
        for (int i = 0; i < d.getItemCount(0); i += 20) {
            assertEquals(d.getYValue(0, i), d.getYValue(2, i), 1e-6, "softmax of [z, 0] is sigmoid(z)");
        }
        BasicStroke derivative = (BasicStroke) plot.getRenderer().getSeriesStroke(1);
        assertTrue(derivative.getDashArray() != null, "derivatives are dashed");
        assertEquals(4, keys(((XYPlot) Plot.activations().jfree().getPlot()).getDataset()).size());
        XYDataset relu = ((XYPlot) Plot.activations(true, Activation.RELU).jfree().getPlot()).getDataset();
        long gaps = java.util.stream.IntStream.range(0, relu.getItemCount(1)).filter(i -> relu.getY(1, i) == null).count();
        assertEquals(1, gaps, "ReLU's derivative jumps once, at 0, and is drawn with a gap there");
    }

    @Test
    void lossShowsTrainingAndValidationCurvesAndAnAccuracyPanel() {
        var combined = (CombinedDomainXYPlot) Plot.loss(history).jfree().getPlot();
        List<XYPlot> panels = combined.getSubplots();
        assertEquals(List.of("loss", "val_loss"), keys(panels.get(0).getDataset()));
        assertEquals(List.of("accuracy", "val_accuracy"), keys(panels.get(1).getDataset()));
        XYDataset loss = panels.get(0).getDataset();
        assertEquals(history.epochs(), loss.getItemCount(0));
        assertEquals(1.0, loss.getXValue(0, 0), "epochs count from 1 as Keras prints them");
        assertEquals(history.loss().get(11), loss.getYValue(0, 11), 1e-12);
        assertEquals(history.get("val_loss").get(0), loss.getYValue(1, 0), 1e-12);
    }

    @Test
    void severalHistoriesAreOverlaidByName() {
        XYPlot plot = (XYPlot) Plot.loss("Adam", history, "SGD", history).jfree().getPlot();
        assertEquals(List.of("Adam loss", "Adam val_loss", "SGD loss", "SGD val_loss"), keys(plot.getDataset()));
        assertEquals(List.of("run 1 loss", "run 1 val_loss", "run 2 loss", "run 2 val_loss"),
                keys(((XYPlot) Plot.loss(history, history).jfree().getPlot()).getDataset()));
        var odd = assertThrows(IllegalArgumentException.class, () -> Plot.loss("Adam", history, "SGD"));
        assertTrue(odd.getMessage().contains("name/history pairs"), odd.getMessage());
        var swapped = assertThrows(IllegalArgumentException.class, () -> Plot.loss("Adam", history, history, "SGD"));
        assertTrue(swapped.getMessage().contains("got History and String"), swapped.getMessage());
        var twice = assertThrows(IllegalArgumentException.class, () -> Plot.loss("A", history, "A", history));
        assertTrue(twice.getMessage().contains("\"A\" is used twice"), twice.getMessage());
    }

    @Test
    void decisionRegionsColourThePlaneByThePredictedClass() {
        Chart chart = Plot.decisionRegions(Models.fixedQuadrants(), x, y);
        XYPlot plot = (XYPlot) chart.jfree().getPlot();
        BufferedImage regions = (BufferedImage) plot.getBackgroundImage();
        double x0 = plot.getDomainAxis().getLowerBound();
        double x1 = plot.getDomainAxis().getUpperBound();
        double y0 = plot.getRangeAxis().getLowerBound();
        double y1 = plot.getRangeAxis().getUpperBound();
        // Logits (x1, -x1, x2, -x2): at (x, 0.1x) with x large the class is 0 (right) or 1 (left);
        // at (0.1y, y) it is 2 (top) or 3 (bottom). The image's row 0 is the top of the plane.
        double[][] probes = {{0.8 * x1, 0.05 * y1}, {0.8 * x0, 0.05 * y0}, {0.05 * x1, 0.8 * y1}, {0.05 * x0, 0.8 * y0}};
        for (int c = 0; c < 4; c++) {
            int col = (int) ((probes[c][0] - x0) / (x1 - x0) * regions.getWidth());
            int row = (int) ((y1 - probes[c][1]) / (y1 - y0) * regions.getHeight());
            assertEquals(Regions.mix(Theme.NOTEBOOK.color(c), Color.WHITE, 0.72).getRGB(), regions.getRGB(col, row),
                    "class " + c + " at " + java.util.Arrays.toString(probes[c]));
        }
    }

    @Test
    void oneSigmoidOutputIsSplitAtOneHalf() {
        Sequential binary = new Sequential("binary", new nnlab.nn.Dense(1, Activation.SIGMOID, "out"));
        binary.build(2);
        // sigmoid(x1 - 1) >= 0.5 exactly when x1 >= 1.
        binary.setWeights(List.of(Tensor.of(new float[][] {{1}, {0}}), Tensor.of(-1f)));
        XYPlot plot = (XYPlot) Plot.decisionRegions(binary, x, y).jfree().getPlot();
        BufferedImage regions = (BufferedImage) plot.getBackgroundImage();
        double x0 = plot.getDomainAxis().getLowerBound();
        double x1 = plot.getDomainAxis().getUpperBound();
        int boundary = (int) ((1 - x0) / (x1 - x0) * regions.getWidth());
        int row = regions.getHeight() / 2;
        assertEquals(Regions.mix(Theme.NOTEBOOK.color(0), Color.WHITE, 0.72).getRGB(), regions.getRGB(boundary - 3, row));
        assertEquals(Regions.mix(Theme.NOTEBOOK.color(1), Color.WHITE, 0.72).getRGB(), regions.getRGB(boundary + 3, row));
    }

    @Test
    void unitOutputsAreWhiteWhereAReluUnitIsOff() {
        Chart chart = Plot.unitOutputs(lab, 0, x, null);
        List<XYPlot> panels = ((CombinedRangeXYPlot) chart.jfree().getPlot()).getSubplots();
        assertEquals(2, panels.size(), "one panel per unit of L1");
        List<Tensor> w = lab.getWeights();
        for (int u = 0; u < 2; u++) {
            XYPlot panel = panels.get(u);
            BufferedImage image = (BufferedImage) panel.getBackgroundImage();
            int off = 0;
            int on = 0;
            for (int row = 2; row < image.getHeight(); row += 7) {
                for (int col = 2; col < image.getWidth(); col += 7) {
                    double px = panel.getDomainAxis().getLowerBound()
                            + (col + 0.5) / image.getWidth() * panel.getDomainAxis().getRange().getLength();
                    double py = panel.getRangeAxis().getUpperBound()
                            - (row + 0.5) / image.getHeight() * panel.getRangeAxis().getRange().getLength();
                    double z = px * w.get(0).get(0, u) + py * w.get(0).get(1, u) + w.get(1).get(u);
                    if (Math.abs(z) < 0.5) {
                        continue;
                    }
                    boolean white = (image.getRGB(col, row) & 0xFFFFFF) == 0xFFFFFF;
                    assertEquals(z < 0, white, "unit " + u + " at (" + px + ", " + py + "), z = " + z);
                    if (z < 0) {
                        off++;
                    } else {
                        on++;
                    }
                }
            }
            assertTrue(off > 0 && on > 0, "the probe grid should see the unit both off and on");
        }
        var name = assertThrows(IllegalArgumentException.class, () -> Plot.unitOutputs(lab, "L9", x, y));
        assertTrue(name.getMessage().contains("[L1, L2]"), name.getMessage());
    }

    @Test
    void oneInputUnitsShowZAndReluOfZLikeTheReluLab() {
        Chart chart = Plot.unitOutputs(Models.reluLabUnits(), "l1", Tensor.of(0f, 1f, 3f), null);
        List<XYPlot> panels = ((CombinedRangeXYPlot) chart.jfree().getPlot()).getSubplots();
        assertEquals(3, panels.size());
        // The lab's target pieces: -2x+2 on [0,1), x-1 on [1,2), 3x-5 = (x-1) + (2x-4) on [2,3].
        double[][] wb = {{-2, 2}, {1, -1}, {2, -4}};
        for (int u = 0; u < 3; u++) {
            XYDataset d = panels.get(u).getDataset();
            assertEquals(List.of("z", "a = relu(z)"), keys(d));
            for (int i = 0; i < d.getItemCount(0); i += 50) {
                double x = d.getXValue(0, i);
                double z = wb[u][0] * x + wb[u][1];
                assertEquals(z, d.getYValue(0, i), 1e-5, "z of unit " + u + " at " + x);
                assertEquals(Math.max(0, z), d.getYValue(1, i), 1e-5, "a of unit " + u + " at " + x);
            }
            assertEquals(0.0, d.getXValue(0, 0));
            assertEquals(3.0, d.getXValue(0, d.getItemCount(0) - 1), 1e-12);
        }
        assertEquals(2, chart.jfree().getPlot().getLegendItems().getItemCount(), "one legend for all panels");
    }

    @Test
    void regionChartsNeedTwoInputs() {
        Sequential wide = new Sequential("wide", new nnlab.nn.Dense(2, Activation.RELU, "d"));
        wide.build(3);
        var e = assertThrows(IllegalArgumentException.class, () -> Plot.decisionRegions(wide, x, y));
        assertTrue(e.getMessage().contains("takes input shape (3,)"), e.getMessage());
        var points = assertThrows(IllegalArgumentException.class, () -> Plot.scatter(Tensor.zeros(5, 3), Tensor.zeros(5)));
        assertTrue(points.getMessage().contains("shape (n, 2)") && points.getMessage().contains("(5, 3)"), points.getMessage());
        var labels = assertThrows(IllegalArgumentException.class, () -> Plot.scatter(Tensor.zeros(5, 2), Tensor.zeros(4)));
        assertTrue(labels.getMessage().contains("5 examples but 4 labels"), labels.getMessage());
    }

    @Test
    void imageGridsFrameMistakesAndTitleThemLikeTheLab() {
        float[][] images = new float[10][16];
        float[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[][] logits = new float[10][10];
        for (int i = 0; i < 10; i++) {
            logits[i][i == 4 ? 9 : i] = 5;
            images[i][i] = 1;
        }
        Chart mistakes = Plot.mistakes(Tensor.of(images), Tensor.of(labels), Tensor.of(logits));
        assertEquals("1 errors out of 10 images", mistakes.jfree().getTitle().getText());
        XYPlot plot = (XYPlot) mistakes.jfree().getPlot();
        assertEquals(2, plot.getAnnotations().size(), "one caption and one frame");
        Chart all = Plot.images(Tensor.of(images).reshape(10, 4, 4), Tensor.of(labels), Tensor.of(logits));
        assertEquals("1 mistakes in 10 images", all.jfree().getTitle().getText());
        var shape = assertThrows(IllegalArgumentException.class, () -> Plot.images(Tensor.zeros(3, 10)));
        assertTrue(shape.getMessage().contains("(n, h, w)"), shape.getMessage());
        var none = assertThrows(IllegalArgumentException.class,
                () -> Plot.mistakes(Tensor.of(images), Tensor.of(labels), Tensor.of(labels)));
        assertTrue(none.getMessage().contains("got all 10 images right"), none.getMessage());
    }

    private static List<CategoryPlot> categoryPanels(Chart chart) {
        @SuppressWarnings("unchecked")
        List<CategoryPlot> panels = ((CombinedRangeCategoryPlot) chart.jfree().getPlot()).getSubplots();
        return panels;
    }

    private static List<String> keys(XYDataset d) {
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < d.getSeriesCount(); i++) {
            keys.add(String.valueOf(d.getSeriesKey(i)));
        }
        return keys;
    }
}
