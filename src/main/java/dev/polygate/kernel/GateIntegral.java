package dev.polygate.kernel;

import dev.polygate.text.FloatText;
import dev.polygate.model.Activation;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * The table behind an integrated activation A(x) = ∫₀ˣ g(t) dt, with g a closed-form gate
 * ({@link ReferenceMlp#sigma}): built once per gate, read by the vector kernels (float) and by the
 * scalar reference (double).
 *
 * <pre>
 * knots     x_k = (k − K0)·h, k = 0..2·K0,  h = 1/128, K0 = 40/h: [−40, 40], 0 is knot K0
 * a [2K0+1] A(x_k), integrated interval by interval outward from A(0) = 0 (Gauss–Legendre)
 * g [2K0+1] g(x_k)
 * inside    cubic Hermite on [x_k, x_k+1]: values a, slopes g (so A′ = g at every knot)
 * outside   g replaced by its asymptote: on the right the line through (40, g(40)) with slope 1,
 *           A(x) = A(40) + (x − 40)(g(40) + (x − 40)/2); on the left 0, A(x) = A(−40)
 * </pre>
 *
 * Why these numbers. Every gate here is ReLU-like: g(t) − relu(t) → 0 exponentially at both ends
 * (the slowest, SiLU, as t·e^−|t|). At ±40 that difference is below 2·10⁻¹⁶, so the asymptote is
 * exact to double precision there (the left tail's A′ = 0 is off from g(−40) by less than 2·10⁻¹⁶,
 * and a constant keeps A finite and right as x → −∞, where a line through g(−40) would grow to
 * 1e14 at −1e30); the line through the end value keeps A′ continuous on the right; the
 * builder checks this and refuses a gate that is not ReLU-like (at ±20, SiLU would still be off by
 * 4·10⁻⁸, which the far tail turns into a relative error of several 10⁻⁶). h = 1/128: the Hermite
 * slope between knots differs from g by at most h³·max|g‴|·√3/216 (3·10⁻⁹ for GELU), below what the
 * gradient tests against finite differences resolve; h = 1/32 was 64× that. ReLU's kink sits on the
 * knot 0, so each interval's integrand is smooth and ∫relu = relu²/2 is reproduced exactly (a
 * cubic Hermite interpolates a quadratic exactly). Tables: 10 241 knots, 80 KB of floats per gate,
 * of which training touches the few KB around its pre-activations.
 *
 * <p>The derivative A′ is never taken from the table: the kernels use g itself (its closed-form
 * code), so backward is exact whatever the interpolation error of the value.
 *
 * <p>Deterministic: the same integrator steps and the same gate code give the same bits on every
 * build of the table (and thread-safe: built once, under a lock, published through an atomic array).
 * The float tables came out bit-identical on JDK 17 and 25; the double GELU table did not (its
 * last bits follow Math.tanh, an intrinsic from JDK 24 on), so the reference may differ by ulps.
 */
public final class GateIntegral {
    /** The table covers [−END, END]. */
    public static final double END = 40;
    /** Knots per unit of x: h = 1/128, a power of two so that x_k = (k − K0)·h is exact in float. */
    public static final int KNOTS_PER_UNIT = 128;
    /** Knot spacing. */
    public static final double H = 1.0 / KNOTS_PER_UNIT;
    /** Index of the knot at 0; knots 0..2·ZERO_KNOT. */
    public static final int ZERO_KNOT = (int) (END * KNOTS_PER_UNIT);
    /** Number of knots. */
    public static final int KNOTS = 2 * ZERO_KNOT + 1;
    // How close to relu(±END) a gate must be for its asymptote to be taken there (see above).
    private static final double ASYMPTOTE_TOLERANCE = 1e-12;
    // Per interval: 5-point Gauss–Legendre, refined until two estimates agree to 1e-14 relative or
    // 1e-16 absolute. The absolute floor is for tails where g is rounding noise on a tiny value
    // (GELU's 1 + tanh u as u → −∞ is off by up to 1.1e-16·|x|/2 whatever its size).
    private static final int GAUSS_POINTS = 5;
    private static final double RELATIVE_ACCURACY = 1e-14;
    private static final double ABSOLUTE_ACCURACY = 1e-16;

    private static final AtomicReferenceArray<GateIntegral> TABLES = new AtomicReferenceArray<>(Activation.values().length);

    private final Activation activation;
    private final double[] a;
    private final double[] g;
    /** A(x_k) as floats, for the vector kernels. */
    final float[] aFloat;
    /** h·g(x_k) as floats: the Hermite slopes in units of the interval (h is exact in float). */
    final float[] slopeFloat;
    /** g(END) as a float: the right asymptote's value at the table's end. */
    final float gRightFloat;

    private GateIntegral(Activation integrated) {
        Activation gate = integrated.closedForm();
        this.activation = integrated;
        this.a = new double[KNOTS];
        this.g = new double[KNOTS];
        for (int k = 0; k < KNOTS; k++) {
            g[k] = ReferenceMlp.sigma(gate, knot(k));
        }
        checkReluLike(gate, g[0], g[KNOTS - 1]);
        IterativeLegendreGaussIntegrator integrator =
                new IterativeLegendreGaussIntegrator(GAUSS_POINTS, RELATIVE_ACCURACY, ABSOLUTE_ACCURACY, 1, 64);
        // Outward from A(0) = 0 in both directions: each A(x_k) is a sum of |k − K0| interval
        // integrals, so the error near 0 (where A is small) stays small.
        for (int k = ZERO_KNOT + 1; k < KNOTS; k++) {
            a[k] = a[k - 1] + integrator.integrate(10_000, v -> ReferenceMlp.sigma(gate, v), knot(k - 1), knot(k));
        }
        for (int k = ZERO_KNOT - 1; k >= 0; k--) {
            a[k] = a[k + 1] - integrator.integrate(10_000, v -> ReferenceMlp.sigma(gate, v), knot(k), knot(k + 1));
        }
        this.aFloat = new float[KNOTS];
        this.slopeFloat = new float[KNOTS];
        for (int k = 0; k < KNOTS; k++) {
            aFloat[k] = (float) a[k];
            slopeFloat[k] = (float) (H * g[k]);
        }
        this.gRightFloat = (float) g[KNOTS - 1];
    }

    /** The table of an integrated activation, built on first use. */
    public static GateIntegral of(Activation integrated) {
        if (!integrated.isIntegrated()) {
            throw new IllegalArgumentException(integrated.cliName() + " is a closed form, not an integrated activation");
        }
        GateIntegral t = TABLES.get(integrated.ordinal());
        if (t == null) {
            synchronized (TABLES) {
                t = TABLES.get(integrated.ordinal());
                if (t == null) {
                    t = build(integrated);
                    TABLES.set(integrated.ordinal(), t);
                }
            }
        }
        return t;
    }

    /** A new table, not cached (tests rebuild to check that the bits repeat). */
    static GateIntegral build(Activation integrated) {
        return new GateIntegral(integrated);
    }

    /** x_k. */
    public static double knot(int k) {
        return (k - ZERO_KNOT) * H;
    }

    public Activation activation() {
        return activation;
    }

    /**
     * A(x): the Hermite interpolant inside the table, the asymptote's integral outside; the double
     * twin of the vector kernels' evaluation (same interval, same polynomial). NaN for NaN, +Inf
     * for +Inf, A(−END) for −Inf.
     */
    public double value(double x) {
        double xc = Math.max(-END, Math.min(END, x));
        // Interval j (knots K0 + j, K0 + j + 1), x_j = j·h ≤ xc; xc = END uses the last interval at t = 1.
        int j = (int) Math.min(Math.floor(xc * KNOTS_PER_UNIT), ZERO_KNOT - 1);
        double t = (xc - j * H) * KNOTS_PER_UNIT;
        int k = ZERO_KNOT + j;
        double inside = hermite(a[k], a[k + 1], H * g[k], H * g[k + 1], t);
        double e = x - xc;   // how far past the table: > 0 right, < 0 left
        return e > 0 ? inside + e * (g[KNOTS - 1] + 0.5 * e) : inside;   // NaN: t and so inside are NaN
    }

    /**
     * The cubic on t ∈ [0, 1] with values a0, a1 and slopes (per unit t) m0, m1 at its ends, in
     * Horner form as the vector kernel evaluates it: a0 + t(m0 + t(c2 + t·c3)), d = a1 − a0,
     * c2 = 3d − 2m0 − m1, c3 = m0 + m1 − 2d.
     */
    static double hermite(double a0, double a1, double m0, double m1, double t) {
        double d = a1 - a0;
        double c2 = 3 * d - 2 * m0 - m1;
        double c3 = m0 + m1 - 2 * d;
        return a0 + t * (m0 + t * (c2 + t * c3));
    }

    private static void checkReluLike(Activation gate, double left, double right) {
        if (!(Math.abs(left) <= ASYMPTOTE_TOLERANCE && Math.abs(right - END) <= ASYMPTOTE_TOLERANCE * END)) {
            throw new IllegalStateException("gate " + gate.cliName() + " is not ReLU-like at ±" + END + ": g(−" + END
                    + ") = " + FloatText.shortest(left) + ", g(" + END + ") = " + FloatText.shortest(right)
                    + "; the table's asymptotes would be wrong");
        }
    }
}
