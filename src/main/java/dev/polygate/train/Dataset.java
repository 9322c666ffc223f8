package dev.polygate.train;

import dev.polygate.model.Target;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Training data: x ~ N(0, 1), t = f(x) (computed in double, stored as float). The inputs depend
 * only on the seed and the sample count, so every kind and target of one seed sees the same x:
 * comparisons across kinds are paired by seed.
 */
public record Dataset(float[] x, float[] t) {

    public static Dataset of(long seed, int samples, Target target) {
        UniformRandomProvider rng = Seeds.generator(seed, "data");
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        float[] x = new float[samples];
        float[] t = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) gauss.sample();
            t[i] = (float) target.value(x[i]);
        }
        return new Dataset(x, t);
    }
}
