package nnlab.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * An immutable n-dimensional array of {@code float} (float32, like Keras' default dtype), stored
 * row-major: the last index varies fastest. A batch of examples is a tensor whose first axis is
 * the example index, e.g. shape {@code (5000, 400)} for 5000 images of 400 pixels.
 *
 * <p>Nothing outside this package can change a tensor: factories copy their input and accessors
 * return copies.
 */
public final class Tensor {
    private static final int SUMMARY_THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;

    private final int[] shape;
    private final float[] data;

    /** Wraps {@code data} without copying; callers inside the package hand over ownership. */
    Tensor(int[] shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * A rank-1 tensor holding the given values, e.g. {@code Tensor.of(1, 2, 3, 4)}.
     *
     * @param values the elements
     * @return a tensor of shape {@code (values.length)}
     */
    public static Tensor of(float... values) {
        return new Tensor(new int[] {values.length}, values.clone());
    }

    /**
     * A rank-1 tensor from whole numbers, e.g. class labels {@code Tensor.of(new int[] {0, 2, 1})}.
     *
     * @param values the elements
     * @return a tensor of shape {@code (values.length)}
     */
    public static Tensor of(int... values) {
        float[] data = new float[values.length];
        for (int i = 0; i < values.length; i++) data[i] = values[i];
        return new Tensor(new int[] {values.length}, data);
    }

    /**
     * A rank-1 tensor from doubles, rounded to float32, e.g. {@code Tensor.of(0.05, 0.95, 0.0)}.
     *
     * @param values the elements
     * @return a tensor of shape {@code (values.length)}
     */
    public static Tensor of(double... values) {
        float[] data = new float[values.length];
        for (int i = 0; i < values.length; i++) data[i] = (float) values[i];
        return new Tensor(new int[] {values.length}, data);
    }

    /**
     * A rank-2 tensor (a matrix) from rows of equal length.
     *
     * @param rows the rows; each must have the same length
     * @return a tensor of shape {@code (rows.length, rows[0].length)}
     * @throws IllegalArgumentException if rows differ in length
     */
    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            checkRowLength(i, rows[i].length, cols);
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new Tensor(new int[] {rows.length, cols}, data);
    }

    /**
     * A rank-2 tensor from rows of doubles, rounded to float32.
     *
     * @param rows the rows; each must have the same length
     * @return a tensor of shape {@code (rows.length, rows[0].length)}
     * @throws IllegalArgumentException if rows differ in length
     */
    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            checkRowLength(i, rows[i].length, cols);
            for (int j = 0; j < cols; j++) data[i * cols + j] = (float) rows[i][j];
        }
        return new Tensor(new int[] {rows.length, cols}, data);
    }

    private static void checkRowLength(int row, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException("Tensor.of: row " + row + " has " + length
                    + " values but row 0 has " + expected + "; all rows must have the same length");
        }
    }

    /**
     * A tensor of the given shape holding {@code data} in row-major order (copied).
     *
     * @param shape the size of each axis
     * @param data  the elements, {@code product(shape)} of them
     * @return the tensor
     * @throws IllegalArgumentException if the sizes do not match or an axis is negative
     */
    public static Tensor of(int[] shape, float[] data) {
        int size = sizeOf(shape);
        if (size != data.length) {
            throw new IllegalArgumentException("Tensor.of: shape " + shapeString(shape) + " needs "
                    + size + " values but data has " + data.length);
        }
        return new Tensor(shape.clone(), data.clone());
    }

    /**
     * A tensor of zeros.
     *
     * @param shape the size of each axis
     * @return the tensor
     */
    public static Tensor zeros(int... shape) {
        return new Tensor(shape.clone(), new float[sizeOf(shape)]);
    }

    static int sizeOf(int[] shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + shapeString(shape) + " has a negative axis");
            }
            size *= d;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + shapeString(shape) + " has too many elements");
        }
        return (int) size;
    }

    /** @return a copy of the shape, one entry per axis */
    public int[] shape() {
        return shape.clone();
    }

    /** @return the number of axes */
    public int rank() {
        return shape.length;
    }

    /** @return the number of elements */
    public int size() {
        return data.length;
    }

    /**
     * One element.
     *
     * @param index one index per axis
     * @return the element at that position
     * @throws IndexOutOfBoundsException if the index has the wrong length or is out of range
     */
    public float get(int... index) {
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException("get: a tensor of shape " + shapeString(shape) + " needs "
                    + shape.length + " indices but got " + index.length);
        }
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("get: index " + index[i] + " on axis " + i
                        + " is outside [0, " + shape[i] + ") for shape " + shapeString(shape));
            }
            flat = flat * shape[i] + index[i];
        }
        return data[flat];
    }

    /** @return a copy of all elements in row-major order */
    public float[] toArray() {
        return data.clone();
    }

    /**
     * The elements as a matrix: rank 2 as is, rank 1 as a single row, higher ranks with all axes
     * after the first flattened.
     *
     * @return a new array of rows
     */
    public float[][] toArray2D() {
        int rows = shape.length <= 1 ? 1 : shape[0];
        int cols = rows == 0 ? 0 : data.length / rows;
        float[][] out = new float[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(data, i * cols, out[i], 0, cols);
        return out;
    }

    /**
     * One entry along the first axis, e.g. one example of a batch.
     *
     * @param i the index on the first axis
     * @return a tensor of rank {@code rank() - 1} (rank 0 for a vector element)
     */
    public Tensor row(int i) {
        return rows(i, i + 1).reshape(Arrays.copyOfRange(shape, 1, shape.length));
    }

    /**
     * A slice of consecutive entries along the first axis.
     *
     * @param from first index (inclusive)
     * @param to   end index (exclusive)
     * @return a tensor of shape {@code (to - from, ...)}
     */
    public Tensor rows(int from, int to) {
        if (shape.length == 0) throw new IllegalStateException("rows: a scalar tensor has no rows");
        if (from < 0 || to > shape[0] || from > to) {
            throw new IndexOutOfBoundsException("rows(" + from + ", " + to + ") is outside [0, " + shape[0]
                    + "] for shape " + shapeString(shape));
        }
        int rowSize = shape[0] == 0 ? 0 : data.length / shape[0];
        int[] newShape = shape.clone();
        newShape[0] = to - from;
        return new Tensor(newShape, Arrays.copyOfRange(data, from * rowSize, to * rowSize));
    }

    /**
     * The position of the largest value along the last axis, for every row; e.g. the predicted
     * class of every example. A rank-1 tensor is one row.
     *
     * @return one index per row (the first one on ties)
     */
    public int[] argmax() {
        int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        if (cols == 0) throw new IllegalStateException("argmax: the last axis of " + shapeString(shape) + " is empty");
        int rows = data.length / cols;
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int j = 1; j < cols; j++) if (data[r * cols + j] > data[r * cols + best]) best = j;
            out[r] = best;
        }
        return out;
    }

    /**
     * The same elements with another shape. One axis may be {@code -1}: it is inferred.
     *
     * @param newShape the new shape
     * @return a tensor with the same elements in the same order
     * @throws IllegalArgumentException if the element count would change
     */
    public Tensor reshape(int... newShape) {
        int[] resolved = newShape.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] == -1 && inferred < 0) inferred = i;
            else known *= resolved[i];
        }
        if (inferred >= 0 && known > 0 && data.length % known == 0) resolved[inferred] = (int) (data.length / known);
        if (inferred >= 0 && resolved[inferred] == -1 || sizeOf(resolved) != data.length) {
            throw new IllegalArgumentException("reshape: cannot view " + data.length + " elements of shape "
                    + shapeString(shape) + " as " + shapeString(newShape));
        }
        return new Tensor(resolved, data);
    }

    /** The backing array, not copied: only for code in this package that does not change it. */
    float[] data() {
        return data;
    }

    /** @return true for same shape and same elements */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /**
     * Nested brackets like NumPy, with the shape in front; large tensors show their first and
     * last three entries on each axis.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(shapeString(shape)).append(' ');
        if (shape.length == 0) return sb.append(format(data[0])).toString();
        appendAxis(sb, 0, 0, data.length > SUMMARY_THRESHOLD, "");
        return sb.toString();
    }

    private void appendAxis(StringBuilder sb, int axis, int offset, boolean summarize, String indent) {
        int n = shape[axis];
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) stride *= shape[i];
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (summarize && n > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                sb.append(axis == shape.length - 1 ? "..., " : "...,\n" + indent + " ");
                i = n - EDGE_ITEMS;
            }
            if (axis == shape.length - 1) sb.append(format(data[offset + i]));
            else appendAxis(sb, axis + 1, offset + i * stride, summarize, indent + " ");
            if (i < n - 1) sb.append(axis == shape.length - 1 ? ", " : ",\n" + indent + " ");
        }
        sb.append(']');
    }

    private static String format(float v) {
        float a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e7f) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1e-4f && a < 1e5f) return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1");
        return String.format(Locale.ROOT, "%.4e", v);
    }

    static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
