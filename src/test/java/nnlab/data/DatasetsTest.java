package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Shapes, label counts and contents of every data set, checked against scikit-learn's loaders. */
class DatasetsTest {

    @Test
    void digits20HasFiveHundredImagesOfEachDigitScaledToUnitRange() {
        Dataset digits = Datasets.digits20();
        assertArrayEquals(new int[] {5000, 400}, digits.x().shape());
        assertArrayEquals(new int[] {5000}, digits.y().shape());
        int[] expected = new int[10];
        Arrays.fill(expected, 500);
        assertArrayEquals(expected, digits.classCounts());
        assertArrayEquals(new int[] {20, 20}, digits.imageShape());
        float[] x = digits.x().toArray();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void digits20SlicesTheSheetSoThatLabelsMatchTheDrawnDigits() {
        Dataset digits = Datasets.digits20();
        // a "1" is a thin stroke, a "0" or an "8" a long loop: mean ink per class shows whether
        // the slicing put each image under the right label
        double[] ink = meanInkPerClass(digits);
        for (int d = 0; d < 10; d++) {
            if (d != 1) {
                assertTrue(ink[1] < ink[d], "ones should carry the least ink: " + Arrays.toString(ink));
            }
        }
        assertTrue(ink[0] > ink[7] && ink[8] > ink[7], Arrays.toString(ink));
        // each 20x20 cell is a centred digit: its outermost rows are blank
        float[] first = digits.x().toArray();
        for (int c = 0; c < 20; c++) {
            assertEquals(0f, first[c]);
            assertEquals(0f, first[19 * 20 + c]);
        }
    }

    private static double[] meanInkPerClass(Dataset data) {
        float[] x = data.x().toArray();
        int[] labels = data.labels();
        int features = data.featureCount();
        double[] ink = new double[data.classCount()];
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < features; j++) {
                ink[labels[i]] += x[i * features + j];
            }
        }
        int[] counts = data.classCounts();
        for (int c = 0; c < ink.length; c++) {
            ink[c] /= counts[c];
        }
        return ink;
    }

    @Test
    void digits8x8MatchesScikitLearnsLoadDigits() {
        Dataset digits = Datasets.digits8x8();
        assertArrayEquals(new int[] {1797, 64}, digits.x().shape());
        // np.bincount(load_digits().target)
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, digits.classCounts());
        // load_digits().data[0][:4] = 0, 0, 5, 13, scaled by 1/16
        float[] x = digits.x().toArray();
        assertArrayEquals(new float[] {0f, 0f, 5f / 16, 13f / 16}, Arrays.copyOf(x, 4));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Arrays.copyOf(digits.labels(), 5));
    }

    @Test
    void irisHasThreeSpeciesOfFifty() {
        Dataset iris = Datasets.iris();
        assertArrayEquals(new int[] {150, 4}, iris.x().shape());
        assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.labelNames());
        assertEquals("petal width (cm)", iris.featureNames().get(3));
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, Arrays.copyOf(iris.x().toArray(), 4));
    }

    @Test
    void breastCancerHas212MalignantAnd357Benign() {
        Dataset cancer = Datasets.breastCancer();
        assertArrayEquals(new int[] {569, 30}, cancer.x().shape());
        assertArrayEquals(new int[] {212, 357}, cancer.classCounts());
        assertEquals(List.of("malignant", "benign"), cancer.labelNames());
        assertEquals(List.of("mean radius", "mean texture"), cancer.featureNames().subList(0, 2));
        assertEquals("radius error", cancer.featureNames().get(10));
        assertEquals("worst fractal dimension", cancer.featureNames().get(29));
        assertEquals(17.99f, cancer.x().toArray()[0]);
    }

    @Test
    void fashionMnistFromTheOsPackageHas60000TrainingAnd10000TestImages() {
        Split fashion = Datasets.fashionMnist();
        assertArrayEquals(new int[] {60000, 784}, fashion.train().x().shape());
        assertArrayEquals(new int[] {10000, 784}, fashion.test().x().shape());
        int[] train = new int[10];
        Arrays.fill(train, 6000);
        assertArrayEquals(train, fashion.train().classCounts());
        int[] test = new int[10];
        Arrays.fill(test, 1000);
        assertArrayEquals(test, fashion.test().classCounts());
        assertEquals("Ankle boot", fashion.train().labelNames().get(9));
        assertArrayEquals(new int[] {28, 28}, fashion.test().imageShape());
        assertTrue(!fashion.hasValidation());
    }

    @Test
    void blobsSplitPointsEvenlyAroundTheCentersLikeMakeBlobs() {
        Dataset blobs = Datasets.blobs(2000, Datasets.SOFTMAX_LAB_CENTERS, 1.0, 30);
        assertArrayEquals(new int[] {2000, 2}, blobs.x().shape());
        assertArrayEquals(new int[] {500, 500, 500, 500}, blobs.classCounts());
        float[] x = blobs.x().toArray();
        int[] labels = blobs.labels();
        for (int c = 0; c < 4; c++) {
            double[] sum = new double[2];
            double squares = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    for (int d = 0; d < 2; d++) {
                        double v = x[2 * i + d];
                        sum[d] += v;
                        squares += (v - Datasets.SOFTMAX_LAB_CENTERS[c][d]) * (v - Datasets.SOFTMAX_LAB_CENTERS[c][d]);
                    }
                }
            }
            // 500 draws: the mean is within 4 standard errors (4/sqrt(500) = 0.18) of the center
            assertEquals(Datasets.SOFTMAX_LAB_CENTERS[c][0], sum[0] / 500, 0.18);
            assertEquals(Datasets.SOFTMAX_LAB_CENTERS[c][1], sum[1] / 500, 0.18);
            assertEquals(1.0, Math.sqrt(squares / 1000), 0.1);
        }
        // shuffled: the first 40 examples are not all from one center
        assertTrue(Arrays.stream(labels, 0, 40).distinct().count() > 1);
        assertArrayEquals(new int[] {3, 3, 2, 2}, Datasets.blobs(10, Datasets.SOFTMAX_LAB_CENTERS, 1.0, 1).classCounts());
    }

    @Test
    void generatedSetsAreReproducibleFromTheirSeed() {
        assertArrayEquals(Datasets.blobs(100, Datasets.SOFTMAX_LAB_CENTERS, 1.0, 7).x().toArray(),
                Datasets.blobs(100, Datasets.SOFTMAX_LAB_CENTERS, 1.0, 7).x().toArray());
        assertNotEquals(Arrays.toString(Datasets.blobs(100, Datasets.SOFTMAX_LAB_CENTERS, 1.0, 7).x().toArray()),
                Arrays.toString(Datasets.blobs(100, Datasets.SOFTMAX_LAB_CENTERS, 1.0, 8).x().toArray()));
        assertArrayEquals(Datasets.streetScenes(50, 3).x().toArray(), Datasets.streetScenes(50, 3).x().toArray());
        assertArrayEquals(Datasets.streetScenes(50, 3).y().toArray(), Datasets.streetScenes(50, 3).y().toArray());
        assertArrayEquals(Datasets.ecg(50, 3).x().toArray(), Datasets.ecg(50, 3).x().toArray());
    }

    @Test
    void reluTargetIsTheLabsThreeLinearPieces() {
        Dataset target = Datasets.reluTarget();
        assertArrayEquals(new int[] {300, 1}, target.x().shape());
        assertArrayEquals(new int[] {300, 1}, target.y().shape());
        float[] x = target.x().toArray();
        float[] y = target.y().toArray();
        assertEquals(0f, x[0]);
        assertEquals(3f, x[299]);
        for (int i = 0; i < 300; i++) {
            double v = x[i];
            double expected = v < 1 ? -2 * v + 2 : v < 2 ? v - 1 : 3 * v - 5;
            assertEquals(expected, y[i], 1e-5);
        }
        assertEquals(2f, y[0]);
        assertEquals(4f, y[299], 1e-5);
    }

    @Test
    void streetScenesHaveThreeIndependentLabels() {
        Dataset scenes = Datasets.streetScenes(2000, 11);
        assertArrayEquals(new int[] {2000, 288}, scenes.x().shape());
        assertArrayEquals(new int[] {2000, 3}, scenes.y().shape());
        assertEquals(List.of("car", "bus", "pedestrian"), scenes.labelNames());
        assertArrayEquals(new int[] {12, 24}, scenes.imageShape());
        float[] y = scenes.y().toArray();
        int[] present = new int[3];
        int carAndPedestrian = 0;
        Set<String> combinations = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            for (int c = 0; c < 3; c++) {
                assertTrue(y[3 * i + c] == 0f || y[3 * i + c] == 1f);
                present[c] += (int) y[3 * i + c];
            }
            carAndPedestrian += (int) (y[3 * i] * y[3 * i + 2]);
            combinations.add(y[3 * i] + "," + y[3 * i + 1] + "," + y[3 * i + 2]);
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(1000, present[c], 90, "label " + c + " should be present half the time");
        }
        assertEquals(500, carAndPedestrian, 70, "independent labels co-occur a quarter of the time");
        assertEquals(8, combinations.size(), "every subset of {car, bus, pedestrian} occurs");
        assertThrows(IllegalStateException.class, scenes::labels);
    }

    @Test
    void ecgSignalsAreHalfNormalHalfAbnormalWithAnInvertedBeat() {
        Dataset ecg = Datasets.ecg(400, 5);
        assertArrayEquals(new int[] {400, 100}, ecg.x().shape());
        assertArrayEquals(new int[] {200, 200}, ecg.classCounts());
        float[] x = ecg.x().toArray();
        int[] labels = ecg.labels();
        for (int i = 0; i < 400; i++) {
            float min = Float.MAX_VALUE;
            for (int t = 0; t < 100; t++) {
                min = Math.min(min, x[i * 100 + t]);
            }
            // the wide inverted complex dips far below the baseline; normal traces never do
            assertEquals(labels[i] == 1, min < -0.45f, "trace " + i + " (label " + labels[i] + ") min " + min);
        }
    }

    @Test
    void splitIsSeededDisjointAndComplete() {
        Dataset iris = Datasets.iris();
        Split parts = iris.split(0.1, 0.2, 42);
        assertEquals(30, parts.test().size());
        assertEquals(15, parts.validation().size());
        assertEquals(105, parts.train().size());
        Set<String> rows = new HashSet<>();
        for (Dataset part : List.of(parts.train(), parts.validation(), parts.test())) {
            float[] x = part.x().toArray();
            int[] labels = part.labels();
            for (int i = 0; i < part.size(); i++) {
                rows.add(Arrays.toString(Arrays.copyOfRange(x, 4 * i, 4 * i + 4)) + labels[i]);
            }
        }
        Set<String> all = new HashSet<>();
        float[] x = iris.x().toArray();
        for (int i = 0; i < 150; i++) {
            all.add(Arrays.toString(Arrays.copyOfRange(x, 4 * i, 4 * i + 4)) + iris.labels()[i]);
        }
        assertEquals(all, rows);
        assertArrayEquals(parts.test().x().toArray(), iris.split(0.1, 0.2, 42).test().x().toArray());
        assertNotEquals(Arrays.toString(parts.test().x().toArray()),
                Arrays.toString(iris.split(0.1, 0.2, 43).test().x().toArray()));
        Split noValidation = iris.split(0, 0.2, 42);
        assertEquals(120, noValidation.train().size());
        IllegalStateException missing = assertThrows(IllegalStateException.class, noValidation::validation);
        assertTrue(missing.getMessage().contains("no validation part"), missing.getMessage());
    }

    @Test
    void splitRejectsFractionsThatLeaveNothingToTrainOn() {
        Dataset iris = Datasets.iris();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> iris.split(0.5, 0.5, 1));
        assertTrue(e.getMessage().contains("sum < 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> iris.split(0.1, 0, 1));
        assertTrue(e.getMessage().contains("test fraction in (0, 1)"), e.getMessage());
        Dataset three = iris.head(3);
        e = assertThrows(IllegalArgumentException.class, () -> three.split(0.3, 0.4, 1));
        assertTrue(e.getMessage().contains("only 3 examples"), e.getMessage());
    }

    @Test
    void oneHotRowsMarkTheClass() {
        Dataset hot = Datasets.iris().oneHot();
        assertArrayEquals(new int[] {150, 3}, hot.y().shape());
        float[] y = hot.y().toArray();
        assertArrayEquals(new float[] {1, 0, 0}, Arrays.copyOfRange(y, 0, 3));
        assertArrayEquals(new float[] {0, 0, 1}, Arrays.copyOfRange(y, 447, 450));
        assertArrayEquals(Datasets.iris().labels(), hot.labels());
    }

    @Test
    void standardizedFeaturesHaveMeanZeroAndUnitDeviation() {
        Dataset scaled = Datasets.breastCancer().standardized();
        assertMoments(scaled, 0, 1);
        Split parts = Datasets.breastCancer().split(0, 0.25, 3).standardized();
        assertMoments(parts.train(), 0, 1);
        // the test part is scaled with the training statistics, so it is only roughly standard
        float[] raw = Datasets.breastCancer().split(0, 0.25, 3).test().x().toArray();
        float[] scaledTest = parts.test().x().toArray();
        Dataset rawTrain = Datasets.breastCancer().split(0, 0.25, 3).train();
        float[] mean = rawTrain.featureMeans();
        float[] sd = rawTrain.featureDeviations(mean);
        assertEquals((raw[0] - mean[0]) / sd[0], scaledTest[0], 1e-5);
    }

    private static void assertMoments(Dataset data, double mean, double deviation) {
        float[] means = data.featureMeans();
        float[] deviations = data.featureDeviations(means);
        for (int j = 0; j < data.featureCount(); j++) {
            assertEquals(mean, means[j], 1e-4);
            assertEquals(deviation, deviations[j], 1e-4);
        }
    }

    @Test
    void tableShowsFeaturesThenLabels() {
        Table iris = Datasets.iris().table();
        assertEquals(150, iris.rowCount());
        assertEquals(List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)",
                "label", "class"), iris.columnNames());
        assertEquals("virginica", iris.stringColumn("class").get(149));
        assertEquals(5.1, iris.doubleColumn(0).get(0), 1e-6);
        Table scenes = Datasets.streetScenes(10, 1).table();
        assertEquals(List.of("car", "bus", "pedestrian"), scenes.columnNames().subList(288, 291));
        Table relu = Datasets.reluTarget().table();
        assertEquals(List.of("x", "y"), relu.columnNames());
        Table digits = Datasets.digits8x8().head(5).table();
        assertEquals(65, digits.columnCount(), "numbered classes need no separate class-name column");
    }

    @Test
    void generatorsRejectBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.blobs(0, Datasets.SOFTMAX_LAB_CENTERS, 1.0, 1));
        assertTrue(e.getMessage().contains("need n > 0 (got 0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.blobs(10, new double[][] {{0, 0}, {1}}, 1.0, 1));
        assertTrue(e.getMessage().contains("center 1 has 1 coordinates"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.ecg(-5, 1));
        assertTrue(e.getMessage().contains("ecg(n, seed)") && e.getMessage().contains("got -5"), e.getMessage());
        IndexOutOfBoundsException outside = assertThrows(IndexOutOfBoundsException.class,
                () -> Datasets.iris().rows(150));
        assertTrue(outside.getMessage().contains("rows 0..149"), outside.getMessage());
    }
}
