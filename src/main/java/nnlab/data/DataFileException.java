package nnlab.data;

/**
 * A data file is missing, truncated or not in the expected format. The message names the file,
 * the place (line, or byte offset) and what was expected there, and says how to get a good copy.
 */
public final class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DataFileException(String message) {
        super(message);
    }

    DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
