package nnlab.display;

import java.util.ArrayList;
import java.util.List;

/** Which indices to show of a long axis: all of them, or the first and last few around a -1 gap. */
final class Elision {
    private Elision() {}

    /**
     * All indices {@code 0..n-1} when {@code n <= max}; otherwise {@code edge} from each end with
     * -1 marking the gap.
     */
    static List<Integer> keep(int n, int max, int edge) {
        List<Integer> kept = new ArrayList<>();
        if (n <= max) {
            for (int i = 0; i < n; i++) {
                kept.add(i);
            }
            return kept;
        }
        for (int i = 0; i < edge; i++) {
            kept.add(i);
        }
        kept.add(-1);
        for (int i = n - edge; i < n; i++) {
            kept.add(i);
        }
        return kept;
    }
}
