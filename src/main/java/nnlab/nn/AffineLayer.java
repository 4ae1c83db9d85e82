package nnlab.nn;

import java.util.List;
import java.util.Objects;

/**
 * The computation shared by Dense and Conv1D: a matrix of input rows {@code X} (rows × fanIn)
 * goes to {@code Z = X·W + b} and {@code A = g(Z)} (rows × units). Dense feeds its input batch
 * as {@code X}; Conv1D feeds one row per window.
 */
abstract class AffineLayer extends Layer {
    final int units;
    final Activation activation;
    Param kernel;
    Param bias;

    private float[] lastX;
    private float[] lastZ;
    private float[] lastA;
    private int lastRows;
    private Tensor lastInput;
    private final Workspace work = new Workspace(4);

    AffineLayer(String name, String defaultName, int units, String unitsArg, Activation activation) {
        super(name, defaultName);
        if (units <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + unitsArg
                    + " must be positive but was " + units + "; e.g. " + getClass().getSimpleName() + "(25, ...)");
        }
        this.units = units;
        this.activation = Objects.requireNonNull(activation,
                getClass().getSimpleName() + ": activation must not be null; use Activation.LINEAR for none");
    }

    /** @return the activation function {@code g} of this layer */
    public Activation activation() {
        return activation;
    }

    /** Creates W (kernelShape, Glorot-uniform) and b (units, zeros). */
    void createAffine(int[] kernelShape, int fanIn, int fanOut, java.util.Random seeds) {
        kernel = new Param("W", kernelShape);
        bias = new Param("b", new int[] {units});
        glorotUniform(kernel.value, fanIn, fanOut, seeds);
    }

    @Override
    List<Param> params() {
        return kernel == null ? List.of() : List.of(kernel, bias);
    }

    /** Forward on a row matrix; {@code input} is the layer's own input, kept for tracing. */
    float[] affineForward(Tensor input, float[] x, int rows) {
        int fanIn = kernel.value.length / units;
        float[] z = array(0, rows * units);
        for (int r = 0; r < rows; r++) System.arraycopy(bias.value, 0, z, r * units, units);
        MatMul.gemm(false, false, rows, units, fanIn, x, kernel.value, z, true);
        float[] a = activation == Activation.LINEAR ? z : array(1, z.length);
        activation.forward(z, a, units);
        lastInput = input;
        lastX = x;
        lastZ = z;
        lastA = a;
        lastRows = rows;
        return a;
    }

    /** Backward on the row matrix of the last forward; returns dLoss/dX or null. */
    float[] affineBackward(float[] dA, boolean needInputGrad) {
        int fanIn = kernel.value.length / units;
        float[] dz = array(2, dA.length);
        activation.backward(lastZ, lastA, dA, dz, units);
        MatMul.gemm(true, false, fanIn, units, lastRows, lastX, dz, kernel.grad, false);
        java.util.Arrays.fill(bias.grad, 0f);
        for (int r = 0; r < lastRows; r++) {
            for (int j = 0; j < units; j++) bias.grad[j] += dz[r * units + j];
        }
        if (!needInputGrad) return null;
        float[] dx = array(3, lastRows * fanIn);
        MatMul.gemm(false, true, lastRows, fanIn, units, dz, kernel.value, dx, false);
        return dx;
    }

    /** A work array: reused from batch to batch while training, else fresh. Contents are arbitrary. */
    private float[] array(int slot, int length) {
        return reuseArrays ? work.get(slot, length) : new float[length];
    }

    @Override
    LayerTrace lastTrace() {
        int[] shape = new int[outputShape().length + 1];
        shape[0] = lastInput.shape()[0];
        System.arraycopy(outputShape(), 0, shape, 1, shape.length - 1);
        return new LayerTrace(name(), type(), activation, lastInput, kernel.toTensor(), bias.toTensor(),
                new Tensor(shape, lastZ), new Tensor(shape.clone(), lastA));
    }
}
