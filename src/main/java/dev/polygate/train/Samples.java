package dev.polygate.train;

import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Training or test points in double: x from the run's inputs (N(0, 1), or uniform on [a, b]),
 * t = f(x) computed in double; the float64 path trains on them as they are, the float32 path on
 * {@link #toFloat()} ({@link Dataset}). The inputs
 * depend only on the seed, the sample count and the inputs' distribution, so every kind and
 * target of one seed sees the same x: comparisons across kinds are paired by seed.
 */
public record Samples(double[] x, double[] t) {

        /**
     * Training data of {@code samples} points. Normal inputs are drawn as they always were (the
     * float32 path rounds x to float before computing t, as before setups existed, so the study's
     * runs keep their bits); uniform inputs are a + (b − a)·u with u uniform in [0, 1).
     */
    public static Samples training(long seed, int samples, Target target, TrainingSetup.Inputs inputs) {
        UniformRandomProvider rng = Seeds.generator(seed, "data");
        double[] x = new double[samples];
        double[] t = new double[samples];
        if (inputs.uniform()) {
            for (int i = 0; i < samples; i++) {
                x[i] = inputs.low() + (inputs.high() - inputs.low()) * rng.nextDouble();
                t[i] = target.value(x[i]);
            }
        } else {
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < samples; i++) {
                // Rounded to float first: the study's data (x as float, t = f(float x)), bit for bit.
                x[i] = (float) gauss.sample();
                t[i] = target.value(x[i]);
            }
        }
        return new Samples(x, t);
    }

    /**
     * The held-out test set of {@code samples} points: for uniform inputs the uniform grid
     * a, a + h, …, b (h = (b − a)/(samples − 1); one point: the midpoint); for normal inputs fresh
     * N(0, 1) draws from a generator of their own.
     */
    public static Samples test(long seed, int samples, Target target, TrainingSetup.Inputs inputs) {
        double[] x = new double[samples];
        double[] t = new double[samples];
        if (inputs.uniform()) {
            for (int i = 0; i < samples; i++) {
                x[i] = samples == 1 ? 0.5 * (inputs.low() + inputs.high())
                        : inputs.low() + (inputs.high() - inputs.low()) * i / (samples - 1);
                t[i] = target.value(x[i]);
            }
        } else {
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(Seeds.generator(seed, "test"));
            for (int i = 0; i < samples; i++) {
                x[i] = (float) gauss.sample();
                t[i] = target.value(x[i]);
            }
        }
        return new Samples(x, t);
    }

    public int size() {
        return x.length;
    }

    /** The same points rounded to float once, for the vector kernels. */
    public Dataset toFloat() {
        return new Dataset(toFloat(x), toFloat(t));
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
