package dev.polygate.train;

import dev.polygate.text.FloatText;

/**
 * SGD with momentum μ as torch.optim.SGD (1.13, {@code _single_tensor_sgd}; no dampening, no
 * Nesterov, no weight decay): with μ &gt; 0, buf ← g at the first step and buf ← μ·buf + g after,
 * then p ← p − lr·buf; with μ = 0, no buffer: p ← p − lr·g. PyTorch's operations in its order:
 * buf·μ + g ({@code mul_}, then {@code add_} with α = 1) and p + (−lr)·buf ({@code add_} with α = −lr),
 * μ and −lr rounded to the tensor's precision, each operation rounded on its own (no fused
 * multiply-add). {@link OfFloat} and {@link OfDouble} are the same loop in float and in double.
 */
public final class Sgd {
    private Sgd() {
    }

    private static double checkMomentum(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + FloatText.shortest(momentum));
        }
        return momentum;
    }

    /** SGD in float32. */
    public static final class OfFloat implements FirstOrderOptimizer<float[]> {
        private final float momentum;
        private final float[] buf;   // null without momentum
        private boolean started;

        public OfFloat(int parameters, double momentum) {
            this.momentum = (float) checkMomentum(momentum);
            this.buf = momentum == 0 ? null : new float[parameters];
        }

        @Override
        public void step(float[] p, float[] g, double lr) {
            float alpha = (float) -lr;
            if (buf == null) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = p[i] + alpha * g[i];
                }
                return;
            }
            for (int i = 0; i < p.length; i++) {
                buf[i] = started ? buf[i] * momentum + g[i] : g[i];
                p[i] = p[i] + alpha * buf[i];
            }
            started = true;
        }
    }

    /** SGD in float64. */
    public static final class OfDouble implements FirstOrderOptimizer<double[]> {
        private final double momentum;
        private final double[] buf;   // null without momentum
        private boolean started;

        public OfDouble(int parameters, double momentum) {
            this.momentum = checkMomentum(momentum);
            this.buf = momentum == 0 ? null : new double[parameters];
        }

        @Override
        public void step(double[] p, double[] g, double lr) {
            double alpha = -lr;
            if (buf == null) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = p[i] + alpha * g[i];
                }
                return;
            }
            for (int i = 0; i < p.length; i++) {
                buf[i] = started ? buf[i] * momentum + g[i] : g[i];
                p[i] = p[i] + alpha * buf[i];
            }
            started = true;
        }
    }
}
