package dev.polygate.train;

import dev.polygate.model.RunSpec;

/**
 * What one run produced. {@code curve} holds the training MSE after t Adam steps (t = 0..steps),
 * in full as the trainer made it or thinned as a run store keeps it ({@link LossCurve}); its value
 * at {@code steps} is the final MSE. A run whose loss became NaN or ±Inf is diverged: its
 * curve stops at {@code divergedAt} and its final MSE is NaN — a result, not an error. A run that
 * threw is failed: {@code failure} names the exception, its curve is empty and its MSE NaN; a
 * sweep records it and goes on (null failure: the run finished or diverged). {@code testMse} is
 * the MSE of the final parameters on the run's held-out test set ({@link
 * dev.polygate.model.TrainingSetup#testSamples()}), NaN without one.
 */
public record TrainingResult(RunSpec spec, int parameterCount, double finalMse, LossCurve curve, boolean diverged,
                             int divergedAt, double wallSeconds, float[] parameters, String failure, double testMse) {

    /** A run that finished or diverged, with no test set (test MSE NaN). */
    public TrainingResult(RunSpec spec, int parameterCount, double finalMse, LossCurve curve, boolean diverged,
                          int divergedAt, double wallSeconds, float[] parameters) {
        this(spec, parameterCount, finalMse, curve, diverged, divergedAt, wallSeconds, parameters, null, Double.NaN);
    }

    /** A run as above, or failed ({@code failure} not null), with no test set. */
    public TrainingResult(RunSpec spec, int parameterCount, double finalMse, LossCurve curve, boolean diverged,
                          int divergedAt, double wallSeconds, float[] parameters, String failure) {
        this(spec, parameterCount, finalMse, curve, diverged, divergedAt, wallSeconds, parameters, failure, Double.NaN);
    }

    /** This result with the MSE of the final parameters on the run's held-out test set. */
    public TrainingResult withTestMse(double mse) {
        return new TrainingResult(spec, parameterCount, finalMse, curve, diverged, divergedAt, wallSeconds, parameters,
                failure, mse);
    }

    /** A run that threw: the exception's class and message, on one line. */
    public static TrainingResult failed(RunSpec spec, Throwable error, double wallSeconds) {
        String message = error.getMessage() == null ? "" : ": " + error.getMessage().replaceAll("\\s+", " ").strip();
        return new TrainingResult(spec, spec.model().layout().size(), Double.NaN, LossCurve.empty(), false, -1,
                wallSeconds, new float[0], error.getClass().getSimpleName() + message);
    }

    /** This result with its curve thinned to blocks of {@code block} steps and without the final parameters (a stored run). */
    public TrainingResult stored(int block) {
        return new TrainingResult(spec, parameterCount, finalMse, curve.thin(block), diverged, divergedAt, wallSeconds,
                new float[0], failure, testMse);
    }

    public boolean failed() {
        return failure != null;
    }

    /** Seconds per training step (forward + backward + Adam), from the wall time. */
    public double secondsPerStep() {
        int steps = diverged ? Math.max(divergedAt, 1) : spec.steps();
        return wallSeconds / steps;
    }
}
