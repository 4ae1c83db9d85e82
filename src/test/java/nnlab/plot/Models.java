package nnlab.plot;

import java.util.List;
import nnlab.nn.Activation;
import nnlab.nn.Adam;
import nnlab.nn.Dense;
import nnlab.nn.FitOptions;
import nnlab.nn.History;
import nnlab.nn.Sequential;
import nnlab.nn.SparseCategoricalCrossentropy;
import nnlab.nn.Tensor;

/** Small real models and data for the chart and display tests. */
public final class Models {
    private Models() {}

    /** Four blobs around the multiclass lab's centres, 25 points each, labels 0..3. */
    public static Tensor[] blobs() {
        double[][] centres = {{-5, 2}, {-2, -2}, {1, 2}, {5, -2}};
        java.util.Random random = new java.util.Random(30);
        float[][] x = new float[100][2];
        float[] y = new float[100];
        for (int i = 0; i < 100; i++) {
            int k = i % 4;
            y[i] = k;
            x[i][0] = (float) (centres[k][0] + 0.6 * random.nextGaussian());
            x[i][1] = (float) (centres[k][1] + 0.6 * random.nextGaussian());
        }
        return new Tensor[] {Tensor.of(x), Tensor.of(y)};
    }

    /**
     * One linear layer with hand-set weights whose logits are (x1, -x1, x2, -x2): class 0 where x1
     * is the largest of |x1|, |x2| and positive, and so on, so the regions are known exactly.
     */
    public static Sequential fixedQuadrants() {
        Sequential model = new Sequential("quadrants", new Dense(4, Activation.LINEAR, "out"));
        model.build(2);
        model.setWeights(List.of(Tensor.of(new float[][] {{1, -1, 0, 0}, {0, 0, 1, -1}}), Tensor.of(0f, 0f, 0f, 0f)));
        return model;
    }

    /** The ReLU lab's three units with the lab's answer: (w, b) = (-2, 2), (1, -1), (2, -4). */
    public static Sequential reluLabUnits() {
        Sequential model = new Sequential("relu_lab", new Dense(3, Activation.RELU, "l1"));
        model.build(1);
        model.setWeights(List.of(Tensor.of(new float[][] {{-2, 1, 2}}), Tensor.of(2f, -1f, -4f)));
        return model;
    }

    /** The multiclass lab's model: Dense(2, relu, "L1") -> Dense(4, linear, "L2"), trained briefly. */
    public static Sequential trainedLabModel(Tensor x, Tensor y, int epochs) {
        Sequential model = new Sequential("lab", new Dense(2, Activation.RELU, "L1"), new Dense(4, Activation.LINEAR, "L2"));
        model.seed(1234);
        model.compile(new SparseCategoricalCrossentropy(true), new Adam(0.01));
        model.fit(x, y, new FitOptions().epochs(epochs).verbose(0));
        return model;
    }

    /** A real History with loss, accuracy and their validation versions. */
    public static History history(int epochs) {
        Tensor[] data = blobs();
        Sequential model = new Sequential("h", new Dense(4, Activation.LINEAR, "out"));
        model.seed(7);
        model.compile(new SparseCategoricalCrossentropy(true), new Adam(0.05));
        return model.fit(data[0], data[1], new FitOptions().epochs(epochs).verbose(0).validationSplit(0.2));
    }
}
