package nnlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data sets of the week-5 notebooks, named like their Keras / scikit-learn counterparts.
 * The files come packaged in the jar (the project's {@code datasets/} folder, see its README for
 * provenance); every loader also takes a path, for a copy of your own. Generated sets are pure
 * functions of their seed.
 *
 * <pre>{@code
 * Dataset digits = Datasets.digits20();           // 5000 x 400, labels 0..9
 * Split parts = digits.split(0.0, 0.2, 42);       // 4000 train, 1000 test
 * model.fit(parts.train().x(), parts.train().y(), 40);
 * }</pre>
 */
public final class Datasets {
    /** The four centers of the lecture's softmax and multiclass labs. */
    public static final double[][] SOFTMAX_LAB_CENTERS = {{-5, 2}, {-2, -2}, {1, 2}, {5, -2}};

    /** Where the OS package {@code dataset-fashion-mnist} puts its files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    static final String DIGITS20_FILE = "digits20x20.png";
    static final String DIGITS8_FILE = "digits.csv.gz";
    static final String IRIS_FILE = "iris.csv";
    static final String BREAST_CANCER_FILE = "breast_cancer.csv";

    private static final int DIGIT_SIDE = 20;
    private static final int DIGITS_PER_CLASS = 500;
    private static final int SHEET_COLUMNS = 100;
    private static final String MY_COPY_REMEDY =
            "use the copy packaged with nnlab (call the loader without a path) or see datasets/README.md";
    private static final String FASHION_REMEDY = "install the OS package with `sudo apt-get install"
            + " dataset-fashion-mnist` (files go to " + FASHION_MNIST_DIR + "), or download the four *-ubyte.gz"
            + " files from https://github.com/zalandoresearch/fashion-mnist into a folder and call"
            + " Datasets.fashionMnist(Path.of(\"that/folder\"))";

    private Datasets() {}

    /**
     * 5,000 handwritten digits of 20x20 pixels, 500 of each digit, as in the lecture's assignment:
     * {@code x} is (5000, 400), each row an image unrolled row by row, grey levels scaled to [0, 1]
     * (ink is 1); {@code y} holds the digit. Examples come in blocks (all 0s, then all 1s, ...),
     * like the assignment's file; {@link Dataset#split} shuffles.
     */
    public static Dataset digits20() {
        return digits20(DataFile.resource(DIGITS20_FILE));
    }

    /** {@link #digits20()} read from a copy of OpenCV's {@code digits.png} (2000x1000 pixels). */
    public static Dataset digits20(Path png) {
        return digits20(DataFile.path(png, MY_COPY_REMEDY));
    }

    private static Dataset digits20(DataFile file) {
        int width = SHEET_COLUMNS * DIGIT_SIDE;
        int height = 10 * DIGITS_PER_CLASS / SHEET_COLUMNS * DIGIT_SIDE;
        int[] grey = PngCheck.grey(file, width, height);
        int pixels = DIGIT_SIDE * DIGIT_SIDE;
        int count = 10 * DIGITS_PER_CLASS;
        float[] x = new float[count * pixels];
        int[] labels = new int[count];
        // the sheet holds 50 rows of 100 digits; each digit value fills 5 consecutive rows
        for (int image = 0; image < count; image++) {
            int top = image / SHEET_COLUMNS * DIGIT_SIDE;
            int left = image % SHEET_COLUMNS * DIGIT_SIDE;
            for (int r = 0; r < DIGIT_SIDE; r++) {
                for (int c = 0; c < DIGIT_SIDE; c++) {
                    x[image * pixels + r * DIGIT_SIDE + c] = grey[(top + r) * width + left + c] / 255f;
                }
            }
            labels[image] = image / DIGITS_PER_CLASS;
        }
        return Dataset.ofClasses("digits20", x, Dataset.numberedNames("px", pixels), labels,
                Dataset.numberedNames("", 10), new int[] {DIGIT_SIDE, DIGIT_SIDE});
    }

    /**
     * scikit-learn's 1,797 handwritten digits of 8x8 pixels ({@code load_digits}), grey levels
     * 0..16 scaled to [0, 1].
     */
    public static Dataset digits8x8() {
        return digits8x8(DataFile.resource(DIGITS8_FILE));
    }

    /** {@link #digits8x8()} read from a copy of scikit-learn's {@code digits.csv.gz}. */
    public static Dataset digits8x8(Path csvGz) {
        return digits8x8(DataFile.path(csvGz, MY_COPY_REMEDY));
    }

    private static Dataset digits8x8(DataFile file) {
        CsvReader.Rows rows = new CsvReader(file).withoutHeader(64, 10, 1797);
        float[] x = rows.x();
        for (int i = 0; i < x.length; i++) {
            x[i] /= 16f;
        }
        return Dataset.ofClasses("digits8x8", x, Dataset.numberedNames("px", 64), rows.labels(),
                rows.classNames(), new int[] {8, 8});
    }

    /**
     * Fisher's 150 iris flowers: four measurements in cm (unscaled; call {@code standardized()}),
     * three species of 50 each.
     */
    public static Dataset iris() {
        return iris(DataFile.resource(IRIS_FILE));
    }

    /** {@link #iris()} read from a copy of scikit-learn's {@code iris.csv}. */
    public static Dataset iris(Path csv) {
        return iris(DataFile.path(csv, MY_COPY_REMEDY));
    }

