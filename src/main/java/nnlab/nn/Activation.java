package nnlab.nn;

/**
 * The activation function {@code g} of a layer: the layer outputs {@code a = g(z)} where
 * {@code z = a_prev·W + b}.
 *
 * <p>All except {@link #SOFTMAX} work element by element. Softmax turns each row (the last axis)
 * into probabilities that sum to 1; it subtracts the row maximum first, so large inputs do not
 * overflow: {@code softmax([1000, 1001, 1002]) = [0.0900, 0.2447, 0.6652]}.
 */
public enum Activation {
    /** {@code 1 / (1 + e^-z)}: squashes to (0, 1); the output of a binary classifier. */
    SIGMOID {
        @Override
        public double apply(double z) {
            // Two forms so that exp never overflows.
            if (z >= 0) return 1 / (1 + Math.exp(-z));
            double e = Math.exp(z);
            return e / (1 + e);
        }

        @Override
        public double derivative(double z) {
            double a = apply(z);
            return a * (1 - a);
        }

        @Override
        float derivativeFromOutput(float z, float a) {
            return a * (1 - a);
        }
    },
    /** {@code max(0, z)}: the default for hidden layers. */
    RELU {
        @Override
        public double apply(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1 : 0;
        }

        @Override
        float derivativeFromOutput(float z, float a) {
            return z > 0 ? 1f : 0f;
        }
    },
    /** {@code z} itself ("no activation"); for regression outputs and logits. */
    LINEAR {
        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1;
        }

        @Override
        float derivativeFromOutput(float z, float a) {
            return 1f;
        }
    },
    /** {@code e^z_j / Σ_k e^z_k} over the last axis: a probability for each class. */
    SOFTMAX {
        @Override
        public double apply(double z) {
            throw notElementWise("apply(double)");
        }

        @Override
        public double derivative(double z) {
            throw notElementWise("derivative(double)");
        }

        @Override
        float derivativeFromOutput(float z, float a) {
            throw notElementWise("derivative");
        }
    },
    /** {@code tanh(z)}: squashes to (-1, 1). */
    TANH {
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double a = Math.tanh(z);
            return 1 - a * a;
        }

        @Override
        float derivativeFromOutput(float z, float a) {
            return 1 - a * a;
        }
    };

    /**
     * The function on one number.
     *
     * @param z the input
     * @return {@code g(z)}
     * @throws UnsupportedOperationException for {@link #SOFTMAX}, which needs a whole row
     */
    public abstract double apply(double z);

    /**
     * The slope {@code g'(z)}.
     *
     * @param z the input
     * @return {@code dg/dz} at {@code z} (0 at the kink of ReLU)
     * @throws UnsupportedOperationException for {@link #SOFTMAX}, whose derivative is a matrix
     */
    public abstract double derivative(double z);

    /** {@code g'(z)} computed cheaply from the already known output {@code a = g(z)}. */
    abstract float derivativeFromOutput(float z, float a);

    /**
     * Applies the function to every element (softmax: to every row along the last axis).
     *
     * @param z the input
     * @return a new tensor of the same shape
     */
    public Tensor apply(Tensor z) {
        float[] out = new float[z.size()];
        int[] shape = z.shape();
        forward(z.data(), out, shape.length == 0 ? 1 : shape[shape.length - 1]);
        return new Tensor(shape, out);
    }

    /** {@code a = g(z)} on a flat array whose rows have {@code cols} entries; may run in place. */
    void forward(float[] z, float[] a, int cols) {
        switch (this) {
            case SOFTMAX -> softmaxRows(z, a, cols);
            case RELU -> Kernels.relu(z, a, z.length);
            case LINEAR -> {
                if (a != z) System.arraycopy(z, 0, a, 0, z.length);
            }
            default -> {
                for (int i = 0; i < z.length; i++) a[i] = (float) apply((double) z[i]);
            }
        }
    }

    private static void softmaxRows(float[] z, float[] a, int cols) {
        for (int off = 0; off < z.length; off += cols) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) max = Math.max(max, z[off + j]);
            double sum = 0;
            for (int j = 0; j < cols; j++) sum += Math.exp(z[off + j] - max);
            for (int j = 0; j < cols; j++) a[off + j] = (float) (Math.exp(z[off + j] - max) / sum);
        }
    }

    /**
     * The backward step through {@code g}: {@code dz = da · ∂a/∂z}, on flat arrays with rows of
     * {@code cols} entries. Softmax couples a row, so it uses the Jacobian-vector product
     * {@code dz_j = a_j (da_j - Σ_k da_k a_k)}.
     */
    void backward(float[] z, float[] a, float[] da, float[] dz, int cols) {
        if (this == SOFTMAX) {
            for (int off = 0; off < a.length; off += cols) {
                double dot = 0;
                for (int j = 0; j < cols; j++) dot += (double) da[off + j] * a[off + j];
                for (int j = 0; j < cols; j++) dz[off + j] = (float) (a[off + j] * (da[off + j] - dot));
            }
            return;
        }
        switch (this) {
            case RELU -> Kernels.reluBackward(z, da, dz, z.length);
            case LINEAR -> System.arraycopy(da, 0, dz, 0, da.length); // da · 1 is da, bit for bit
            default -> {
                for (int i = 0; i < z.length; i++) dz[i] = da[i] * derivativeFromOutput(z[i], a[i]);
            }
        }
    }

    private static UnsupportedOperationException notElementWise(String what) {
        return new UnsupportedOperationException("Activation.SOFTMAX." + what + ": softmax is not element-wise;"
                + " apply it to a whole row with Activation.SOFTMAX.apply(Tensor)");
    }
}
