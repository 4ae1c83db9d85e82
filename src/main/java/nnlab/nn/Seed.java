package nnlab.nn;

import java.util.SplittableRandom;

/**
 * The global random seed, like TensorFlow's {@code tf.random.set_seed}: after
 * {@code Seed.setGlobal(1234)} every model that has no seed of its own draws its seed from a
 * sequence fixed by 1234, so re-running the same cells gives the same weights and results.
 */
public final class Seed {
    private static SplittableRandom global;

    private Seed() {}

    /**
     * Fixes the seeds of all models created (built) from now on that have no seed of their own.
     *
     * @param seed any number
     */
    public static synchronized void setGlobal(long seed) {
        global = new SplittableRandom(seed);
    }

    /** Forgets the global seed: models without a seed of their own become random again. */
    public static synchronized void clearGlobal() {
        global = null;
    }

    /** The seed for the next unseeded model: from the global sequence, or fresh randomness. */
    static synchronized long next() {
        return global != null ? global.nextLong() : new SplittableRandom().nextLong();
    }
}
