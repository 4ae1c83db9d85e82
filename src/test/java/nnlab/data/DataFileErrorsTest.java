package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every way a data file can be missing, truncated or malformed gets a message that says where and what. */
class DataFileErrorsTest {
    @TempDir
    Path dir;

    private static byte[] packaged(String name) throws IOException {
        try (InputStream in = DataFileErrorsTest.class.getClassLoader()
                .getResourceAsStream(DataFile.RESOURCE_FOLDER + name)) {
            return in.readAllBytes();
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String failure(Executable load, String... fragments) {
        DataFileException e = assertThrows(DataFileException.class, load);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "expected `" + fragment + "` in: " + e.getMessage());
        }
        return e.getMessage();
    }

    @Test
    void copiesOfThePackagedFilesLoadLikeThePackagedOnes() throws IOException {
        Path png = write("digits.png", packaged(Datasets.DIGITS20_FILE));
        assertEquals(5000, Datasets.digits20(png).size());
        assertEquals(1797, Datasets.digits8x8(write("d.csv.gz", packaged(Datasets.DIGITS8_FILE))).size());
        assertEquals(150, Datasets.iris(write("iris.csv", packaged(Datasets.IRIS_FILE))).size());
        assertEquals(569, Datasets.breastCancer(write("bc.csv", packaged(Datasets.BREAST_CANCER_FILE))).size());
    }

    @Test
    void missingFileIsNamedWithWhereToGetIt() {
        Path absent = dir.resolve("nope.csv");
        failure(() -> Datasets.iris(absent), absent.toAbsolutePath().toString(), "does not exist",
                "datasets/README.md");
    }

    @Test
    void emptyCsv() throws IOException {
        Path file = write("iris.csv", "");
        failure(() -> Datasets.iris(file), "iris.csv: line 1: the file is empty");
    }

    @Test
    void csvHeaderWithTheWrongNumberOfFields() throws IOException {
        Path file = write("iris.csv", "150,4,setosa,versicolor\n");
        failure(() -> Datasets.iris(file), "line 1: expected a header of 5 comma-separated fields", "found 4");
    }

    @Test
    void csvHeaderWithTheWrongFeatureCount() throws IOException {
        Path file = write("iris.csv", "1,5,setosa,versicolor,virginica\n1,2,3,4,5,0\n");
        failure(() -> Datasets.iris(file), "line 1, field 2: expected 4 features, the header says 5");
    }

    @Test
    void csvHeaderThatIsNotANumber() throws IOException {
        Path file = write("iris.csv", "many,4,setosa,versicolor,virginica\n");
        failure(() -> Datasets.iris(file), "line 1, column 1: expected the number of examples", "found `many`");
    }

    @Test
    void truncatedCsvHasFewerRowsThanItsHeaderPromises() throws IOException {
        String text = new String(packaged(Datasets.IRIS_FILE), StandardCharsets.UTF_8);
        String cut = text.substring(0, text.indexOf('\n', text.length() / 2) + 1);
        Path file = write("iris.csv", cut);
        failure(() -> Datasets.iris(file), "the header promises 150 rows but the file has", "truncated");
    }