    private static Dataset iris(DataFile file) {
        CsvReader.Rows rows = new CsvReader(file).withHeader(4, 3);
        return Dataset.ofClasses("iris", rows.x(),
                List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
                rows.labels(), rows.classNames(), null);
    }

    /**
     * The Wisconsin diagnostic breast cancer data: 569 tumours, 30 measurements each (unscaled;
     * call {@code standardized()}), class 0 = malignant (212), 1 = benign (357).
     */
    public static Dataset breastCancer() {
        return breastCancer(DataFile.resource(BREAST_CANCER_FILE));
    }

    /** {@link #breastCancer()} read from a copy of scikit-learn's {@code breast_cancer.csv}. */
    public static Dataset breastCancer(Path csv) {
        return breastCancer(DataFile.path(csv, MY_COPY_REMEDY));
    }

    private static Dataset breastCancer(DataFile file) {
        CsvReader.Rows rows = new CsvReader(file).withHeader(30, 2);
        List<String> measures = List.of("radius", "texture", "perimeter", "area", "smoothness", "compactness",
                "concavity", "concave points", "symmetry", "fractal dimension");
        List<String> names = new ArrayList<>();
        measures.forEach(m -> names.add("mean " + m));
        measures.forEach(m -> names.add(m + " error"));
        measures.forEach(m -> names.add("worst " + m));
        return Dataset.ofClasses("breastCancer", rows.x(), names, rows.labels(), rows.classNames(), null);
    }

    /**
     * Zalando's Fashion-MNIST: 60,000 training and 10,000 test images of 28x28 clothes in ten
     * classes, grey levels scaled to [0, 1], from the OS package {@code dataset-fashion-mnist}.
     */
    public static Split fashionMnist() {
        return fashionMnist(FASHION_MNIST_DIR);
    }

    /** {@link #fashionMnist()} from a folder holding the four IDX files (gzipped or not). */
    public static Split fashionMnist(Path folder) {
        List<String> classes = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot");
        return new Split(fashionPart(folder, "train", classes), null, fashionPart(folder, "t10k", classes));
    }

    private static Dataset fashionPart(Path folder, String part, List<String> classes) {
        DataFile imageFile = idxFile(folder, part + "-images-idx3-ubyte");
        DataFile labelFile = idxFile(folder, part + "-labels-idx1-ubyte");
        int[] imageShape = new int[3];
        byte[] pixels = IdxReader.read(imageFile, 3, imageShape);
        int[] labelShape = new int[1];
        byte[] labelBytes = IdxReader.read(labelFile, 1, labelShape);
        if (labelShape[0] != imageShape[0]) {
            throw labelFile.fail("has " + labelShape[0] + " labels but the images file has " + imageShape[0]
                    + " images; both must come from the same release");
        }
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (pixels[i] & 0xff) / 255f;
        }
        int[] labels = new int[labelBytes.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labelBytes[i] & 0xff;
            if (labels[i] >= classes.size()) {
                throw labelFile.fail("byte " + (8 + i) + ": label " + labels[i] + " is out of range; expected 0..9");
            }
        }
        int side = imageShape[1] * imageShape[2];
        return Dataset.ofClasses("fashionMnist-" + part, x, Dataset.numberedNames("px", side), labels, classes,
                new int[] {imageShape[1], imageShape[2]});
    }

    private static DataFile idxFile(Path folder, String baseName) {
        Path gz = folder.resolve(baseName + ".gz");
        Path plain = folder.resolve(baseName);
        if (Files.exists(gz)) {
            return DataFile.path(gz, FASHION_REMEDY);
        }
        if (Files.exists(plain)) {
            return DataFile.path(plain, FASHION_REMEDY);
        }
        throw new DataFileException("Fashion-MNIST is not in " + folder.toAbsolutePath() + " (looked for "
                + gz.getFileName() + " or " + plain.getFileName() + "). To fix: " + FASHION_REMEDY);
    }

    /**
     * Gaussian blobs, like scikit-learn's {@code make_blobs}: {@code n} points split evenly over the
     * centers (the first centers get one more when it does not divide), each coordinate drawn with
     * standard deviation {@code std}, then shuffled. Labels are the center indices.
     *
     * @param centers e.g. {@link #SOFTMAX_LAB_CENTERS}
     */
    public static Dataset blobs(int n, double[][] centers, double std, long seed) {
        return Synthetic.blobs(n, centers, std, seed);
    }

    /**
     * The target of the lecture's ReLU lab on 300 points of [0, 3]: {@code -2x+2} on [0,1),
     * {@code x-1} on [1,2), {@code 3x-5} on [2,3]; {@code x} and {@code y} are (300, 1).
     */
    public static Dataset reluTarget() {
        return Synthetic.reluTarget();
    }

    /**
     * Multi-label street scenes: small 12x24 grey images (a sky and a road) that each show any
     * subset of a car, a bus and a pedestrian, every object present with probability 1/2
     * independently; {@code y} is (n, 3) with columns car, bus, pedestrian.
     */
    public static Dataset streetScenes(int n, long seed) {
        return Synthetic.streetScenes(n, seed);
    }

    /**
     * ECG-like traces of 100 samples for the Conv1D example: half are regular heartbeats (label
     * 0, "normal"), half contain one wide, inverted beat somewhere (label 1, "abnormal").
     */
    public static Dataset ecg(int n, long seed) {
        return Synthetic.ecg(n, seed);
    }
}
