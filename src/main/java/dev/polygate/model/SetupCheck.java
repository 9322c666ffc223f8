package dev.polygate.model;

import java.util.Locale;

/**
 * Whether a {@link TrainingSetup} can train a model, checked before any run starts (the command
 * line refuses, in one line, what would otherwise fail mid-sweep): the initialisation must apply
 * to the model ({@link Initializer#applies}), and a second-order optimiser ({@code lm},
 * {@code readout}) builds a dense Jacobian of samples × parameters doubles, which must stay within
 * {@link #MAX_JACOBIAN_ENTRIES}. Second-order methods always compute in float64, whatever the
 * setup's precision.
 */
public final class SetupCheck {
    /** The largest dense Jacobian a second-order optimiser may build: samples × parameters doubles (400 MB). */
    public static final long MAX_JACOBIAN_ENTRIES = 50_000_000L;

    private SetupCheck() {
    }

    /** The entries of the dense Jacobian of {@code model} on {@code samples} points: samples × parameters. */
    public static long jacobianEntries(ModelSpec model, int samples) {
        return (long) samples * model.layout().size();
    }

    /**
     * @throws IllegalArgumentException in one line naming the option and the limit, if {@code setup}
     *                                  cannot train {@code model} on {@code samples} points
     */
    public static void require(TrainingSetup setup, ModelSpec model, int samples) {
        if (!Initializer.applies(setup.init(), model)) {
            throw new IllegalArgumentException("--init " + setup.init().text() + " applies to "
                    + Initializer.SPLINE_APPLIES_TO + ", not to " + model.activation().cliName() + " "
                    + model.kind().cliName() + " at depth " + model.depth());
        }
        if (setup.optimizer().secondOrder()) {
            long entries = jacobianEntries(model, samples);
            if (entries > MAX_JACOBIAN_ENTRIES) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "--optimizer %s needs a dense Jacobian of samples x parameters = %d x %d = %d doubles, over "
                                + "the limit of %d (%d MB); use fewer samples or a smaller model",
                        setup.optimizer().text(), samples, model.layout().size(), entries, MAX_JACOBIAN_ENTRIES,
                        MAX_JACOBIAN_ENTRIES * Double.BYTES / 1_000_000));
            }
        }
    }

    /** {@link #require} for a run. */
    public static void require(RunSpec run) {
        require(run.setup(), run.model(), run.samples());
    }
}
