package nnlab.nn;

/**
 * Work arrays that {@code fit} reuses from batch to batch, so that training allocates no arrays
 * per batch once every size has been seen. Each slot (one per kind of array, e.g. a layer's
 * {@code z}) remembers its last few lengths: the batch size, the smaller last batch of an epoch,
 * and the validation set.
 */
final class Workspace {
    private static final int LENGTHS_PER_SLOT = 3;
    private final float[][][] slots;
    private final int[] next;

    Workspace(int slotCount) {
        slots = new float[slotCount][LENGTHS_PER_SLOT][];
        next = new int[slotCount];
    }

    /** An array of exactly {@code length} floats for {@code slot}, with arbitrary contents. */
    float[] get(int slot, int length) {
        float[][] kept = slots[slot];
        for (float[] array : kept) {
            if (array != null && array.length == length) return array;
        }
        float[] fresh = new float[length];
        kept[next[slot]] = fresh;
        next[slot] = (next[slot] + 1) % LENGTHS_PER_SLOT;
        return fresh;
    }
}
