package dev.polygate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polygate.model.TrainingSetup;
import org.junit.jupiter.api.Test;

/**
 * One step of each first-order optimiser against its closed form, in float and in double; SGD's
 * momentum over two steps; the float and double versions of one optimiser following each other.
 * 19 parameters: two full vectors and a scalar tail on 8-lane hardware (one vector and a tail on 16).
 */
class OptimizerTest {
    static final int N = 19;

    static float[] floats(java.util.function.IntToDoubleFunction f) {
        float[] out = new float[N];
        for (int i = 0; i < N; i++) {
            out[i] = (float) f.applyAsDouble(i);
        }
        return out;
    }

    static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    static final float[] P0 = floats(i -> 0.5 - 0.1 * i);
    static final float[] G1 = floats(i -> (i % 3 - 1) * (0.25 + i));
    static final float[] G2 = floats(i -> 0.7 - 0.13 * i);

    /** Closed form of one step from fresh state, per parameter: p0 and g in, p1 out. */
    interface Closed {
        double of(double p, double g);
    }

    private static void assertOneStep(TrainingSetup.Optimizer o, double lr, Closed closed) {
        float[] pf = P0.clone();
        FirstOrderOptimizer.ofFloat(o, N).step(pf, G1.clone(), lr);
        double[] pd = widen(P0);
        FirstOrderOptimizer.ofDouble(o, N).step(pd, widen(G1), lr);
        for (int i = 0; i < N; i++) {
            double expected = closed.of(P0[i], G1[i]);
            assertEquals(expected, pf[i], 2e-7 * Math.max(1, Math.abs(expected)), o.text() + " float, parameter " + i);
            assertEquals(expected, pd[i], 1e-14 * Math.max(1, Math.abs(expected)), o.text() + " double, parameter " + i);
        }
    }

    /** Adam's first step from m = v = 0: p − lr·g/(|g| + ε) (the bias corrections cancel). */
    @Test
    void adamFirstStep() {
        double lr = 0.01;
        assertOneStep(TrainingSetup.Optimizer.ADAM, lr, (p, g) -> p - lr * g / (Math.abs(g) + Adam.EPS));
    }

    /** AdamW's first step: decay first, then Adam's: p·(1 − lr·wd) − lr·g/(|g| + ε). */
    @Test
    void adamWFirstStep() {
        double lr = 0.05;
        double wd = 0.3;
        assertOneStep(TrainingSetup.Optimizer.adamW(wd), lr, (p, g) -> p * (1 - lr * wd) - lr * g / (Math.abs(g) + Adam.EPS));
    }

    /** Plain SGD: p − lr·g. */
    @Test
    void sgdFirstStep() {
        double lr = 0.1;
        assertOneStep(TrainingSetup.Optimizer.sgd(0), lr, (p, g) -> p - lr * g);
    }

    /** SGD with momentum: the buffer starts as g, so the first step is plain SGD's. */
    @Test
    void sgdMomentumFirstStep() {
        double lr = 0.1;
        assertOneStep(TrainingSetup.Optimizer.sgd(0.9), lr, (p, g) -> p - lr * g);
    }

    /** SGD with momentum μ, two steps at rates a, b: p − a·g1 − b·(μ·g1 + g2); without momentum p − a·g1 − b·g2. */
    @Test
    void sgdMomentumSecondStep() {
        double a = 0.1;
        double b = 0.03;
        for (double mu : new double[] {0, 0.9}) {
            TrainingSetup.Optimizer o = TrainingSetup.Optimizer.sgd(mu);
            float[] pf = P0.clone();
            FirstOrderOptimizer<float[]> f = FirstOrderOptimizer.ofFloat(o, N);
            f.step(pf, G1, a);
            f.step(pf, G2, b);
            double[] pd = widen(P0);
            FirstOrderOptimizer<double[]> d = FirstOrderOptimizer.ofDouble(o, N);
            d.step(pd, widen(G1), a);
            d.step(pd, widen(G2), b);
            for (int i = 0; i < N; i++) {
                double expected = P0[i] - a * G1[i] - b * (mu * G1[i] + G2[i]);
                assertEquals(expected, pf[i], 1e-6, "sgd:" + mu + " float, parameter " + i);
                assertEquals(expected, pd[i], 1e-14, "sgd:" + mu + " double, parameter " + i);
            }
        }
    }

