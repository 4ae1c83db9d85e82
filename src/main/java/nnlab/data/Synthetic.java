package nnlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The generated data sets: every one is a pure function of its arguments and seed. */
final class Synthetic {
    /** Street scenes are small grey images: a sky above, a road below. */
    static final int SCENE_HEIGHT = 12;
    static final int SCENE_WIDTH = 24;
    /** Samples per ECG-like trace, as in the lecture's Conv1D example. */
    static final int ECG_LENGTH = 100;

    private Synthetic() {}

    static Dataset blobs(int n, double[][] centers, double std, long seed) {
        if (n <= 0 || centers == null || centers.length == 0 || !(std >= 0)) {
            throw new IllegalArgumentException("blobs(n, centers, std, seed): need n > 0 (got " + n
                    + "), at least one center (got " + (centers == null ? "null" : centers.length)
                    + ") and std >= 0 (got " + std + "), e.g. blobs(2000, Datasets.SOFTMAX_LAB_CENTERS, 1.0, 30)");
        }
        int dims = centers[0].length;
        for (int c = 0; c < centers.length; c++) {
            if (centers[c].length != dims || dims == 0) {
                throw new IllegalArgumentException("blobs: center " + c + " has " + centers[c].length
                        + " coordinates but center 0 has " + dims + "; all centers need the same, non-zero number");
            }
        }
        // like make_blobs: n / k examples per center, the remainder going to the first centers
        Random random = new Random(seed);
        float[] x = new float[n * dims];
        int[] labels = new int[n];
        int i = 0;
        for (int c = 0; c < centers.length; c++) {
            int count = n / centers.length + (c < n % centers.length ? 1 : 0);
            for (int k = 0; k < count; k++, i++) {
                for (int d = 0; d < dims; d++) {
                    x[i * dims + d] = (float) (centers[c][d] + std * random.nextGaussian());
                }
                labels[i] = c;
            }
        }
        Dataset ordered = Dataset.ofClasses("blobs", x, Dataset.numberedNames("x", dims), labels,
                Dataset.numberedNames("", centers.length), null);
        return ordered.rows(Dataset.shuffledIndices(n, seed + 1));
    }

