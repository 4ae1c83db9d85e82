package nnlab.data;

/**
 * A data set cut into a training part, an optional validation part and a test part (from
 * {@link Dataset#split}, or as published, like Fashion-MNIST's 60,000 / 10,000).
 */
public final class Split {
    private final Dataset train;
    private final Dataset validation;
    private final Dataset test;

    Split(Dataset train, Dataset validation, Dataset test) {
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /** The examples to fit on. */
    public Dataset train() {
        return train;
    }

    /** True when there is a validation part. */
    public boolean hasValidation() {
        return validation != null;
    }

    /** The examples to tune on (watch {@code val_loss}); fails when the split has none. */
    public Dataset validation() {
        if (validation == null) {
            throw new IllegalStateException("this split of " + train.name() + " has no validation part;"
                    + " ask for one with split(validationFraction, testFraction, seed), e.g. split(0.1, 0.2, 42)");
        }
        return validation;
    }

    /** The held-out examples, for the final error estimate only. */
    public Dataset test() {
        return test;
    }

    /**
     * Every part standardized with the training part's feature means and standard deviations,
     * so nothing about the validation and test examples leaks into training.
     */
    public Split standardized() {
        float[] mean = train.featureMeans();
        float[] deviation = train.featureDeviations(mean);
        return new Split(train.scaled(mean, deviation),
                validation == null ? null : validation.scaled(mean, deviation),
                test.scaled(mean, deviation));
    }

    /** Sizes of the parts, e.g. {@code digits20 split: train 3500, validation 500, test 1000}. */
    @Override
    public String toString() {
        return train.name() + " split: train " + train.size()
                + (validation == null ? "" : ", validation " + validation.size()) + ", test " + test.size();
    }
}
