package nnlab.display;

import java.util.ArrayList;
import java.util.List;
import nnlab.nn.Tensor;

/**
 * A tensor as a {@link Grid}: a vector as one row, a matrix as rows and columns, and higher ranks
 * as rows labelled by their leading indices. Long axes are elided in the middle, and the caption
 * always gives the full shape.
 */
final class TensorGrid {
    private TensorGrid() {}

    static String shape(int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    static Grid of(Tensor t, String caption, int maxRows, int maxCols, int edge) {
        int[] shape = t.shape();
        float[] data = t.toArray();
        int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        int rows = cols == 0 ? 0 : data.length / cols;
        List<Integer> keptCols = Elision.keep(cols, maxCols, edge);
        List<String> header = new ArrayList<>();
        header.add("");
        keptCols.forEach(c -> header.add(c < 0 ? Grid.ELLIPSIS : Integer.toString(c)));
        Grid grid = new Grid(caption, header).withRowLabels();
        for (int r : Elision.keep(rows, maxRows, edge)) {
            if (r < 0) {
                grid.ellipsisRow();
                continue;
            }
            List<String> cells = new ArrayList<>();
            cells.add(rowLabel(shape, r));
            for (int c : keptCols) {
                cells.add(c < 0 ? Grid.ELLIPSIS : Html.number(data[r * cols + c]));
            }
            grid.row(cells);
        }
        return grid;
    }

    /** Row r of the flattened leading axes, as its index tuple: 3, or (1, 2) for rank 3. */
    private static String rowLabel(int[] shape, int r) {
        if (shape.length <= 2) {
            return shape.length == 1 ? "" : Integer.toString(r);
        }
        int[] index = new int[shape.length - 1];
        for (int axis = shape.length - 2; axis >= 0; axis--) {
            index[axis] = r % shape[axis];
            r /= shape[axis];
        }
        return shape(index).replace(",)", ")");
    }
}
