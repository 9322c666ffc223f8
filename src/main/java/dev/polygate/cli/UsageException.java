package dev.polygate.cli;

/** Bad input from the user: printed as one line, exit code 2, nothing written. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
