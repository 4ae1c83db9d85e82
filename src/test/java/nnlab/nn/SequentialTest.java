package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SequentialTest {

    @AfterEach
    void restoreDefaults() {
        Sequential.setProgressReporter(null);
        Seed.clearGlobal();
    }

    private static Sequential digits() {
        return new Sequential("my_model",
                new Dense(25, Activation.RELU, "L1"),
                new Dense(15, Activation.RELU, "L2"),
                new Dense(10, Activation.LINEAR, "L3"));
    }

    @Test
    void summaryIsTheKeras2TableOfTheAssignment() {
        Sequential m = digits();
        m.build(400);
        Summary s = m.summary();
        assertEquals(10_575, s.totalParams());
        assertEquals(new Summary.Row("L1", "Dense", "(None, 25)", 10_025), s.rows().get(0));
        String expected = String.join("\n",
                "Model: \"my_model\"",
                "_________________________________________________________________",
                " Layer (type)                Output Shape              Param #",
                "=================================================================",
                " L1 (Dense)                  (None, 25)                10025",
                "",
                " L2 (Dense)                  (None, 15)                390",
                "",
                " L3 (Dense)                  (None, 10)                160",
                "",
                "=================================================================",
                "Total params: 10,575",
                "Trainable params: 10,575",
                "Non-trainable params: 0",
                "_________________________________________________________________");
        assertEquals(expected, s.toString());
    }

    @Test
    void weightsHaveKerasShapesGlorotUniformInitAndZeroBias() {
        Sequential m = digits().seed(1234);
        m.build(400);
        List<Tensor> w = m.getWeights();
        assertEquals(6, w.size());
        assertArrayEquals(new int[] {400, 25}, w.get(0).shape());
        assertArrayEquals(new int[] {25}, w.get(1).shape());
        assertArrayEquals(new int[] {25, 15}, w.get(2).shape());
        assertArrayEquals(new int[] {15, 10}, w.get(4).shape());
        double limit = Math.sqrt(6.0 / (400 + 25)); // 0.1188, as the reference computes for L1
        assertEquals(0.1188, limit, 1e-4);
        double min = 0;
        double max = 0;
        double sumSq = 0;
        for (float v : w.get(0).toArray()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sumSq += v * v;
        }
        assertTrue(max <= limit && min >= -limit);
        assertTrue(max > 0.99 * limit && min < -0.99 * limit, "spread over the whole range");
        assertEquals(limit * limit / 3, sumSq / 10_000, 0.05 * limit * limit / 3, "variance of U[-L, L] is L²/3");
        for (float v : w.get(1).toArray()) assertEquals(0f, v);
    }

    @Test
    void weightsAreCreatedOnFirstUseFromTheInputWidth() {
        Blobs data = Blobs.softmaxLab(40, 12);
        Sequential m = new Sequential(new Dense(5, Activation.RELU), new Dense(4)).seed(1);
        assertFalse(m.isBuilt());
        assertFalse(m.layers().get(0).isBuilt());
        m.compile(new SparseCategoricalCrossentropy(true), new Adam());
        m.fit(data.x, data.y, new FitOptions().verbose(0));
        assertTrue(m.isBuilt());
        assertArrayEquals(new int[] {2}, m.layers().get(0).inputShape());
        assertArrayEquals(new int[] {2, 5}, m.getWeights().get(0).shape());
        assertEquals(2 * 5 + 5 + 5 * 4 + 4, m.summary().totalParams());
    }

    private static Sequential digitsWithInput() {
        return new Sequential("my_model",
                new InputLayer(400),
                new Dense(25, Activation.RELU, "L1"),
                new Dense(15, Activation.RELU, "L2"),
                new Dense(10, Activation.LINEAR, "L3"));
    }

    @Test
    void anInputLayerBuildsTheModelAtOnceAndIsNotOneOfItsLayers() {
        Sequential m = digitsWithInput();
        assertTrue(m.isBuilt());
        assertArrayEquals(new int[] {400}, m.inputShape());
        assertEquals(List.of("L1", "L2", "L3"), m.layers().stream().map(Layer::name).toList());
        Sequential built = digits();
        built.build(400);
        // Keras 2 lists no InputLayer row: the assignment's table, 10,575 parameters.
        assertEquals(built.summary().toString(), m.summary().toString());
        assertEquals(10_575, m.summary().totalParams());
        assertArrayEquals(new int[] {400, 25}, m.layer("L1").getWeights().get(0).shape());
        assertEquals(6, m.getWeights().size());
        assertEquals(3, m.trace(Tensor.zeros(2, 400)).layers().size());

        InputLayer in = new InputLayer(100, 1);
        assertArrayEquals(new int[] {100, 1}, in.shape());
        assertArrayEquals(in.inputShape(), in.outputShape());
        assertEquals("InputLayer", in.type());
        assertEquals("input_1", in.name());
        assertEquals(0, in.paramCount());
        assertEquals(List.of(), in.getWeights());
    }

    @Test
    void anInputLayerFitsAConv1DModelOnTracesOfOneChannel() {
        Sequential conv = new Sequential(new InputLayer(10, 1), new Conv1D(2, 3, 1, Activation.RELU), new Flatten(),
                new Dense(1, Activation.SIGMOID));
        assertEquals(List.of("(None, 8, 2)", "(None, 16)", "(None, 1)"),
                conv.summary().rows().stream().map(Summary.Row::outputShape).toList());
        // Traces of shape (examples, steps) fit the (steps, 1) input, as with build(10, 1).
        assertArrayEquals(new int[] {4, 1}, conv.trace(Tensor.zeros(4, 10)).output().shape());
    }

    @Test
    void seedAfterAnInputLayerGivesTheWeightsOfAModelSeededBeforeItsBuild() {
        Sequential built = digits().seed(1234);
        built.build(400);
        assertEquals(built.getWeights(), digitsWithInput().seed(1234).getWeights());
        // Looking at the weights first does not fix them: seed(...) redraws untrained weights.
        Sequential looked = digitsWithInput();
        looked.summary();
        List<Tensor> before = looked.getWeights();
        looked.seed(1234);
        assertNotEquals(before, looked.getWeights());
        assertEquals(built.getWeights(), looked.getWeights());
        // One layer at a time with add(), as in Keras' model.add(...).
        Sequential added = new Sequential("my_model").seed(1234);
        added.add(new InputLayer(400));
        added.add(new Dense(25, Activation.RELU, "L1"));
        added.add(new Dense(15, Activation.RELU, "L2"));
        added.add(new Dense(10, Activation.LINEAR, "L3"));
        assertEquals(built.getWeights(), added.getWeights());
        // The global seed, set before the model as tf.random.set_seed is.
        Seed.setGlobal(7);
        Sequential global = digitsWithInput();
        Seed.setGlobal(7);
        Sequential globalBuilt = digits();
        globalBuilt.build(400);
        assertEquals(globalBuilt.getWeights(), global.getWeights());
    }

    @Test
    void aSeededModelWithAnInputLayerTrainsExactlyLikeOneBuiltOnFirstUse() {
        Blobs data = Blobs.softmaxLab(100, 15);
        List<History> runs = new ArrayList<>();
        List<List<Tensor>> weights = new ArrayList<>();
        for (Sequential m : List.of(new Sequential(new InputLayer(2), new Dense(8, Activation.RELU), new Dense(4)).seed(42),
                new Sequential(new Dense(8, Activation.RELU), new Dense(4)).seed(42))) {
            m.compile(new SparseCategoricalCrossentropy(true), new Adam(0.01));
            runs.add(m.fit(data.x, data.y, new FitOptions().epochs(3).verbose(0)));
            weights.add(m.getWeights());
        }
        assertEquals(runs.get(0).asMap(), runs.get(1).asMap(), "same weights and same shuffling");
        assertEquals(weights.get(0), weights.get(1));
    }

    @Test
    void aLayerAddedAfterTheBuildGetsItsWeightsAtOnce() {
        Sequential grown = new Sequential(new Dense(8, Activation.RELU)).seed(5);
        grown.build(2);
        List<Tensor> first = grown.getWeights();
        grown.add(new Dense(4));
        assertTrue(grown.layers().get(1).isBuilt());
        assertEquals(first, grown.getWeights().subList(0, 2));
        Sequential whole = new Sequential(new Dense(8, Activation.RELU), new Dense(4)).seed(5);
        whole.build(2);
        assertEquals(whole.getWeights(), grown.getWeights());
        assertEquals(List.of("dense", "dense_1"), grown.layers().stream().map(Layer::name).toList());
    }

    @Test
    void compileWithoutAnOptimizerTrainsWithRMSpropAndRecompilingKeepsTheWeights() {
        Blobs data = Blobs.softmaxLab(200, 21);
        Sequential m = new Sequential(new InputLayer(2), new Dense(8, Activation.RELU), new Dense(4)).seed(3);
        m.compile(new SparseCategoricalCrossentropy(true));
        assertEquals("RMSprop(learningRate=0.001, rho=0.9, momentum=0.0, epsilon=1.0E-7)", m.optimizer().toString());
        History rmsprop = m.fit(data.x, data.y, new FitOptions().epochs(10).verbose(0));
        assertTrue(rmsprop.loss().get(9) < 0.8 * rmsprop.loss().get(0), rmsprop.loss().toString());

        List<Tensor> trained = m.getWeights();
        m.compile(new SparseCategoricalCrossentropy(true), new Adam(0.01));
        assertEquals(trained, m.getWeights(), "compiling keeps the weights");
        // A new model given the same weights and its own new Adam trains exactly alike: the recompiled
        // model goes on from its trained weights with an optimizer that starts afresh.
        Sequential fresh = new Sequential(new InputLayer(2), new Dense(8, Activation.RELU), new Dense(4));
        fresh.setWeights(trained);
        fresh.compile(new SparseCategoricalCrossentropy(true), new Adam(0.01));
        FitOptions inOrder = new FitOptions().epochs(3).shuffle(false).verbose(0);
        History adam = m.fit(data.x, data.y, inOrder);
        assertEquals(fresh.fit(data.x, data.y, inOrder).asMap(), adam.asMap());
        assertEquals(fresh.getWeights(), m.getWeights());
        assertEquals(3 * 7, ((Adam) m.optimizer()).iterations(), "3 epochs of 7 batches, none before");
        assertTrue(adam.loss().get(0) < rmsprop.loss().get(9), "Adam starts where RMSprop stopped, and improves on it");
    }

    @Test
    void defaultLayerNamesAreNumberedPerKind() {
        Sequential m = new Sequential(new Dense(3, Activation.RELU), new Dense(2), new Flatten(), new Dense(1));
        assertEquals(List.of("dense", "dense_1", "flatten", "dense_2"), m.layers().stream().map(Layer::name).toList());
        assertEquals("sequential", m.name());
    }

    @Test
    void predictAndTraceComputeZEqualsAWPlusBThenG() {
        Sequential m = new Sequential(new Dense(3, Activation.RELU, "L1"), new Dense(2, Activation.SOFTMAX, "L2"));
        m.build(2);
        m.setWeights(List.of(
                Tensor.of(new double[][] {{1, -1, 0.5}, {2, 0, -1}}), Tensor.of(0.1, 0.2, -0.3),
                Tensor.of(new double[][] {{1, 0}, {0, 1}, {-1, 1}}), Tensor.of(0, 0.5)));
        Tensor x = Tensor.of(new double[][] {{1, 2}, {-1, 0.5}});
        Trace t = m.trace(x);
        // Row 0: z1 = [1+4+0.1, -1+0.2, 0.5-2-0.3] = [5.1, -0.8, -1.8], a1 = [5.1, 0, 0].
        assertArrayEquals(new float[] {5.1f, -0.8f, -1.8f}, t.layer(0).z().row(0).toArray(), 1e-6f);
        assertArrayEquals(new float[] {5.1f, 0, 0}, t.layer("L1").a().row(0).toArray(), 1e-6f);
        assertEquals(x, t.layer(0).input());
        assertEquals(t.layer(0).a(), t.layer(1).input());
        assertEquals(Tensor.of(0, 0.5), t.layer(1).b());
        // z2 = a1·W2 + b2 = [5.1, 0.5]; a2 = softmax.
        assertArrayEquals(new float[] {5.1f, 0.5f}, t.layer(1).z().row(0).toArray(), 1e-6f);
        assertEquals(Activation.SOFTMAX.apply(t.layer(1).z()), t.layer(1).a());
        assertEquals(m.predict(x), t.output());
        assertEquals(Activation.SOFTMAX, t.layer(1).activation());
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentRun() {
        Blobs data = Blobs.softmaxLab(200, 3);
        Supplier<Sequential> make = () -> new Sequential(new Dense(8, Activation.RELU), new Dense(4));
        List<History> runs = new ArrayList<>();
        List<List<Tensor>> weights = new ArrayList<>();
        for (long seed : new long[] {42, 42, 43}) {
            Sequential m = make.get().seed(seed);
            m.compile(new SparseCategoricalCrossentropy(true), new Adam(0.01));
            runs.add(m.fit(data.x, data.y, new FitOptions().epochs(3).verbose(0)));
            weights.add(m.getWeights());
        }
        assertEquals(runs.get(0).asMap(), runs.get(1).asMap());
        assertEquals(weights.get(0), weights.get(1));
        assertNotEquals(runs.get(0).asMap(), runs.get(2).asMap());

        // The global seed plays tf.random.set_seed: re-running the same cells gives the same weights.
        Seed.setGlobal(1234);
        Sequential a = make.get();
        a.build(2);
        Seed.setGlobal(1234);
        Sequential b = make.get();
        b.build(2);
        assertEquals(a.getWeights(), b.getWeights());
    }

    @Test
    void reshufflingChangesTheBatchesEveryEpoch() {
        Blobs data = Blobs.softmaxLab(96, 4);
        List<Double> firstBatch = new ArrayList<>();
        Callback firstBatchLoss = new Callback() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                if (batch == 0) firstBatch.add(loss);
            }
        };
        for (boolean shuffle : new boolean[] {false, true}) {
            Sequential m = new Sequential(new Dense(4)).seed(1);
            // A learning rate this small leaves the weights as they are, so only the batches differ.
            m.compile(new SparseCategoricalCrossentropy(true), new SGD(1e-30));
            m.fit(data.x, data.y, new FitOptions().epochs(2).shuffle(shuffle).verbose(0).callbacks(firstBatchLoss));
        }
        assertEquals(firstBatch.get(0), firstBatch.get(1), "no shuffling: the same first batch");
        assertNotEquals(firstBatch.get(2), firstBatch.get(3), "shuffling: a new first batch each epoch");
    }

    @Test
    void epochLossIsTheBatchSizeWeightedMean() {
        // 70 examples in batches of 32, 32 and 6. With frozen weights the weighted mean of the batch
        // losses is exactly the loss over all examples; an unweighted mean would not be.
        Blobs data = Blobs.softmaxLab(70, 5);
        Sequential m = new Sequential(new Dense(4)).seed(2);
        m.compile(new SparseCategoricalCrossentropy(true), new SGD(1e-30));
        History h = m.fit(data.x, data.y, new FitOptions().epochs(1).verbose(0));
        assertEquals(m.evaluate(data.x, data.y), h.loss().get(0), 1e-6);
    }

    @Test
    void validationSplitHoldsOutTheLastExamplesBeforeShuffling() {
        Blobs data = Blobs.softmaxLab(100, 6);
        Sequential m = new Sequential(new Dense(6, Activation.RELU), new Dense(4)).seed(3);
        m.compile(new SparseCategoricalCrossentropy(true), new Adam(0.01));
        List<TrainingInfo> infos = new ArrayList<>();
        Callback info = new Callback() {
            @Override
            public void onTrainBegin(TrainingInfo i) {
                infos.add(i);
            }
        };
        History h = m.fit(data.x, data.y, new FitOptions().epochs(2).validationSplit(0.25).verbose(0).callbacks(info));
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), h.keys());
        assertEquals(new TrainingInfo(2, 3, 75, 32, 25, 0, h.keys()), infos.get(0));
        assertEquals(m.evaluate(data.x.rows(75, 100), data.y.rows(75, 100)), h.get("val_loss").get(1), 1e-6);
        int[] predicted = m.predict(data.x.rows(75, 100)).argmax();
        int right = 0;
        for (int i = 0; i < 25; i++) if (predicted[i] == (int) data.y.get(75 + i)) right++;
        assertEquals(right / 25.0, h.get("val_accuracy").get(1), 1e-12);
    }

    @Test
    void validationDataIsUsedInsteadOfASplit() {
        Blobs train = Blobs.softmaxLab(100, 13);
        Blobs val = Blobs.softmaxLab(30, 14);
        Sequential m = new Sequential(new Dense(4)).seed(3);
        m.compile(new SparseCategoricalCrossentropy(true), new Adam(0.01));
        List<TrainingInfo> infos = new ArrayList<>();
        History h = m.fit(train.x, train.y, new FitOptions().epochs(2).verbose(0).validationData(val.x, val.y)
                .callbacks(new Callback() {
                    @Override
                    public void onTrainBegin(TrainingInfo info) {
                        infos.add(info);
                    }
                }));
        assertEquals(100, infos.get(0).samples());
        assertEquals(30, infos.get(0).validationSamples());
        assertEquals(m.evaluate(val.x, val.y), h.get("val_loss").get(1), 1e-6);
    }

    @Test
    void stepsPerEpochAreCeilOfExamplesOver32() {
        for (int[] c : new int[][] {{5000, 157}, {2000, 63}, {100, 4}}) {
            Blobs data = Blobs.softmaxLab(c[0], 7);
            Sequential m = new Sequential(new Dense(4)).seed(1);
            m.compile(new SparseCategoricalCrossentropy(true), new SGD(0.01));
            int[] steps = new int[1];
            m.fit(data.x, data.y, new FitOptions().verbose(0).callbacks(new Callback() {
                @Override
                public void onBatchEnd(int epoch, int batch, double loss) {
                    steps[0] = batch + 1;
                }
            }));
            assertEquals(c[1], steps[0]);
        }
    }

    @Test
    void callbacksSeeEveryStepInOrder() {
        Blobs data = Blobs.softmaxLab(64, 8);
        Sequential m = new Sequential(new Dense(4)).seed(1);
        m.compile(new SparseCategoricalCrossentropy(true), new Adam());
        List<String> events = new ArrayList<>();
        History h = m.fit(data.x, data.y, new FitOptions().epochs(2).verbose(0).callbacks(new Callback() {
            @Override
            public void onTrainBegin(TrainingInfo info) {
                events.add("begin " + info.epochs() + "x" + info.batchesPerEpoch());
            }

            @Override
            public void onEpochBegin(int epoch) {
                events.add("epoch " + epoch);
            }

            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                events.add("batch " + epoch + "." + batch);
            }

            @Override
            public void onEpochEnd(int epoch, History soFar) {
                events.add("end " + epoch + " with " + soFar.epochs());
            }

            @Override
            public void onTrainEnd(History history) {
                events.add("done " + history.epochs());
            }
        }));
        assertEquals(List.of("begin 2x2", "epoch 0", "batch 0.0", "batch 0.1", "end 0 with 1",
                "epoch 1", "batch 1.0", "batch 1.1", "end 1 with 2", "done 2"), events);
        assertTrue(h.stopReason().isEmpty());
    }

    @Test
    void nanLossStopsTrainingAtOnceAndKeepsTheHistory() {
        // Regression with a huge learning rate diverges within a few epochs.
        Tensor x = Tensor.of(new double[][] {{100, 200}, {300, 400}, {500, 600}, {700, 800}});
        Tensor y = Tensor.of(1, 2, 3, 4);
        Sequential m = new Sequential(new Dense(1)).seed(1);
        m.compile(new MeanSquaredError(), new SGD(10));
        List<String> ended = new ArrayList<>();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        History h;
        try {
            h = m.fit(x, y, new FitOptions().epochs(100).batchSize(2).verbose(0).callbacks(new Callback() {
                @Override
                public void onTrainEnd(History history) {
                    ended.add(history.stopReason().orElse("none"));
                }
            }));
        } finally {
            System.setErr(err);
        }
        assertTrue(h.epochs() < 100);
        String reason = h.stopReason().orElseThrow();
        assertTrue(reason.matches("Epoch \\d+/100, batch [12]/2: the loss is (NaN|Infinity), training stopped; the"
                + " history keeps the " + h.epochs() + " finished epoch\\(s\\)\\. Try a smaller learning rate or scale"
                + " the inputs"), reason);
        assertEquals(h.epochs() + 1, Integer.parseInt(reason.replaceAll("Epoch (\\d+)/.*", "$1")));
        assertEquals(List.of(reason), ended);
        assertEquals(reason + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
        for (double l : h.loss()) assertTrue(Double.isFinite(l));
    }

    @Test
    void anInterruptStopsTrainingBetweenBatches() {
        Blobs data = Blobs.softmaxLab(320, 11);
        Sequential m = new Sequential(new Dense(4)).seed(1);
        m.compile(new SparseCategoricalCrossentropy(true), new Adam());
        List<String> events = new ArrayList<>();
        Callback interruptAtBatch3 = new Callback() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss) {
                events.add("batch " + batch);
                if (epoch == 1 && batch == 2) Thread.currentThread().interrupt();
            }

            @Override
            public void onTrainEnd(History history) {
                events.add("end after " + history.epochs() + " epoch(s): " + history.stopReason().orElse(""));
            }
        };
        String message;
        try {
            message = assertThrows(CancellationException.class,
                    () -> m.fit(data.x, data.y, new FitOptions().epochs(5).verbose(0).callbacks(interruptAtBatch3))).getMessage();
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays visible to the caller");
        } finally {
            Thread.interrupted();
        }
        assertEquals("fit: interrupted in epoch 2/5 before batch 4/10; the model keeps the weights of the last finished batch",
                message);
        assertEquals(14, events.size(), "10 + 3 batches, then the end");
        assertEquals("end after 1 epoch(s): " + message, events.get(13));
    }

    private static String run(int verbose, boolean interactive, Tensor x, Tensor y) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Sequential.setProgressReporter(v -> new Progbar(v, out, interactive));
        Sequential m = new Sequential(new Dense(4)).seed(1);
        m.compile(new SparseCategoricalCrossentropy(true), new Adam());
        m.fit(x, y, new FitOptions().epochs(2).verbose(verbose));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void progressLinesLookLikeKeras() {
        Blobs data = Blobs.softmaxLab(100, 9);
        String n = System.lineSeparator();
        String one = run(1, false, data.x, data.y);
        String num = "\\d\\.\\d{4}";
        String line1 = "4/4 \\[==============================\\] - \\d+s \\d+(s|ms|us)/step - loss: " + num
                + " - accuracy: " + num;
        assertTrue(one.matches("Epoch 1/2" + n + line1 + n + "Epoch 2/2" + n + line1 + n), one);
        String two = run(2, false, data.x, data.y);
        String line2 = "4/4 - \\d+s - loss: " + num + " - accuracy: " + num + " - \\d+(s|ms|us)/epoch - \\d+(s|ms|us)/step";
        assertTrue(two.matches("Epoch 1/2" + n + line2 + n + "Epoch 2/2" + n + line2 + n), two);
        assertEquals("", run(0, false, data.x, data.y));
        String terminal = run(1, true, data.x, data.y);
        assertTrue(terminal.contains("\r4/4 [=============================="), terminal);
        assertFalse(one.contains("\r"));
    }

    @Test
    void kerasTimeAndValueFormats() {
        assertEquals(" 2ms/step", Progbar.formatTime(0.002, "step"));
        assertEquals(" 0s/epoch", Progbar.formatTime(0, "epoch"));
        assertEquals(" 3s/step", Progbar.formatTime(3.2, "step"));
        assertEquals(" 310us/step", Progbar.formatTime(0.00031, "step"));
        assertEquals("1.7094", Progbar.formatValue(1.70941));
        assertEquals("1.2346e-04", Progbar.formatValue(0.000123456));
        assertEquals("157/157 [==============================] - 0s 2ms/step - loss: 1.7094",
                Progbar.statusLine(157, 157, 0.31, Map.of("loss", 1.70941)));
        assertEquals(" 50/100 [==============>...............] - 1s 20ms/step",
                Progbar.statusLine(50, 100, 1.0, Map.of()));
        assertEquals("0/4 [..............................]", Progbar.statusLine(0, 4, 0, Map.of()));
    }

    @Test
    void progressReporterCanBeReplaced() {
        Blobs data = Blobs.softmaxLab(40, 10);
        List<Integer> asked = new ArrayList<>();
        int[] batches = new int[1];
        Sequential.setProgressReporter(v -> {
            asked.add(v);
            return new Callback() {
                @Override
                public void onBatchEnd(int epoch, int batch, double loss) {
                    batches[0]++;
                }
            };
        });
        Sequential m = new Sequential(new Dense(4)).seed(1);
        m.compile(new SparseCategoricalCrossentropy(true), new Adam());
        m.fit(data.x, data.y, new FitOptions().epochs(3).verbose(2));
        m.fit(data.x, data.y, new FitOptions().epochs(3).verbose(0));
        assertEquals(List.of(2), asked, "silent fits do not ask for a reporter");
        assertEquals(6, batches[0]);
    }

    @Test
    void fromLogitsWithASoftmaxOutputPrintsAWarning() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new Sequential(new Dense(4, Activation.SOFTMAX, "out")).compile(new SparseCategoricalCrossentropy(true), new Adam());
            new Sequential(new Dense(4, Activation.LINEAR, "out")).compile(new SparseCategoricalCrossentropy(true), new Adam());
            new Sequential(new Dense(1, Activation.SIGMOID, "out")).compile(new BinaryCrossentropy(false), new Adam());
        } finally {
            System.setErr(err);
        }
        assertEquals("WARNING: SparseCategoricalCrossentropy(fromLogits=true) expects logits, but output layer 'out'"
                + " already applies softmax; use Activation.LINEAR in the output layer, or fromLogits=false"
                + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void historyKeysDependOnTheLoss() {
        Tensor x = Tensor.of(new double[][] {{0, 1}, {1, 0}, {1, 1}, {0, 0}});
        Sequential r = new Sequential(new Dense(1)).seed(1);
        r.compile(new MeanSquaredError(), new SGD(0.01));
        assertEquals(List.of("loss"), r.fit(x, Tensor.of(1, 1, 2, 0), new FitOptions().verbose(0)).keys());
        Sequential multiLabel = new Sequential(new Dense(3, Activation.SIGMOID)).seed(1);
        multiLabel.compile(new BinaryCrossentropy(), new Adam());
        Tensor y = Tensor.of(new double[][] {{1, 0, 1}, {0, 1, 1}, {1, 1, 0}, {0, 0, 0}});
        History h = multiLabel.fit(x, y, new FitOptions().verbose(0));
        assertEquals(List.of("loss", "accuracy"), h.keys());
        // Accuracy counts each of the 3 outputs of each example separately: a multiple of 1/12.
        double acc = h.get("accuracy").get(0) * 12;
        assertEquals(Math.rint(acc), acc, 1e-9);
    }
}
