package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void factoriesShapesAndRowMajorLayout() {
        Tensor t = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(2, t.rank());
        assertEquals(6, t.size());
        assertEquals(6f, t.get(1, 2));
        assertEquals(2f, t.get(0, 1));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.toArray());
        assertArrayEquals(new float[] {4, 5, 6}, t.row(1).toArray());
        assertArrayEquals(new int[] {3}, t.row(1).shape());
        assertArrayEquals(new float[] {4, 5, 6}, t.toArray2D()[1]);
        assertArrayEquals(new int[] {3, 2}, t.reshape(3, -1).shape());
        assertEquals(Tensor.of(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}), t);
        assertArrayEquals(new int[] {2, 2}, Tensor.zeros(2, 2).shape());
        assertArrayEquals(new float[] {0.5f, 0.25f}, Tensor.of(0.5, 0.25).toArray());
        assertArrayEquals(new float[] {0, 2, 1}, Tensor.of(new int[] {0, 2, 1}).toArray());
    }

    @Test
    void argmaxPerRowTakesFirstOfTies() {
        Tensor t = Tensor.of(new float[][] {{0.1f, 0.7f, 0.2f}, {3, 3, 1}, {-1, -2, -0.5f}});
        assertArrayEquals(new int[] {1, 0, 2}, t.argmax());
        assertArrayEquals(new int[] {3}, Tensor.of(1, 2, 3, 9).argmax());
    }

    @Test
    void cannotBeChangedFromOutside() {
        float[] data = {1, 2, 3, 4};
        Tensor t = Tensor.of(new int[] {2, 2}, data);
        data[0] = 99;
        t.toArray()[1] = 99;
        t.toArray2D()[1][0] = 99;
        int[] shape = t.shape();
        shape[0] = 7;
        assertArrayEquals(new float[] {1, 2, 3, 4}, t.toArray());
        assertArrayEquals(new int[] {2, 2}, t.shape());
    }

    @Test
    void toStringLooksLikeNumpy() {
        assertEquals("Tensor(2, 2) [[1.0, 2.5],\n [-3.0, 0.125]]", Tensor.of(new float[][] {{1, 2.5f}, {-3, 0.125f}}).toString());
        String big = Tensor.zeros(2000, 3).toString();
        assertTrue(big.contains("..."), big);
        assertTrue(big.length() < 300, big);
    }

    @Test
    void badShapesAndIndicesAreExplained() {
        assertEquals("Tensor.of: shape (2, 3) needs 6 values but data has 5",
                assertThrows(IllegalArgumentException.class, () -> Tensor.of(new int[] {2, 3}, new float[5])).getMessage());
        assertEquals("Tensor.of: row 1 has 2 values but row 0 has 3; all rows must have the same length",
                assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[][] {{1, 2, 3}, {4, 5}})).getMessage());
        assertEquals("get: index 2 on axis 0 is outside [0, 2) for shape (2, 2)",
                assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 2).get(2, 0)).getMessage());
        assertEquals("reshape: cannot view 6 elements of shape (2, 3) as (4, -1)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(4, -1)).getMessage());
    }
}
