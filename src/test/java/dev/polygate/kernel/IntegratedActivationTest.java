package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Integrated activations A(x) = ∫₀ˣ g: the double table against closed forms (or an independent
 * integral), A′ = g, and the float vector epilogue against the double table, inside the table, at
 * and between knots, and past its ends.
 */
class IntegratedActivationTest {
    private static final double H = GateIntegral.H;
    private static final double PI2 = Math.PI * Math.PI;

    /** Knots, points between knots, random points, the table ends, and far outside. */
    static double[] points() {
        List<Double> xs = new ArrayList<>();
        for (int k : new int[] {1, 2, 7, 128, 129, 300, 1000, 2560, 3840, 5000, GateIntegral.ZERO_KNOT - 1}) {
            for (int sign : new int[] {1, -1}) {
                xs.add(sign * k * H);                 // a knot
                xs.add(sign * (k + 0.5) * H);         // half-way between knots
                xs.add(sign * (k + 0.3) * H);
            }
        }
        Random r = new Random(17);
        for (int i = 0; i < 40; i++) {
            xs.add(-GateIntegral.END + 2 * GateIntegral.END * r.nextDouble());
        }
        for (double x : new double[] {1e-3, 1e-6, 0.1, 1, 3, 30, 39.999, 40, 40.001, 41, 55, 100}) {
            xs.add(x);
            xs.add(-x);
        }
        xs.add(0.0);
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Asserts A = exact to 1e-6 relative, or 1e-12 absolute near 0, at every point. */
    private static void assertMatches(Activation act, DoubleUnaryOperator exact) {
        GateIntegral table = GateIntegral.of(act);
        for (double x : points()) {
            double want = exact.applyAsDouble(x);
            double got = table.value(x);
            double err = Math.abs(got - want);
            assertTrue(err <= Math.max(1e-6 * Math.abs(want), 1e-12),
                    act.cliName() + "(" + x + ") = " + got + ", expected " + want + " (error " + err + ")");
        }
    }

    @Test
    void intReluIsHalfReluSquared() {
        assertMatches(Activation.INT_RELU, x -> x > 0 ? x * x / 2 : 0);
    }

    @Test
    void intSiluMatchesItsDilogarithmClosedForm() {
        // ∫₀ˣ t·sigmoid(t) dt = x·softplus(x) + Li₂(−eˣ) + π²/12 (differentiate: x·s(x) + softplus − softplus).
        assertMatches(Activation.INT_SILU,
                x -> x * softplus(x) + dilogarithmOfMinusExp(x) + PI2 / 12);
    }

    @Test
    void intGeluMatchesAnIndependentSimpsonIntegral() {
        // Tanh-GELU has no closed-form integral: composite Simpson, 10⁵ intervals on [0, x].
        assertMatches(Activation.INT_GELU, x -> simpson(v -> ReferenceMlp.sigma(Activation.GELU, v), x));
    }

    /** The dilogarithm used above, checked against known values and its derivative, so a bad Li₂ cannot pass silently. */
    @Test
    void dilogarithmHasItsKnownValues() {
        double ln2 = Math.log(2);
        assertEquals(PI2 / 12 - ln2 * ln2 / 2, series(0.5), 1e-15);         // Li₂(½)
        assertEquals(-PI2 / 12, dilogarithm(-1), 1e-15);                       // Li₂(−1)
        assertEquals(-0.4484142069236462, dilogarithm(-0.5), 1e-15);           // Li₂(−½)
        // d/dx Li₂(−eˣ) = −softplus(x), on both branches (x > 0 goes through the inversion).
        for (double x : new double[] {-3, -0.5, 0.5, 3, 20}) {
            double d = 1e-5;
            double fd = (dilogarithmOfMinusExp(x + d) - dilogarithmOfMinusExp(x - d)) / (2 * d);
            assertEquals(-softplus(x), fd, 1e-8 * Math.max(1, x), "slope at " + x);
        }
    }

    /**
     * A′ = g: the central difference of the double table against the gate's closed form. The
     * tolerance is the sum of three bounds: the Hermite slope between knots differs from g by at most
     * h³·max|g‴|·√3/216 = 3.0e-9 (GELU, max|g‴| = 0.78; SiLU 1.2e-9; ReLU 0); the difference's
     * truncation δ²/6·max|A‴| with A‴ ≈ g″ ≤ 0.8 is 1.4e-9 at δ = 1e-4; and rounding, 2·ulp(A)/δ.
     */
    @Test
    void derivativeOfTheTableIsTheGate() {
        double delta = 1e-4;
        for (Activation act : integrated()) {
            GateIntegral table = GateIntegral.of(act);
            for (double x : points()) {
                if (Math.abs(x) > 45 || (act == Activation.INT_RELU && Math.abs(x) < delta)) {
                    // Far out A grows as x²/2 and rounding dominates; at 0, ∫relu has a kink in A″ that
                    // the central difference misses by δ/4.
                    continue;
                }
                double up = table.value(x + delta);
                double down = table.value(x - delta);
                double fd = (up - down) / (2 * delta);
                double g = ReferenceMlp.sigma(act.closedForm(), x);
                double tol = 3.0e-9 + 1.4e-9 + 2 * Math.ulp(Math.max(Math.abs(up), Math.abs(down))) / delta;
                assertTrue(Math.abs(fd - g) <= tol, act.cliName() + ": A′(" + x + ") = " + fd + ", g = " + g);
                assertEquals(g, ReferenceMlp.sigmaPrime(act, x), 0.0, "the reference's σ′ is the gate");
            }
        }
    }

    /** The float vector epilogue (plain kind: h = σ, f = σ′) against the double table and the gate. */
    @Test
    void vectorEpilogueMatchesTheDoubleTable() {
        double[] xs = points();
        int ld = VectorKernels.paddedBatch(xs.length);
        float[] z = new float[ld];
        for (int i = 0; i < xs.length; i++) {
            z[i] = (float) xs[i];
        }
        for (Activation act : integrated()) {
            float[] f = new float[ld];
            float[] h = new float[ld];
            VectorKernels.activateRows(h, f, z, 0, null, 0, 0, act, LayerKind.PLAIN, 1, ld, 0, ld,
                    VectorKernels.activationScratch(act));
            for (int i = 0; i < xs.length; i++) {
                double v = GateIntegral.of(act).value(z[i]);
                double d = ReferenceMlp.sigma(act.closedForm(), z[i]);
                assertEquals(v, h[i], 2e-6 * Math.max(1, Math.abs(v)), act.cliName() + " value at " + z[i]);
                assertEquals(d, f[i], 2e-6 * Math.max(1, Math.abs(d)), act.cliName() + " derivative at " + z[i]);
            }
        }
    }

    @Test
    void tableIsBuiltOnceAndReproducibly() {
        assertSame(GateIntegral.of(Activation.INT_SILU), GateIntegral.of(Activation.INT_SILU));
        GateIntegral again = GateIntegral.build(Activation.INT_SILU);
        assertArrayEquals(GateIntegral.of(Activation.INT_SILU).aFloat, again.aFloat, "same bits on a rebuild");
        assertArrayEquals(GateIntegral.of(Activation.INT_SILU).slopeFloat, again.slopeFloat);
        assertThrows(IllegalArgumentException.class, () -> GateIntegral.of(Activation.SILU));
    }

    private static List<Activation> integrated() {
        List<Activation> out = new ArrayList<>();
        for (Activation a : Activation.values()) {
            if (a.isIntegrated()) {
                out.add(a);
            }
        }
        assertEquals(3, out.size());
        return out;
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** Li₂(−eˣ), by inversion for x &gt; 0 (where −eˣ &lt; −1): Li₂(z) = −π²/6 − ½ln²(−z) − Li₂(1/z). */
    static double dilogarithmOfMinusExp(double x) {
        if (x > 0) {
            return -PI2 / 6 - 0.5 * x * x - dilogarithm(-Math.exp(-x));
        }
        return dilogarithm(-Math.exp(x));
    }

    /**
     * Li₂(z) for z ∈ [−1, 0]: Landen's identity Li₂(z) = −Li₂(w) − ½ln²(1 − z), w = z/(z − 1) ∈ [0, ½],
     * where the power series converges as 2^−k (at z = −1 directly it would need ~10⁶ terms).
     */
    static double dilogarithm(double z) {
        double w = z / (z - 1);
        double l = Math.log1p(-z);
        return -series(w) - 0.5 * l * l;
    }

    /** Σ w^k / k² for |w| ≤ ½: 60 terms leave less than 2^−60. */
    static double series(double w) {
        double sum = 0;
        double power = 1;
        for (int k = 1; k <= 60; k++) {
            power *= w;
            sum += power / ((double) k * k);
        }
        return sum;
    }

    /** ∫₀ˣ f by composite Simpson with 10⁵ intervals. */
    static double simpson(DoubleUnaryOperator f, double x) {
        int n = 100_000;
        double step = x / n;
        double sum = f.applyAsDouble(0) + f.applyAsDouble(x);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(i * step);
        }
        return sum * step / 3;
    }
}
