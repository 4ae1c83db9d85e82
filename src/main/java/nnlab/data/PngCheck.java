package nnlab.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Decodes a grey-scale PNG after walking its chunk structure, so that a truncated or damaged file
 * is reported with the byte offset of the bad chunk instead of a bare decoder exception.
 */
final class PngCheck {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngCheck() {}

    /** The image's grey levels (0-255), row by row, after checking it is {@code width x height}. */
    static int[] grey(DataFile file, int width, int height) {
        byte[] bytes = file.bytes();
        checkChunks(file, bytes);
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw file.fail("the PNG image data cannot be decoded (" + e.getMessage() + ")");
        }
        if (image == null) {
            throw file.fail("the PNG image data cannot be decoded");
        }
        if (image.getWidth() != width || image.getHeight() != height) {
            throw file.fail("expected a " + width + "x" + height + " image, found " + image.getWidth() + "x"
                    + image.getHeight());
        }
        int[] grey = new int[width * height];
        Raster raster = image.getRaster();
        if (raster.getNumBands() == 1) {
            raster.getPixels(0, 0, width, height, grey);
        } else {
            for (int i = 0; i < grey.length; i++) {
                int rgb = image.getRGB(i % width, i / width);
                grey[i] = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
            }
        }
        return grey;
    }

    /** Walks signature, chunks and CRCs up to IEND. */
    private static void checkChunks(DataFile file, byte[] bytes) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (i >= bytes.length || bytes[i] != SIGNATURE[i]) {
                throw file.fail("byte " + i + ": not a PNG file (expected the signature 89 50 4E 47 0D 0A 1A 0A)");
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int at = SIGNATURE.length;
        while (true) {
            if (at + 8 > bytes.length) {
                throw file.fail("byte " + at + ": the file ends where a PNG chunk header was expected (the file is "
                        + bytes.length + " bytes long and was probably truncated)");
            }
            long length = buffer.getInt(at) & 0xffffffffL;
            String type = new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1);
            long end = at + 12 + length;
            if (end > bytes.length) {
                throw file.fail("byte " + at + ": chunk " + type + " needs " + length + " bytes of data but the file"
                        + " ends at byte " + bytes.length + " (truncated)");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, at + 4, (int) length + 4);
            long stored = buffer.getInt((int) end - 4) & 0xffffffffL;
            if (crc.getValue() != stored) {
                throw file.fail("byte " + at + ": chunk " + type + " fails its CRC check (the file is damaged)");
            }
            if (type.equals("IEND")) {
                return;
            }
            at = (int) end;
        }
    }
}
