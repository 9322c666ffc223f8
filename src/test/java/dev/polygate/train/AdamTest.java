package dev.polygate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
