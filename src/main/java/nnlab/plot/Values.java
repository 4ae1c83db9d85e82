package nnlab.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnlab.nn.Tensor;

/** Turns tensors into the plain arrays charts need, with clear errors for wrong shapes. */
final class Values {
    private Values() {}

    /** Rows of a (n, 2) tensor as points. */
    static List<double[]> points(String what, Tensor x) {
        int[] s = x.shape();
        if (s.length != 2 || s[1] != 2) {
            throw new IllegalArgumentException(what + ": x must have shape (n, 2), one 2-D point per row, but has shape "
                    + shape(s) + ". Pick two features, e.g. with Tables.toTensor(table, \"x1\", \"x2\").");
        }
        float[] data = x.toArray();
        List<double[]> points = new ArrayList<>(s[0]);
        for (int i = 0; i < s[0]; i++) {
            points.add(new double[] {data[2 * i], data[2 * i + 1]});
        }
        return points;
    }

    /**
     * Class numbers from integer labels (shape (n) or (n, 1)), from one-hot rows or from
     * per-class scores (shape (n, k), k > 1: the largest wins).
     */
    static int[] labels(String what, Tensor y, int n) {
        int[] s = y.shape();
        int[] labels;
        if (s.length == 2 && s[1] > 1) {
            labels = y.argmax();
        } else if (s.length == 1 || s.length == 2 && s[1] == 1) {
            float[] data = y.toArray();
            labels = new int[data.length];
            for (int i = 0; i < data.length; i++) {
                if (data[i] != Math.rint(data[i]) || data[i] < 0) {
                    throw new IllegalArgumentException(what + ": label " + i + " is " + data[i]
                            + "; labels must be whole class numbers 0, 1, 2, ... (or one-hot rows, or scores per class).");
                }
                labels[i] = (int) data[i];
            }
        } else {
            throw new IllegalArgumentException(what + ": labels must have shape (n), (n, 1) or (n, classes), but have shape "
                    + shape(s) + ".");
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(what + ": " + n + " examples but " + labels.length
                    + " labels; give one label per example.");
        }
        return labels;
    }

    static String shape(int[] shape) {
        String inner = Arrays.toString(shape).replace('[', '(').replace(']', ')');
        return shape.length == 1 ? inner.replace(")", ",)") : inner;
    }
}
