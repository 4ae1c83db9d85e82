package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Backpropagation through Dense, Conv1D and Flatten against central finite differences of the
 * loss. The loss is summed in double from float32 outputs; a step of 1e-2 keeps float32
 * rounding well below the tolerance while the O(h²) error of smooth functions stays small.
 */
class GradientCheckTest {
    private static final float H = 1e-2f;

    private static void check(Sequential m, Tensor x, Tensor y) {
        Tensor dx = Backprop.gradients(m, x, y);
        for (Layer l : m.layers()) {
            for (Param p : l.params()) {
                float[] analytic = p.grad.clone();
                for (int i = 0; i < p.value.length; i++) {
                    float saved = p.value[i];
                    p.value[i] = saved + H;
                    double up = Backprop.loss(m, x, y);
                    p.value[i] = saved - H;
                    double down = Backprop.loss(m, x, y);
                    p.value[i] = saved;
                    double numeric = (up - down) / (2 * H);
                    assertEquals(numeric, analytic[i], 2e-4 + 2e-3 * Math.abs(numeric), l.name() + "." + p.name + "[" + i + "]");
                }
            }
        }
        float[] xs = x.toArray();
        for (int i = 0; i < xs.length; i++) {
            float saved = xs[i];
            xs[i] = saved + H;
            double up = Backprop.loss(m, new Tensor(x.shape(), xs), y);
            xs[i] = saved - H;
            double down = Backprop.loss(m, new Tensor(x.shape(), xs), y);
            xs[i] = saved;
            double numeric = (up - down) / (2 * H);
            assertEquals(numeric, dx.data()[i], 2e-4 + 2e-3 * Math.abs(numeric), "dLoss/dx[" + i + "]");
        }
    }

    private static Tensor random(SplittableRandom rnd, int... shape) {
        float[] d = new float[Tensor.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) (2 * rnd.nextDouble() - 1);
        return new Tensor(shape, d);
    }

    @Test
    void denseLayersWithEveryActivationAndLoss() {
        SplittableRandom rnd = new SplittableRandom(7);
        Tensor x = random(rnd, 5, 4);
        Tensor labels = Tensor.of(0, 2, 1, 2, 0);
        Tensor oneHot = Tensor.of(new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
        Tensor binary = Tensor.of(new double[][] {{1, 0, 1}, {0, 0, 1}, {1, 1, 0}, {0, 1, 0}, {1, 0, 0}});
        List<Object[]> cases = List.of(
                new Object[] {Activation.LINEAR, new SparseCategoricalCrossentropy(true), labels},
                new Object[] {Activation.SOFTMAX, new SparseCategoricalCrossentropy(false), labels},
                new Object[] {Activation.LINEAR, new CategoricalCrossentropy(true), oneHot},
                new Object[] {Activation.SOFTMAX, new CategoricalCrossentropy(false), oneHot},
                new Object[] {Activation.LINEAR, new BinaryCrossentropy(true), binary},
                new Object[] {Activation.SIGMOID, new BinaryCrossentropy(false), binary},
                new Object[] {Activation.TANH, new MeanSquaredError(), binary});
        for (Object[] c : cases) {
            for (Activation hidden : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU}) {
                Sequential m = new Sequential(new Dense(6, hidden), new Dense(3, (Activation) c[0])).seed(3);
                m.build(4);
                m.compile((Loss) c[1], new SGD(0.1));
                check(m, x, (Tensor) c[2]);
            }
        }
    }

    @Test
    void conv1dFlattenDenseLikeTheEcgExample() {
        SplittableRandom rnd = new SplittableRandom(11);
        // 2 traces of 12 steps with 2 channels; windows of 4 every 2 steps give 5 windows.
        Tensor x = random(rnd, 2, 12, 2);
        Sequential m = new Sequential(new Conv1D(3, 4, 2, Activation.TANH), new Flatten(),
                new Dense(1, Activation.SIGMOID)).seed(5);
        m.build(12, 2);
        m.compile(new BinaryCrossentropy(), new SGD(0.1));
        check(m, x, Tensor.of(1, 0));
    }

    @Test
    void conv1dOnTwoDimensionalInputAsOneChannel() {
        SplittableRandom rnd = new SplittableRandom(13);
        Tensor x = random(rnd, 3, 10);
        Sequential m = new Sequential(new Conv1D(2, 3, 3, Activation.SIGMOID), new Conv1D(2, 2, 1, Activation.TANH),
                new Flatten(), new Dense(2, Activation.LINEAR)).seed(9);
        m.build(10);
        m.compile(new SparseCategoricalCrossentropy(true), new SGD(0.1));
        check(m, x, Tensor.of(1, 0, 1));
    }
}
