package nnlab.nn;

import java.util.List;

/**
 * The sizes of a {@link Sequential#fit} run, given to {@link Callback#onTrainBegin}.
 *
 * @param epochs            the number of epochs
 * @param batchesPerEpoch   training batches per epoch, ⌈samples / batchSize⌉ (Keras' "steps")
 * @param samples           the number of training examples (after the validation split)
 * @param batchSize         examples per batch (the last batch may be smaller)
 * @param validationSamples the number of validation examples (0 if none)
 * @param verbose           the verbosity asked for: 0 silent, 1 progress bar, 2 one line per epoch
 * @param keys              the history keys that will be recorded, e.g. {@code [loss, accuracy, val_loss]}
 */
public record TrainingInfo(int epochs, int batchesPerEpoch, int samples, int batchSize,
                           int validationSamples, int verbose, List<String> keys) {

    /**
     * Makes {@code keys} unmodifiable.
     *
     * @param epochs            the number of epochs
     * @param batchesPerEpoch   training batches per epoch
     * @param samples           the number of training examples
     * @param batchSize         examples per batch
     * @param validationSamples the number of validation examples
     * @param verbose           the verbosity
     * @param keys              the history keys that will be recorded
     */
    public TrainingInfo {
        keys = List.copyOf(keys);
    }
}
