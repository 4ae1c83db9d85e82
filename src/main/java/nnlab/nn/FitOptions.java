package nnlab.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings of {@link Sequential#fit(Tensor, Tensor, FitOptions)}, set in a chain:
 * <pre>
 *   model.fit(x, y, new FitOptions().epochs(40).batchSize(32).validationSplit(0.2).verbose(2));
 * </pre>
 * Defaults as in Keras: 1 epoch, batch size 32, no validation, shuffle each epoch, verbose 1.
 */
public final class FitOptions {
    private int epochs = 1;
    private int batchSize = 32;
    private double validationSplit;
    private boolean shuffle = true;
    private int verbose = 1;
    private final List<Callback> callbacks = new ArrayList<>();
    private Tensor validationX;
    private Tensor validationY;

    /** Options with the defaults. */
    public FitOptions() {}

    /**
     * @param epochs passes over the training data, positive
     * @return this
     */
    public FitOptions epochs(int epochs) {
        if (epochs <= 0) {
            throw new IllegalArgumentException("fit: epochs must be positive but was " + epochs + "; e.g. epochs(10)");
        }
        this.epochs = epochs;
        return this;
    }

    /**
     * @param batchSize examples per weight update, positive (Keras' default is 32)
     * @return this
     */
    public FitOptions batchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("fit: batchSize must be positive but was " + batchSize
                    + "; Keras' default is 32");
        }
        this.batchSize = batchSize;
        return this;
    }

    /**
     * @param fraction the share of examples held out for validation, taken from the end of the
     *                 data before shuffling (as Keras does), in [0, 1)
     * @return this
     */
    public FitOptions validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("fit: validationSplit must be in [0, 1) but was " + fraction
                    + "; e.g. 0.2 holds out the last 20% of the examples");
        }
        this.validationSplit = fraction;
        return this;
    }

    /**
     * Validates on separate data after each epoch (Keras' {@code validation_data}); it replaces
     * {@link #validationSplit(double)}.
     *
     * @param x validation inputs
     * @param y validation targets
     * @return this
     */
    public FitOptions validationData(Tensor x, Tensor y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("fit: validationData needs both x and y, but " + (x == null ? "x" : "y")
                    + " is null");
        }
        this.validationX = x;
        this.validationY = y;
        return this;
    }

    /**
     * @param shuffle whether to reshuffle the training examples before each epoch
     * @return this
     */
    public FitOptions shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /**
     * @param verbose 0 = silent, 1 = progress bar, 2 = one line per epoch
     * @return this
     */
    public FitOptions verbose(int verbose) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("fit: verbose must be 0 (silent), 1 (progress bar) or 2 (one line per"
                    + " epoch) but was " + verbose);
        }
        this.verbose = verbose;
        return this;
    }

    /**
     * Adds callbacks that are told about the progress of training.
     *
     * @param callbacks the callbacks
     * @return this
     */
    public FitOptions callbacks(Callback... callbacks) {
        for (Callback c : callbacks) {
            if (c == null) throw new IllegalArgumentException("fit: a callback is null");
            this.callbacks.add(c);
        }
        return this;
    }

    /** @return the number of epochs */
    public int epochs() {
        return epochs;
    }

    /** @return the batch size */
    public int batchSize() {
        return batchSize;
    }

    /** @return the validation fraction */
    public double validationSplit() {
        return validationSplit;
    }

    /** @return whether examples are reshuffled every epoch */
    public boolean shuffle() {
        return shuffle;
    }

    /** @return the verbosity */
    public int verbose() {
        return verbose;
    }

    /** The validation inputs given to {@link #validationData}, or null. */
    Tensor validationX() {
        return validationX;
    }

    /** The validation targets given to {@link #validationData}, or null. */
    Tensor validationY() {
        return validationY;
    }

    /** @return the callbacks (a copy) */
    public List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }
}
