package nnlab.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * One run of {@link Sequential#fit} on checked data: the epoch and batch loops, the running
 * metrics, validation and the callbacks.
 */
final class FitLoop {
    private final Sequential model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final List<Param> params;
    private final Tensor x;
    private final Tensor y;
    private final Tensor xVal;
    private final Tensor yVal;
    private final TrainingInfo info;
    private final boolean shuffle;
    private final List<Callback> callbacks;
    private final History history;
    private final int outCols;
    private final int[] order;
    /** The batch arrays (inputs, targets, loss gradient), reused from batch to batch. */
    private final Workspace work = new Workspace(3);

    /** Trains on the first {@code info.samples()} rows of x and y; validates on xVal, yVal (null for none). */
    FitLoop(Sequential model, Tensor x, Tensor y, Tensor xVal, Tensor yVal, TrainingInfo info, boolean shuffle,
            List<Callback> callbacks) {
        this.model = model;
        this.loss = model.loss();
        this.optimizer = model.optimizer();
        this.params = model.params();
        this.x = x;
        this.y = y;
        this.xVal = xVal;
        this.yVal = yVal;
        this.info = info;
        this.shuffle = shuffle;
        this.callbacks = callbacks;
        this.history = new History(info.keys());
        this.outCols = model.outputSize();
        this.order = new int[info.samples()];
        for (int i = 0; i < order.length; i++) order[i] = i;
    }

    History run() {
        for (Callback c : callbacks) c.onTrainBegin(info);
        for (int epoch = 0; epoch < info.epochs(); epoch++) {
            for (Callback c : callbacks) c.onEpochBegin(epoch);
            if (shuffle) model.shuffle(order);
            Map<String, Double> values = trainEpoch(epoch);
            if (values == null) return history;
            if (info.validationSamples() > 0) validate(values);
            history.addEpoch(values);
            for (Callback c : callbacks) c.onEpochEnd(epoch, history);
        }
        for (Callback c : callbacks) c.onTrainEnd(history);
        return history;
    }

    /** One pass over the training rows; null if training had to stop. */
    private Map<String, Double> trainEpoch(int epoch) {
        int batchSize = info.batchSize();
        int xRow = x.size() / x.shape()[0];
        int yRow = y.size() / x.shape()[0];
        double lossSum = 0;
        long correct = 0;
        long units = 0;
        for (int b = 0; b < info.batchesPerEpoch(); b++) {
            // A notebook interrupt: stop between batches so the weights stay those of a whole step.
            if (Thread.currentThread().isInterrupted()) {
                String reason = "fit: interrupted in epoch " + (epoch + 1) + "/" + info.epochs() + " before batch "
                        + (b + 1) + "/" + info.batchesPerEpoch() + "; the model keeps the weights of the last finished batch";
                stop(reason);
                throw new CancellationException(reason);
            }
            int from = b * batchSize;
            int rows = Math.min(batchSize, order.length - from);
            Tensor xb = gather(x, xRow, from, rows, work.get(0, rows * xRow));
            float[] yb = gather(y, yRow, from, rows, work.get(1, rows * yRow)).data();
            Tensor out = reusingArrays(() -> model.forward(xb));
            float[] grad = work.get(2, out.size());
            double batchLoss = loss.lossAndGradient(yb, out.data(), rows, outCols, grad);
            if (!Double.isFinite(batchLoss)) {
                String reason = "Epoch " + (epoch + 1) + "/" + info.epochs() + ", batch " + (b + 1) + "/"
                        + info.batchesPerEpoch() + ": the loss is " + batchLoss + ", training stopped; the history keeps the "
                        + history.epochs() + " finished epoch(s). Try a smaller learning rate or scale the inputs";
                System.err.println(reason);
                stop(reason);
                return null;
            }
            Tensor dOut = new Tensor(out.shape(), grad);
            reusingArrays(() -> {
                model.backward(dOut);
                return null;
            });
            optimizer.step(params);
            lossSum += batchLoss * rows;
            if (loss.hasAccuracy()) {
                correct += loss.correct(yb, out.data(), rows, outCols);
                units += loss.accuracyUnits(rows, outCols);
            }
            for (Callback c : callbacks) c.onBatchEnd(epoch, b, lossSum / (from + rows));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", lossSum / order.length);
        if (loss.hasAccuracy()) values.put("accuracy", (double) correct / units);
        return values;
    }

    /** val_loss and val_accuracy with the weights at the end of the epoch. */
    private void validate(Map<String, Double> values) {
        int n = info.validationSamples();
        Tensor out = model.forward(xVal);
        values.put("val_loss", loss.lossAndGradient(yVal.data(), out.data(), n, outCols, null));
        if (loss.hasAccuracy()) {
            values.put("val_accuracy", (double) loss.correct(yVal.data(), out.data(), n, outCols) / loss.accuracyUnits(n, outCols));
        }
    }

    private void stop(String reason) {
        history.stop(reason);
        for (Callback c : callbacks) c.onTrainEnd(history);
    }

    /** Runs a training step with the layers allowed to reuse their arrays (see {@link Layer#reuseArrays}). */
    private <T> T reusingArrays(java.util.function.Supplier<T> step) {
        List<Layer> layers = model.layers();
        for (Layer l : layers) l.reuseArrays = true;
        try {
            return step.get();
        } finally {
            for (Layer l : layers) l.reuseArrays = false;
        }
    }

    /** Rows {@code order[from..from+rows)} of {@code t}, each {@code rowSize} floats, copied into dst as a batch. */
    private Tensor gather(Tensor t, int rowSize, int from, int rows, float[] dst) {
        float[] src = t.data();
        for (int i = 0; i < rows; i++) System.arraycopy(src, order[from + i] * rowSize, dst, i * rowSize, rowSize);
        int[] shape = t.shape();
        shape[0] = rows;
        return new Tensor(shape, dst);
    }
}
