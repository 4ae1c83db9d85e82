package nnlab.nn;

/**
 * Hooks into {@link Sequential#fit}: implement the methods you need. Epochs and batches are
 * counted from 0 (print {@code epoch + 1} for Keras' "Epoch 1/10").
 */
public interface Callback {

    /**
     * Before the first epoch.
     *
     * @param info sizes of the run (epochs, batches per epoch, samples, ...)
     */
    default void onTrainBegin(TrainingInfo info) {}

    /**
     * At the start of an epoch.
     *
     * @param epoch the epoch index, from 0
     */
    default void onEpochBegin(int epoch) {}

    /**
     * After each batch's weight update.
     *
     * @param epoch the epoch index, from 0
     * @param batch the batch index within the epoch, from 0
     * @param loss  the mean loss of the epoch so far, weighted by batch size (what Keras' progress
     *              bar shows)
     */
    default void onBatchEnd(int epoch, int batch, double loss) {}

    /**
     * After an epoch, once its training and validation figures are in the history.
     *
     * @param epoch  the epoch index, from 0
     * @param soFar  the history including this epoch
     */
    default void onEpochEnd(int epoch, History soFar) {}

    /**
     * When training ends, normally or because the loss became NaN/infinite
     * (see {@link History#stopReason()}).
     *
     * @param history the complete history
     */
    default void onTrainEnd(History history) {}
}
