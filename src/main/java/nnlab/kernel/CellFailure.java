package nnlab.kernel;

/** Ends a cell with a {@link CellError} (a compile error, an exception, an interrupt, a bad magic). */
final class CellFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CellError error;

    CellFailure(CellError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    /** A mistake in a magic's arguments: what was wrong and how to write it. */
    static CellFailure magic(String message) {
        return new CellFailure(new CellError("MagicError", message,
                java.util.List.of(ErrorFormatter.BOLD_RED + "Magic error: " + ErrorFormatter.RESET + message)));
    }

    CellError error() {
        return error;
    }
}
