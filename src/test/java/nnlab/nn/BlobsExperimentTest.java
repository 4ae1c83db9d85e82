package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The softmax lab end to end: 2000 points in 4 blobs, a 25-15-4 network, 10 epochs of Adam. */
class BlobsExperimentTest {
    private static final Blobs DATA = Blobs.softmaxLab(2000, 30);

    private static Sequential model(Activation output) {
        return new Sequential(
                new Dense(25, Activation.RELU),
                new Dense(15, Activation.RELU),
                new Dense(4, output)).seed(1234);
    }

    private static double accuracy(Tensor out, Tensor labels) {
        int[] predicted = out.argmax();
        int right = 0;
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == (int) labels.get(i)) right++;
        return (double) right / predicted.length;
    }

    @Test
    void preferredModelWithLogitsReaches97Percent() {
        Sequential m = model(Activation.LINEAR);
        m.compile(new SparseCategoricalCrossentropy(true), new Adam(0.001));
        History h = m.fit(DATA.x, DATA.y, new FitOptions().epochs(10).verbose(0));
        assertEquals(10, h.epochs());
        assertTrue(h.loss().get(9) < h.loss().get(0) / 3, "loss falls: " + h.loss());
        double acc = accuracy(m.predict(DATA.x), DATA.y);
        assertTrue(acc >= 0.97, "training accuracy " + acc);
        assertEquals(acc, h.get("accuracy").get(9), 0.02);
    }

    @Test
    void obviousModelWithSoftmaxOutputAlsoTrains() {
        Sequential m = model(Activation.SOFTMAX);
        m.compile(new SparseCategoricalCrossentropy(false), new Adam(0.001));
        History h = m.fit(DATA.x, DATA.y, new FitOptions().epochs(10).verbose(0));
        assertTrue(h.loss().get(9) < h.loss().get(0) / 3, "loss falls: " + h.loss());
        assertTrue(accuracy(m.predict(DATA.x), DATA.y) >= 0.97);
    }
}
