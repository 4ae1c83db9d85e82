package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The library against PyTorch: forward values, every loss on both paths, the gradients of all
 * weights, the weights after five Adam steps and six RMSprop steps, and a Conv1D network. The numbers come from
 * {@code src/test/resources/fixtures/make_torch_fixtures.py} (float64 references on float32 inputs);
 * the Java side computes in float32, hence the tolerances.
 */
class TorchFixturesTest {
    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-6;
    private static final Map<String, Object> F = load();
    private static final List<String> NAMES = List.of("W1", "b1", "W2", "b2");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = TorchFixturesTest.class.getResourceAsStream("/fixtures/torch_fixtures.json")) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    /** Nested JSON lists as a tensor of the same shape. */
    static Tensor tensor(Object json) {
        List<Integer> shape = new ArrayList<>();
        Object level = json;
        while (level instanceof List<?> l) {
            shape.add(l.size());
            level = l.get(0);
        }
        List<Float> values = new ArrayList<>();
        flatten(json, values);
        float[] data = new float[values.size()];
        for (int i = 0; i < data.length; i++) data[i] = values.get(i);
        return Tensor.of(shape.stream().mapToInt(Integer::intValue).toArray(), data);
    }

    private static void flatten(Object json, List<Float> out) {
        if (json instanceof List<?> l) for (Object o : l) flatten(o, out);
        else out.add(((Double) json).floatValue());
    }

    private static List<Tensor> weights(Map<String, Object> m) {
        return NAMES.stream().map(n -> tensor(m.get(n))).toList();
    }

    private static void assertClose(Tensor expected, Tensor actual, double rtol, double atol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        float[] e = expected.toArray();
        float[] a = actual.toArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], atol + rtol * Math.abs(e[i]), what + "[" + i + "]");
        }
    }

    private static Sequential model(String output) {
        Sequential m = new Sequential(new Dense(4, Activation.RELU), new Dense(3, Activation.valueOf(output.toUpperCase())));
        m.build(3);
        m.setWeights(weights(obj(F, "weights")));
        return m;
    }

    private static Loss loss(String name) {
        return switch (name) {
            case "scce_logits" -> new SparseCategoricalCrossentropy(true);
            case "scce_probs" -> new SparseCategoricalCrossentropy(false);
            case "cce_logits" -> new CategoricalCrossentropy(true);
            case "cce_probs" -> new CategoricalCrossentropy(false);
            case "bce_logits" -> new BinaryCrossentropy(true);
            case "bce_probs" -> new BinaryCrossentropy(false);
            case "mse" -> new MeanSquaredError();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Tensor targets(String loss) {
        String key = loss.startsWith("scce") ? "labels" : loss.startsWith("cce") ? "onehot"
                : loss.startsWith("bce") ? "multilabel" : "regression";
        return tensor(F.get(key));
    }

    @Test
    void forwardPass() {
        Tensor x = tensor(F.get("x"));
        Map<String, Object> fwd = obj(F, "forward");
        Trace t = model("linear").trace(x);
        assertClose(tensor(fwd.get("a1")), t.layer(0).a(), RTOL, ATOL, "a1");
        assertClose(tensor(fwd.get("z2")), t.layer(1).z(), RTOL, ATOL, "z2");
        assertClose(tensor(fwd.get("softmax")), model("softmax").predict(x), RTOL, ATOL, "softmax");
        assertClose(tensor(fwd.get("sigmoid")), model("sigmoid").predict(x), RTOL, ATOL, "sigmoid");
    }

    @Test
    void everyLossOnBothPathsWithItsGradients() {
        Tensor x = tensor(F.get("x"));
        Map<String, Object> losses = obj(F, "losses");
        assertEquals(7, losses.size());
        for (String name : losses.keySet()) {
            Map<String, Object> c = obj(losses, name);
            Sequential m = model((String) c.get("output"));
            m.compile(loss(name), new SGD(0.1));
            Tensor y = targets(name);
            assertEquals((Double) c.get("loss"), m.evaluate(x, y), 1e-5 * (Double) c.get("loss"), name);
            assertGradients(m, x, y, obj(c, "grads"), name);
        }
    }

    @Test
    void weightsAfterFiveAdamSteps() {
        List<Map<String, Object>> runs = runs("adam");
        assertEquals(2, runs.size());
        for (Map<String, Object> adam : runs) {
            double epsilon = (Double) adam.get("epsilon");
            assertTrainsLikeTorch(adam, new Adam((Double) adam.get("learning_rate"), 0.9, 0.999, epsilon),
                    "Adam(epsilon=" + epsilon + ")");
        }
    }

    @Test
    void weightsAfterSixRmspropStepsWithoutAndWithMomentum() {
        List<Map<String, Object>> runs = runs("rmsprop");
        assertEquals(3, runs.size());
        for (Map<String, Object> run : runs) {
            RMSprop rmsprop = new RMSprop((Double) run.get("learning_rate"), (Double) run.get("rho"),
                    (Double) run.get("momentum"), (Double) run.get("epsilon"));
            assertTrainsLikeTorch(run, rmsprop, rmsprop.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> runs(String key) {
        return (List<Map<String, Object>>) F.get(key);
    }

    /** Full-batch steps without shuffling give the fixture's loss before every step and its final weights. */
    private static void assertTrainsLikeTorch(Map<String, Object> run, Optimizer optimizer, String what) {
        Sequential m = model("linear");
        m.compile(loss((String) run.get("loss")), optimizer);
        int steps = ((Double) run.get("steps")).intValue();
        History h = m.fit(tensor(F.get("x")), targets((String) run.get("loss")),
                new FitOptions().epochs(steps).batchSize(5).shuffle(false).verbose(0));
        // One batch per epoch, so each epoch's loss is the loss before that step.
        List<?> losses = (List<?>) run.get("losses");
        for (int i = 0; i < steps; i++) assertEquals((Double) losses.get(i), h.loss().get(i), 1e-5, what + " loss " + i);
        List<Tensor> expected = weights(obj(run, "weights"));
        List<Tensor> actual = m.getWeights();
        for (int i = 0; i < 4; i++) assertClose(expected.get(i), actual.get(i), 1e-5, 1e-6, what + " " + NAMES.get(i));
    }

    @Test
    void conv1dNetwork() {
        Map<String, Object> c = obj(F, "conv1d");
        Tensor x = tensor(c.get("x"));
        int k = ((Double) c.get("kernel_size")).intValue();
        int stride = ((Double) c.get("stride")).intValue();
        Sequential m = new Sequential(new Conv1D(4, k, stride, Activation.TANH), new Flatten(),
                new Dense(1, Activation.SIGMOID));
        m.build(10, 2);
        m.setWeights(weights(obj(c, "weights")));
        m.compile(new BinaryCrossentropy(), new SGD(0.1));
        Trace t = m.trace(x);
        assertClose(tensor(c.get("conv_output")), t.layer(0).a(), RTOL, ATOL, "conv a");
        assertClose(tensor(c.get("output")), t.output().reshape(-1, 1), RTOL, ATOL, "output");
        Tensor y = tensor(c.get("y"));
        assertEquals((Double) c.get("loss"), m.evaluate(x, y), 1e-5);
        assertGradients(m, x, y, obj(c, "grads"), "conv");
    }

    /** Backpropagation on the whole batch gives PyTorch's dLoss/dW1, db1, dW2, db2. */
    private static void assertGradients(Sequential m, Tensor x, Tensor y, Map<String, Object> grads, String what) {
        Backprop.gradients(m, x, y);
        List<Param> params = new ArrayList<>();
        for (Layer l : m.layers()) params.addAll(l.params());
        List<Tensor> expected = weights(grads);
        for (int i = 0; i < 4; i++) {
            Param p = params.get(i);
            assertClose(expected.get(i), new Tensor(p.shape, p.grad), 1e-4, 1e-6, what + " d" + NAMES.get(i));
        }
    }
}
