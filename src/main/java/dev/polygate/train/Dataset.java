package dev.polygate.train;

import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;

/**
 * Training data for the float32 kernels: {@link Samples} rounded to float once. The study's data
 * are x ~ N(0, 1) (rounded to float before t = f(x) is computed in double), so every kind and target
 * of one seed sees the same x: comparisons across kinds are paired by seed.
 */
public record Dataset(float[] x, float[] t) {

    /** The study's data: x ~ N(0, 1). */
    public static Dataset of(long seed, int samples, Target target) {
        return of(seed, samples, target, TrainingSetup.Inputs.NORMAL);
    }

    /** {@link Samples#training} rounded to float. */
    public static Dataset of(long seed, int samples, Target target, TrainingSetup.Inputs inputs) {
        return Samples.training(seed, samples, target, inputs).toFloat();
    }
}
