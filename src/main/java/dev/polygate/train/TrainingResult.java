package dev.polygate.train;

import dev.polygate.model.RunSpec;

/**
 * What one run produced. {@code curve[t]} is the training MSE after t Adam steps (t = 0..steps),
 * so {@code curve[steps]} is the final MSE. A run whose loss became NaN or ±Inf is diverged: its
 * curve stops at {@code divergedAt} and its final MSE is NaN.
 */
public record TrainingResult(RunSpec spec, int parameterCount, double finalMse, float[] curve, boolean diverged,
                             int divergedAt, double wallSeconds, float[] parameters) {

    /** Seconds per training step (forward + backward + Adam), from the wall time. */
    public double secondsPerStep() {
        int steps = diverged ? Math.max(divergedAt, 1) : spec.steps();
        return wallSeconds / steps;
    }
}