    @Test
    void csvRowWithMissingValuesNamesItsLine() throws IOException {
        String text = new String(packaged(Datasets.IRIS_FILE), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        lines[7] = "5.0,3.4,1.5,0";
        Path file = write("iris.csv", String.join("\n", lines) + "\n");
        failure(() -> Datasets.iris(file), "line 8: expected 5 comma-separated values (4 features, then the class),"
                + " found 4: `5.0,3.4,1.5,0`");
    }

    @Test
    void csvValueThatIsNotANumberNamesLineAndColumn() throws IOException {
        String text = new String(packaged(Datasets.BREAST_CANCER_FILE), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        String[] fields = lines[3].split(",");
        fields[2] = "12;3";
        lines[3] = String.join(",", fields);
        Path file = write("bc.csv", String.join("\n", lines) + "\n");
        failure(() -> Datasets.breastCancer(file), "line 4, column 3: expected a number, found `12;3`");
    }

    @Test
    void csvClassOutOfRange() throws IOException {
        Path file = write("iris.csv", "2,4,setosa,versicolor,virginica\n1,2,3,4,0\n1,2,3,4,3\n");
        failure(() -> Datasets.iris(file), "line 3, column 5: class 3 is out of range; expected 0..2");
    }

    @Test
    void truncatedGzipSaysHowMuchCouldBeRead() throws IOException {
        byte[] gz = packaged(Datasets.DIGITS8_FILE);
        Path file = write("digits.csv.gz", Arrays.copyOf(gz, gz.length / 2));
        failure(() -> Datasets.digits8x8(file), "digits.csv.gz: the gzip stream ends early", "file is truncated",
                "bytes could be decompressed");
    }

    @Test
    void damagedGzipIsReported() throws IOException {
        byte[] gz = packaged(Datasets.DIGITS8_FILE);
        // overwrite the stored CRC-32 of the uncompressed data (the trailer's first four bytes)
        gz[gz.length - 8] ^= 0x55;
        Path file = write("digits.csv.gz", gz);
        failure(() -> Datasets.digits8x8(file), "the gzip stream is damaged");
    }

    @Test
    void digits8x8WithMissingRowsIsTruncated() throws IOException {
        String text = "0,".repeat(64) + "0\n";
        Path file = write("digits.csv.gz", gzip(text.repeat(10)));
        failure(() -> Datasets.digits8x8(file), "expected 1797 rows, found 10 (the file is truncated)");
    }

    @Test
    void notAPng() throws IOException {
        Path file = write("digits.png", "GIF89a not a png");
        failure(() -> Datasets.digits20(file), "byte 0: not a PNG file");
    }

    @Test
    void truncatedPngNamesTheChunkAndByte() throws IOException {
        byte[] png = packaged(Datasets.DIGITS20_FILE);
        Path file = write("digits.png", Arrays.copyOf(png, 100_000));
        String message = failure(() -> Datasets.digits20(file), "needs", "ends at byte 100000 (truncated)");
        assertTrue(message.matches(".*byte \\d+: chunk \\w{4} needs \\d+ bytes.*"), message);
    }

    @Test
    void damagedPngChunkFailsItsCrc() throws IOException {
        byte[] png = packaged(Datasets.DIGITS20_FILE);
        png[png.length / 2] ^= 0x01;
        Path file = write("digits.png", png);
        failure(() -> Datasets.digits20(file), "fails its CRC check (the file is damaged)");
    }

    @Test
    void pngOfTheWrongSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        Path file = write("digits.png", out.toByteArray());
        failure(() -> Datasets.digits20(file), "expected a 2000x1000 image, found 40x20");
    }

    @Test
    void missingFashionMnistSaysHowToInstallIt() {
        failure(() -> Datasets.fashionMnist(dir), "Fashion-MNIST is not in " + dir.toAbsolutePath(),
                "sudo apt-get install dataset-fashion-mnist", "Datasets.fashionMnist(Path.of(");
    }

    @Test
    void idxFileWithTheWrongMagicNumber() throws IOException {
        writeFashion(idx(new int[] {2, 2, 2}, new byte[8]), idx(new int[] {2}, new byte[2]));
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(labels, idx(new int[] {2, 1}, new byte[2]));
        failure(() -> Datasets.fashionMnist(dir), "train-labels-idx1-ubyte: byte 0: expected the IDX magic number"
                + " 0x00000801 (unsigned bytes, 1 dimensions), found 0x00000802");
    }

    @Test
    void truncatedIdxFile() throws IOException {
        byte[] images = idx(new int[] {3, 2, 2}, new byte[12]);
        writeFashion(Arrays.copyOf(images, images.length - 5), idx(new int[] {3}, new byte[3]));
        failure(() -> Datasets.fashionMnist(dir), "train-images-idx3-ubyte: the header promises 12 bytes of data"
                + " after byte 16, but the data ends at byte 23 (truncated)");
    }

    @Test
    void idxHeaderCutShort() throws IOException {
        writeFashion(new byte[] {0, 0, 8, 3, 0, 0}, idx(new int[] {1}, new byte[1]));
        failure(() -> Datasets.fashionMnist(dir), "byte 6: the file ends inside its 16-byte IDX header (truncated)");
    }

    @Test
    void idxLabelsThatDoNotMatchTheImages() throws IOException {
        writeFashion(idx(new int[] {3, 2, 2}, new byte[12]), idx(new int[] {2}, new byte[2]));
        failure(() -> Datasets.fashionMnist(dir), "train-labels-idx1-ubyte: has 2 labels but the images file has 3");
    }

    @Test
    void idxLabelOutOfRange() throws IOException {
        writeFashion(idx(new int[] {2, 2, 2}, new byte[8]), idx(new int[] {2}, new byte[] {3, 12}));
        failure(() -> Datasets.fashionMnist(dir), "byte 9: label 12 is out of range; expected 0..9");
    }

    @Test
    void gzippedIdxFilesAreReadToo() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idx(new int[] {2, 2, 2}, new byte[8])));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idx(new int[] {2}, new byte[] {1, 9})));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(new int[] {1, 2, 2}, new byte[] {0, 0, 0, (byte) 255}));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {1}, new byte[] {4}));
        Split tiny = Datasets.fashionMnist(dir);
        assertEquals(2, tiny.train().size());
        assertEquals(9, tiny.train().labels()[1]);
        assertEquals(1f, tiny.test().x().toArray()[3]);
    }

    private void writeFashion(byte[] images, byte[] labels) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), images);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels);
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels);
    }

    /** An IDX file of unsigned bytes with the given dimensions. */
    private static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buffer.putInt(0x0800 | dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        buffer.put(data);
        return buffer.array();
    }

    private static byte[] gzip(String text) throws IOException {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