    /**
     * AdamW over two steps at two rates (a schedule) against the textbook recursion in double: the
     * rate of each step is the one passed, for the decay and the step size alike.
     */
    @Test
    void adamWFollowsRecursionAtChangingRates() {
        double wd = 0.1;
        double[] rates = {0.02, 0.005};
        float[] pf = P0.clone();
        double[] pd = widen(P0);
        FirstOrderOptimizer<float[]> f = FirstOrderOptimizer.ofFloat(TrainingSetup.Optimizer.adamW(wd), N);
        FirstOrderOptimizer<double[]> d = FirstOrderOptimizer.ofDouble(TrainingSetup.Optimizer.adamW(wd), N);
        double[] q = widen(P0);
        double[] m = new double[N];
        double[] v = new double[N];
        for (int t = 1; t <= 2; t++) {
            float[] g = t == 1 ? G1 : G2;
            double lr = rates[t - 1];
            f.step(pf, g, lr);
            d.step(pd, widen(g), lr);
            for (int i = 0; i < N; i++) {
                q[i] *= 1 - lr * wd;
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                q[i] -= lr * (m[i] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-8);
            }
        }
        for (int i = 0; i < N; i++) {
            assertEquals(q[i], pf[i], 1e-6, "float, parameter " + i);
            assertEquals(q[i], pd[i], 1e-13, "double, parameter " + i);
        }
    }

    /** AdamW at weight decay 0 is Adam, bit for bit; and Adam through the abstraction is the constant-rate Adam. */
    @Test
    void zeroWeightDecayIsAdamBitForBit() {
        float[] a = P0.clone();
        float[] b = P0.clone();
        float[] c = P0.clone();
        FirstOrderOptimizer<float[]> adam = FirstOrderOptimizer.ofFloat(TrainingSetup.Optimizer.ADAM, N);
        FirstOrderOptimizer<float[]> adamW0 = FirstOrderOptimizer.ofFloat(TrainingSetup.Optimizer.adamW(0), N);
        Adam constant = new Adam(0.01, N);
        for (int t = 0; t < 3; t++) {
            float[] g = t % 2 == 0 ? G1 : G2;
            adam.step(a, g, 0.01);
            adamW0.step(b, g, 0.01);
            constant.step(c, g);
        }
        for (int i = 0; i < N; i++) {
            assertEquals(Float.floatToRawIntBits(c[i]), Float.floatToRawIntBits(a[i]), "adam, parameter " + i);
            assertEquals(Float.floatToRawIntBits(c[i]), Float.floatToRawIntBits(b[i]), "adamw:0, parameter " + i);
        }
    }

    /** The float and double versions of each optimiser agree to float precision over ten steps. */
    @Test
    void floatAndDoubleVersionsFollowEachOther() {
        for (TrainingSetup.Optimizer o : new TrainingSetup.Optimizer[] {TrainingSetup.Optimizer.ADAM,
                TrainingSetup.Optimizer.adamW(0.2), TrainingSetup.Optimizer.sgd(0), TrainingSetup.Optimizer.sgd(0.8)}) {
            float[] pf = P0.clone();
            double[] pd = widen(P0);
            FirstOrderOptimizer<float[]> f = FirstOrderOptimizer.ofFloat(o, N);
            FirstOrderOptimizer<double[]> d = FirstOrderOptimizer.ofDouble(o, N);
            for (int t = 0; t < 10; t++) {
                float[] g = floats(i -> Math.sin(0.7 * i + 0.3 * (P0[i] + 1)) + 0.1 * i);
                f.step(pf, g, 0.01);
                d.step(pd, widen(g), 0.01);
            }
            for (int i = 0; i < N; i++) {
                assertEquals(pd[i], pf[i], 1e-5, o.text() + ", parameter " + i);
            }
        }
    }

    @Test
    void secondOrderMethodsAreNotFirstOrderOptimisers() {
        assertThrows(IllegalArgumentException.class, () -> FirstOrderOptimizer.ofFloat(TrainingSetup.Optimizer.LM, N));
        assertThrows(IllegalArgumentException.class,
                () -> FirstOrderOptimizer.ofDouble(TrainingSetup.Optimizer.READOUT, N));
    }
}
