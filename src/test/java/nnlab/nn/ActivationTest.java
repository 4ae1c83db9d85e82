package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ActivationTest {

    @Test
    void softmaxMatchesTheAssignmentVector() {
        // C2_W2 assignment test: softmax([1, 2, 3, 4]).
        assertArrayEquals(new float[] {0.0320586f, 0.0871443f, 0.2368828f, 0.6439143f},
                Activation.SOFTMAX.apply(Tensor.of(1, 2, 3, 4)).toArray(), 1e-7f);
    }

    @Test
    void softmaxOfUniformInputIsUniform() {
        float[] z = new float[10];
        java.util.Arrays.fill(z, (float) Math.log(0.1));
        float[] a = Activation.SOFTMAX.apply(Tensor.of(z)).toArray();
        for (float v : a) assertEquals(0.1f, v, 1e-7f);
    }

    @Test
    void softmaxSubtractsTheMaximumSoLargeInputsDoNotOverflow() {
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f},
                Activation.SOFTMAX.apply(Tensor.of(1000, 1001, 1002)).toArray(), 1e-7f);
    }

    @Test
    void softmaxWorksPerRowOfAMatrix() {
        Tensor a = Activation.SOFTMAX.apply(Tensor.of(new float[][] {{1, 2, 3, 4}, {0, 0, 0, 0}}));
        assertEquals(0.6439143f, a.get(0, 3), 1e-7f);
        assertEquals(0.25f, a.get(1, 2), 1e-7f);
    }

    @Test
    void elementWiseValues() {
        assertEquals(0.5, Activation.SIGMOID.apply(0.0));
        assertEquals(1 / (1 + Math.exp(-2.0)), Activation.SIGMOID.apply(2.0), 1e-15);
        assertEquals(Math.exp(-800.0), Activation.SIGMOID.apply(-800.0), 0.0);
        assertEquals(0.0, Activation.RELU.apply(-3.0));
        assertEquals(3.0, Activation.RELU.apply(3.0));
        assertEquals(-3.5, Activation.LINEAR.apply(-3.5));
        assertEquals(Math.tanh(0.7), Activation.TANH.apply(0.7));
        assertArrayEquals(new float[] {0, 0, 2}, Activation.RELU.apply(Tensor.of(-1, 0, 2)).toArray());
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        double h = 1e-6;
        for (Activation g : new Activation[] {Activation.SIGMOID, Activation.RELU, Activation.LINEAR, Activation.TANH}) {
            for (double z : new double[] {-3.1, -0.4, 0.3, 2.2}) {
                double numeric = (g.apply(z + h) - g.apply(z - h)) / (2 * h);
                assertEquals(numeric, g.derivative(z), 1e-8, g + " at " + z);
            }
        }
    }

    @Test
    void backwardPassMatchesFiniteDifferencesForEveryActivation() {
        // dz = da · ∂a/∂z, checked on the scalar s = Σ w·g(z) for fixed weights w.
        float[] z = {-1.3f, 0.4f, 2.1f, -0.2f, 0.9f, 1.7f};
        float[] w = {0.3f, -1.1f, 0.8f, 0.5f, -0.7f, 1.2f};
        int cols = 3;
        for (Activation g : Activation.values()) {
            float[] a = new float[z.length];
            g.forward(z, a, cols);
            float[] dz = new float[z.length];
            g.backward(z, a, w, dz, cols);
            for (int i = 0; i < z.length; i++) {
                double eps = 1e-3;
                float[] zp = z.clone();
                float[] zm = z.clone();
                zp[i] += (float) eps;
                zm[i] -= (float) eps;
                double numeric = (weighted(g, zp, w, cols) - weighted(g, zm, w, cols)) / (zp[i] - zm[i]);
                assertEquals(numeric, dz[i], 2e-4, g + " element " + i);
            }
        }
    }

    private static double weighted(Activation g, float[] z, float[] w, int cols) {
        float[] a = new float[z.length];
        g.forward(z, a, cols);
        double s = 0;
        for (int i = 0; i < z.length; i++) s += (double) w[i] * a[i];
        return s;
    }

    @Test
    void softmaxIsNotElementWise() {
        assertEquals("Activation.SOFTMAX.apply(double): softmax is not element-wise; apply it to a whole row with"
                + " Activation.SOFTMAX.apply(Tensor)",
                assertThrows(UnsupportedOperationException.class, () -> Activation.SOFTMAX.apply(1.0)).getMessage());
    }
}