    /** The ReLU lab's target: -2x+2 on [0,1), x-1 on [1,2), 3x-5 on [2,3], at 300 points. */
    static Dataset reluTarget() {
        int n = 300;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double v = 3.0 * i / (n - 1);
            x[i] = (float) v;
            y[i] = (float) (v < 1 ? -2 * v + 2 : v < 2 ? v - 1 : 3 * v - 5);
        }
        return new Dataset("reluTarget", x, 1, y, 1, Dataset.Targets.VALUE, List.of("x"), List.of("y"), null);
    }

    static Dataset streetScenes(int n, long seed) {
        requirePositive("streetScenes", n);
        Random random = new Random(seed);
        int pixels = SCENE_HEIGHT * SCENE_WIDTH;
        float[] x = new float[n * pixels];
        float[] y = new float[n * 3];
        for (int i = 0; i < n; i++) {
            float[] image = new float[pixels];
            for (int r = 0; r < SCENE_HEIGHT; r++) {
                for (int c = 0; c < SCENE_WIDTH; c++) {
                    image[r * SCENE_WIDTH + c] = r < 7 ? 0.15f : 0.35f;
                }
            }
            // each object is present with probability 1/2, independently of the others
            List<Integer> present = new ArrayList<>();
            for (int label = 0; label < 3; label++) {
                if (random.nextBoolean()) {
                    present.add(label);
                    y[i * 3 + label] = 1f;
                }
            }
            Collections.shuffle(present, random);
            // objects stand side by side, left to right, at least one column apart: none hides another
            int used = -1;
            for (int label : present) {
                used += objectWidth(label) + 1;
            }
            int free = SCENE_WIDTH - Math.max(used, 0);
            int column = -1;
            for (int label : present) {
                int gap = random.nextInt(free / present.size() + 1);
                column += 1 + gap;
                free -= gap;
                drawObject(image, label, column);
                column += objectWidth(label);
            }
            for (int p = 0; p < pixels; p++) {
                x[i * pixels + p] = clamp(image[p] + 0.08f * (float) random.nextGaussian());
            }
        }
        return new Dataset("streetScenes", x, pixels, y, 3, Dataset.Targets.MULTI_LABEL,
                Dataset.numberedNames("px", pixels), List.of("car", "bus", "pedestrian"),
                new int[] {SCENE_HEIGHT, SCENE_WIDTH});
    }

    private static int objectWidth(int label) {
        return switch (label) {
            case 0 -> 6;  // car
            case 1 -> 10; // bus
            default -> 2; // pedestrian
        };
    }

    private static void drawObject(float[] image, int label, int left) {
        switch (label) {
            case 0 -> { // a low car body with a cabin on top and two dark wheels
                fill(image, 8, 10, left, left + 6, 0.8f);
                fill(image, 7, 8, left + 1, left + 5, 0.8f);
                fill(image, 10, 11, left + 1, left + 2, 0.0f);
                fill(image, 10, 11, left + 4, left + 5, 0.0f);
            }
            case 1 -> { // a tall, long bus with a row of dark windows
                fill(image, 4, 10, left, left + 10, 0.95f);
                for (int c = left + 1; c < left + 9; c += 2) {
                    fill(image, 5, 6, c, c + 1, 0.3f);
                }
                fill(image, 10, 11, left + 1, left + 3, 0.0f);
                fill(image, 10, 11, left + 7, left + 9, 0.0f);
            }
            default -> { // a narrow upright person: a bright head over a body two pixels wide
                fill(image, 3, 5, left, left + 2, 1f);
                fill(image, 5, 11, left, left + 2, 0.85f);
            }
        }
    }

    private static void fill(float[] image, int top, int bottom, int left, int right, float value) {
        for (int r = top; r < bottom; r++) {
            for (int c = left; c < right; c++) {
                image[r * SCENE_WIDTH + c] = value;
            }
        }
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    /**
     * ECG-like traces: a regular train of heartbeats (P wave, sharp QRS spike, T wave) with a
     * random rate, phase, baseline wander and noise. Label 1 ("abnormal") traces have one beat
     * replaced by a wide, inverted complex, like a premature ventricular contraction: a local
     * pattern at a random place, which is what a convolutional unit's window is good at finding.
     */
    static Dataset ecg(int n, long seed) {
        requirePositive("ecg", n);
        Random random = new Random(seed);
        float[] x = new float[n * ECG_LENGTH];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            int period = 20 + random.nextInt(9);
            int phase = random.nextInt(period);
            double wanderFrequency = 0.5 + random.nextDouble();
            double wanderPhase = random.nextDouble() * 2 * Math.PI;
            int beats = (ECG_LENGTH - 1 - phase) / period + 1;
            int odd = labels[i] == 1 ? random.nextInt(beats) : -1;
            for (int t = 0; t < ECG_LENGTH; t++) {
                double v = 0.1 * Math.sin(2 * Math.PI * wanderFrequency * t / ECG_LENGTH + wanderPhase)
                        + 0.04 * random.nextGaussian();
                for (int b = 0; b < beats; b++) {
                    double at = phase + b * period;
                    v += b == odd ? -0.8 * bump(t, at, 3.0) + 0.25 * bump(t, at + 7, 3.0)
                            : 0.12 * bump(t, at - 5, 1.8) + bump(t, at, 1.0) + 0.28 * bump(t, at + 6, 2.5);
                }
                x[i * ECG_LENGTH + t] = (float) v;
            }
        }
        Dataset ordered = Dataset.ofClasses("ecg", x, Dataset.numberedNames("t", ECG_LENGTH), labels,
                List.of("normal", "abnormal"), null);
        return ordered.rows(Dataset.shuffledIndices(n, seed + 1));
    }

    private static double bump(double t, double center, double width) {
        double u = (t - center) / width;
        return Math.exp(-0.5 * u * u);
    }

    private static void requirePositive(String method, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(method + "(n, seed): n is the number of examples and must be > 0, got " + n);
        }
    }
}
