package nnlab.data;

import java.nio.ByteBuffer;

/**
 * Reads the IDX format of (Fashion-)MNIST: two zero bytes, the element type {@code 0x08}
 * (unsigned byte), the number of dimensions, each dimension as a big-endian int, then the data.
 * Offsets in error messages count bytes of the decompressed data.
 */
final class IdxReader {
    private IdxReader() {}

    /** The unsigned bytes of an IDX file of {@code dimensions} dimensions; {@code shape} receives its sizes. */
    static byte[] read(DataFile file, int dimensions, int[] shape) {
        byte[] bytes = file.contents();
        int headerLength = 4 + 4 * dimensions;
        if (bytes.length < headerLength) {
            throw file.fail("byte " + bytes.length + ": the file ends inside its " + headerLength
                    + "-byte IDX header (truncated)");
        }
        int expectedMagic = 0x0800 | dimensions;
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int magic = buffer.getInt(0);
        if (magic != expectedMagic) {
            throw file.fail(String.format("byte 0: expected the IDX magic number 0x%08X (unsigned bytes, %d"
                    + " dimensions), found 0x%08X", expectedMagic, dimensions, magic));
        }
        long count = 1;
        for (int d = 0; d < dimensions; d++) {
            shape[d] = buffer.getInt(4 + 4 * d);
            if (shape[d] <= 0) {
                throw file.fail("byte " + (4 + 4 * d) + ": dimension " + (d + 1) + " is " + shape[d]
                        + ", expected a positive size");
            }
            count *= shape[d];
        }
        if (headerLength + count != bytes.length) {
            throw file.fail("the header promises " + count + " bytes of data after byte " + headerLength
                    + ", but the data " + (headerLength + count > bytes.length
                    ? "ends at byte " + bytes.length + " (truncated)" : "goes on to byte " + bytes.length));
        }
        byte[] data = new byte[(int) count];
        System.arraycopy(bytes, headerLength, data, 0, data.length);
        return data;
    }
}
