package dev.polygate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdamTest {

    /**
     * After one step from m = v = 0 the bias-corrected update is lr·g/(|g| + ε): the closed form.
     * 19 parameters: two full vectors and a scalar tail on 8-lane hardware.
     */
    @Test
    void firstStepIsClosedForm() {
        int n = 19;
        float[] p = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.5f - 0.1f * i;
            g[i] = (i % 3 - 1) * (0.25f + i);
        }
        float[] before = p.clone();
        double lr = 0.01;
        new Adam(lr, n).step(p, g);
        for (int i = 0; i < n; i++) {
            double expected = before[i] - lr * g[i] / (Math.abs(g[i]) + Adam.EPS);
            assertEquals(expected, p[i], 1e-7, "parameter " + i);
        }
    }

    /** Two steps against the textbook recursion in double. */
    @Test
    void secondStepFollowsRecursion() {
        int n = 11;
        float[] p = new float[n];
        float[] g1 = new float[n];
        float[] g2 = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.3f * i;
            g1[i] = 0.7f - 0.2f * i;
            g2[i] = -0.4f + 0.15f * i;
        }
        double[] q = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = p[i];
        }
        double lr = 0.05;
        Adam adam = new Adam(lr, n);
        adam.step(p, g1);
        adam.step(p, g2);
        for (int t = 1; t <= 2; t++) {
            float[] g = t == 1 ? g1 : g2;
            for (int i = 0; i < n; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                double mh = m[i] / (1 - Math.pow(0.9, t));
                double vh = v[i] / (1 - Math.pow(0.999, t));
                q[i] -= lr * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(q[i], p[i], 1e-6, "parameter " + i);
        }
    }

    /**
     * A huge but finite gradient: g = 2e19 from p = 0. g·g (4e38) would overflow float and freeze
     * the parameter (v = +Inf, every later update 0); PyTorch's order ((1−β2)·g)·g = 4e35 keeps v
     * finite, so the first step is the closed form −lr·g/|g| = −0.01 and later steps keep moving.
     * 19 parameters: the vector lanes and the scalar tail both.
     */
    @Test
    void hugeGradientStaysFiniteAndMoves() {
        int n = 19;
        float[] p = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = i % 2 == 0 ? 2e19f : -3e20f;
        }
        Adam adam = new Adam(0.01, n);
        adam.step(p, g);
        for (int i = 0; i < n; i++) {
            assertEquals(i % 2 == 0 ? -0.01 : 0.01, p[i], 1e-8, "parameter " + i + " after step 1");
        }
        float[] after1 = p.clone();
        adam.step(p, g);
        for (int i = 0; i < n; i++) {
            assertTrue(Float.isFinite(p[i]) && Math.abs(p[i] - after1[i]) > 1e-3, "parameter " + i + " moved: " + p[i]);
        }
    }

    /**
     * Bit for bit the float32 operations of PyTorch 1.13's Adam (adam.py, _single_tensor_adam) in
     * its order: m·β1 + (1−β1)·g; v·β2 + ((1−β2)·g)·g; p + ((−step)·m)/(√v/√(1−β2ᵗ) + ε), over steps
     * with gradients from 1e-30 to 1e20, on the vector lanes and the tail.
     */
    @Test
    void followsPyTorchOperationOrderBitForBit() {
        int n = 37;
        java.util.Random random = new java.util.Random(7);
        float[] p = new float[n];
        float[] q = new float[n];
        float[] m = new float[n];
        float[] v = new float[n];
        Adam adam = new Adam(0.003, n);
        for (int t = 1; t <= 6; t++) {
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                g[i] = (float) ((random.nextBoolean() ? 1 : -1) * Math.pow(10, -30 + 50 * random.nextDouble()));
            }
            adam.step(p, g);
            float step = (float) (0.003 / (1 - Math.pow(0.9, t)));
            float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(0.999, t));
            for (int i = 0; i < n; i++) {
                m[i] = m[i] * 0.9f + (float) (1 - 0.9) * g[i];
                v[i] = v[i] * 0.999f + (float) (1 - 0.999) * g[i] * g[i];
                float denom = (float) Math.sqrt(v[i]) / bc2Sqrt + 1e-8f;
                q[i] = q[i] + -step * m[i] / denom;
            }
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(q[i]), Float.floatToIntBits(p[i]), "step " + t + " parameter " + i);
            }
        }
    }
}
