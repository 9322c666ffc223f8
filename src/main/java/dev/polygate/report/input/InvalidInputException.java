package dev.polygate.report.input;

/**
 * An input file a report is built from cannot be used: missing, empty, not JSON, or not the
 * expected content. The message is one line that starts with the file and says what is wrong;
 * commands print it and exit with code 2.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
