package dev.polygate.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Initial parameters. {@link TrainingSetup.Init#PYTORCH}: PyTorch's {@code nn.Linear} default,
 * every weight and bias of a map with fan-in f drawn from U(−1/√f, +1/√f), tensors in layout
 * order, weights before biases. {@link TrainingSetup.Init#SPLINE}: the spline ("MASO")
 * initialisation of Queiruga 2026 (arXiv 2602.14495) for one hidden layer of ReLU units: unit i of
 * n has gate weight s_i = ±1 (alternating, + first) and bias −s_i·c_i with c = linspace(−1, 1, n)
 * (c = −1 for n = 1), so its kink sits at x = c_i — a uniform grid of [−1, 1], half the units facing
 * each way, none dead on the interval; the value branch (gated), the read-out weights and bias
 * ~ N(0, 1), drawn in that order.
 */
public final class Initializer {
    private Initializer() {
    }

    /** What the spline initialisation applies to, for messages. */
    public static final String SPLINE_APPLIES_TO = "one hidden layer (--depth 1) of relu units of kind plain, squared "
            + "or gated";

    /** Whether {@code init} can initialise {@code model}. */
    public static boolean applies(TrainingSetup.Init init, ModelSpec model) {
        return init == TrainingSetup.Init.PYTORCH || model.depth() == 1 && model.activation() == Activation.RELU
                && (model.kind() == LayerKind.PLAIN || model.kind() == LayerKind.SQUARED
                || model.kind() == LayerKind.GATED);
    }

    /**
     * Initial parameters in double for the float64 path: the spline values exactly, or the
     * PyTorch draws (floats) widened.
     *
     * @throws IllegalArgumentException if {@code init} does not apply to {@code model}
     */
    public static double[] initialiseDouble(ModelSpec model, TrainingSetup.Init init, UniformRandomProvider rng) {
        if (init == TrainingSetup.Init.PYTORCH) {
            float[] f = initialise(model.layout(), rng);
            double[] p = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                p[i] = f[i];
            }
            return p;
        }
        if (!applies(init, model)) {
            throw new IllegalArgumentException("--init spline applies to " + SPLINE_APPLIES_TO + ", not to "
                    + model.activation().cliName() + " " + model.kind().cliName() + " at depth " + model.depth());
        }
        ParameterLayout layout = model.layout();
        int n = model.width();
        double[] p = new double[layout.size()];
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int w = layout.weightOffset(0);
        int b = layout.biasOffset(0);
        for (int i = 0; i < n; i++) {
            double sign = i % 2 == 0 ? 1 : -1;
            double c = n == 1 ? -1 : -1 + 2.0 * i / (n - 1);
            p[w + i] = sign;
            p[b + i] = -sign * c;
        }
        if (model.kind() == LayerKind.GATED) {
            for (int i = 0; i < n; i++) {
                p[w + n + i] = gauss.sample();
            }
            for (int i = 0; i < n; i++) {
                p[b + n + i] = gauss.sample();
            }
        }
        for (int i = 0; i < n; i++) {
            p[layout.readoutWeightOffset() + i] = gauss.sample();
        }
        p[layout.readoutBiasOffset()] = gauss.sample();
        return p;
    }

    /** Initial parameters for the float32 kernels: {@link #initialiseDouble} rounded, or the PyTorch draws. */
    public static float[] initialise(ModelSpec model, TrainingSetup.Init init, UniformRandomProvider rng) {
        if (init == TrainingSetup.Init.PYTORCH) {
            return initialise(model.layout(), rng);
        }
        double[] d = initialiseDouble(model, init, rng);
        float[] p = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            p[i] = (float) d[i];
        }
        return p;
    }

    public static float[] initialise(ParameterLayout layout, UniformRandomProvider rng) {
        float[] p = new float[layout.size()];
        for (int l = 0; l < layout.depth(); l++) {
            float bound = (float) (1.0 / Math.sqrt(layout.fanIn(l)));
            fill(p, layout.weightOffset(l), layout.rows() * layout.fanIn(l), bound, rng);
            fill(p, layout.biasOffset(l), layout.rows(), bound, rng);
        }
        float bound = (float) (1.0 / Math.sqrt(layout.width()));
        fill(p, layout.readoutWeightOffset(), layout.width(), bound, rng);
        fill(p, layout.readoutBiasOffset(), 1, bound, rng);
        return p;
    }

    private static void fill(float[] p, int offset, int count, float bound, UniformRandomProvider rng) {
        for (int i = 0; i < count; i++) {
            p[offset + i] = (2f * rng.nextFloat() - 1f) * bound;
        }
    }
}
