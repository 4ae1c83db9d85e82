package nnlab.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One data file, either packaged in the jar (under {@code nnlab/datasets/}) or at a path the user
 * gave, read whole into memory. It knows how to describe itself in error messages and how the user
 * can get a good copy.
 */
final class DataFile {
    /** Where {@code pom.xml} puts the project's {@code datasets/} folder on the classpath. */
    static final String RESOURCE_FOLDER = "nnlab/datasets/";

    private final String label;
    private final String remedy;
    private final byte[] bytes;

    private DataFile(String label, String remedy, byte[] bytes) {
        this.label = label;
        this.remedy = remedy;
        this.bytes = bytes;
    }

    /** Reads a file of the project's {@code datasets/} folder from the classpath. */
    static DataFile resource(String fileName) {
        String label = "datasets/" + fileName + " (on the classpath as " + RESOURCE_FOLDER + fileName + ")";
        String remedy = "rebuild the jar with `mvn -B package` from a checkout that has datasets/" + fileName
                + " (see datasets/README.md for where it comes from)";
        try (InputStream in = DataFile.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + fileName)) {
            if (in == null) {
                throw new DataFileException(label + " is missing: " + remedy);
            }
            return new DataFile(label, remedy, in.readAllBytes());
        } catch (IOException e) {
            throw new DataFileException(label + " could not be read (" + e.getMessage() + "): " + remedy, e);
        }
    }

    /** Reads a file the user named; {@code remedy} says how to get a good copy. */
    static DataFile path(Path file, String remedy) {
        String label = file.toAbsolutePath().toString();
        try {
            return new DataFile(label, remedy, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DataFileException(label + " does not exist: " + remedy, e);
        } catch (IOException e) {
            throw new DataFileException(label + " could not be read (" + e + "): " + remedy, e);
        }
    }

    byte[] bytes() {
        return bytes;
    }

    /**
     * The contents, gunzipped when the file starts with the gzip signature; a truncated or damaged
     * gzip stream is reported with the number of bytes that could be recovered.
     */
    byte[] contents() {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            in.transferTo(out);
        } catch (EOFException e) {
            throw fail("the gzip stream ends early: the " + bytes.length + "-byte file is truncated (only "
                    + out.size() + " bytes could be decompressed)");
        } catch (ZipException e) {
            throw fail("the gzip stream is damaged (" + e.getMessage() + ") after " + out.size()
                    + " decompressed bytes");
        } catch (IOException e) {
            throw fail("could not be decompressed (" + e + ")");
        }
        return out.toByteArray();
    }

    /** An error about this file: {@code <file>: <problem>. To fix: <remedy>}. */
    DataFileException fail(String problem) {
        return new DataFileException(label + ": " + problem + ". To fix: " + remedy);
    }
}
