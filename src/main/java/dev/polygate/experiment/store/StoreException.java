package dev.polygate.experiment.store;

/**
 * A run store that cannot be used as asked, in one line naming the file and what is wrong: a damaged
 * line, a store of another design or numerics, two records of one run that disagree. Commands turn
 * it into exit code 2 with nothing written.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }
}
