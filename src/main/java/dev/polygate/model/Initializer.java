package dev.polygate.model;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * PyTorch's {@code nn.Linear} default initialisation: every weight and bias of a map with
 * fan-in f drawn from U(−1/√f, +1/√f). Tensors are drawn in layout order, weights before biases.
 */
public final class Initializer {
    private Initializer() {
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
