package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every activation σ and its derivative factor σ′ over the whole float range — a log-spaced grid
 * of |z| from 1e-45 to 3.4e38 of both signs, 0, ±MAX, ±Inf and NaN — in the float vector kernel
 * (the epilogue of a plain layer: σ into h, σ′ into f) and in the double reference, against the
 * closed form written here independently in double.
 *
 * <p>Tolerances, stated: the double reference within 1e-12 relative; the float kernel within 16 ulp
 * (2^-24 relative each) times the closed form's condition number max(1, |z·f′(z)/f(z)|) — a float
 * input is exact, but intermediates like GELU's 2u carry a few ulp into a steep sigmoid — plus two
 * subnormal steps. Where a sigmoid sg(c) itself falls below the normal range (c &lt; −87.3) it is a
 * correctly rounded subnormal, with an absolute precision of 2^-149 and no better, which z·sg and
 * z·c′·sg(1 − sg) scale by |z| and |z·c′|: that floor, 4·2^-149·(1 + |z|(1 + |z·c′|)), is added
 * (PyTorch's float32 gives 0 there). Integrated activations add their table's 1e-6 relative and
 * 1e-12 absolute (GateIntegral, IntegratedActivationTest; the closed forms of int-silu and the
 * Simpson integral of int-gelu are themselves good to ~1e-16 absolute only), and in float the
 * rounding of the table's entries near z. Saturating limits are
 * exact: where the closed form rounds to ±Inf in float, and for |z| ≥ 1000 (deep in saturation)
 * every closed-form σ and every σ′ equals it exactly (the sign of a zero aside); NaN gives NaN.
 */
class ActivationRangeTest {
    private static final double PI2 = Math.PI * Math.PI;
    private static final double GELU_C = Math.sqrt(2 / Math.PI);
    private static final double GELU_A = 0.044715;
    private static final double ULP = 0x1p-24;

    /** ±(1e-45 … 3.4e38) at 5 points per decade, ±0 and the float range's ends. */
    static float[] grid() {
        List<Float> zs = new ArrayList<>();
        for (double e = -45; e <= 38.53; e += 0.2) {
            float v = (float) Math.pow(10, e);
            if (v > 0 && Float.isFinite(v)) {
                zs.add(v);
                zs.add(-v);
            }
        }
        for (float v : new float[] {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, -1.2785f, -0.7518f, 17f, -17f, -88.5f,
                -100f, -104f, 88.8f}) {
            zs.add(v);
        }
        float[] out = new float[zs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = zs.get(i);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void kernelAndReferenceFollowTheClosedFormOverTheFloatRange(Activation act) {
        float[] z = grid();
        int n = z.length;
        int ld = VectorKernels.paddedBatch(n);
        float[] in = java.util.Arrays.copyOf(z, ld);
        float[] h = new float[ld];
        float[] f = new float[ld];
        VectorKernels.activateRows(h, f, in, 0, null, 0, 0, act, LayerKind.PLAIN, 1, ld, 0, ld,
                VectorKernels.activationScratch(act));
        DoubleUnaryOperator value = closedForm(act);
        DoubleUnaryOperator slope = closedFormSlope(act);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v = z[i];
            check(wrong, act + " σ", v, value, h[i], ReferenceMlp.sigma(act, v), act, false);
            check(wrong, act + " σ′", v, slope, f[i], ReferenceMlp.sigmaPrime(act, v), act, true);
        }
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " disagreements, first: " + String.join("; ", wrong.subList(0, Math.min(8, wrong.size()))));
        }
    }

    private static void check(List<String> wrong, String what, double v, DoubleUnaryOperator exactOf, float kernel,
                              double reference, Activation act, boolean slope) {
        double exact = exactOf.applyAsDouble(v);
        String at = what + "(" + v + "): closed form " + exact;
        if (Double.isNaN(exact)) {
            if (!Float.isNaN(kernel) || !Double.isNaN(reference)) {
                wrong.add(at + ", kernel " + kernel + ", reference " + reference);
            }
            return;
        }
        boolean table = act.isIntegrated() && !slope;
        double tableRelative = table ? 1e-6 : 0;
        double tableAbsolute = table ? 1e-12 : 0;
        if (!(Math.abs(reference - exact) <= (1e-12 + tableRelative) * Math.abs(exact) + tableAbsolute)
                && !(Double.isInfinite(exact) && reference == exact)) {
            wrong.add(at + ", reference " + reference);
        }
        float rounded = (float) exact;
        if (Float.isInfinite(rounded) || (!table && Math.abs(v) >= 1000)) {
            if (kernel != rounded) {
                wrong.add(at + " (a limit), kernel " + kernel);
            }
            return;
        }
        // A float table's entries near x are rounded to 2^-24 of their size, at most |A(x)| + h(|x| + h).
        double floatTable = table ? 16 * ULP * GateIntegral.H * (Math.abs(v) + GateIntegral.H) : 0;
        double tolerance = (16 * ULP * Math.max(1, condition(exactOf, v)) + tableRelative) * Math.abs(exact)
                + tableAbsolute + floatTable + 2 * Float.MIN_VALUE + subnormalSigmoidFloor(act.closedForm(), v);
        if (!(Math.abs(kernel - exact) <= tolerance)) {
            wrong.add(at + ", kernel " + kernel + " (tolerance " + tolerance + ")");
        }
    }

    /** 4·2^-149·(1 + |z|(1 + |z·c′|)) for the sigmoid forms (see the class comment); 0 for ReLU. */
    private static double subnormalSigmoidFloor(Activation gate, double v) {
        if (gate == Activation.RELU) {
            return 0;
        }
        double dc = gate == Activation.SILU ? 1 : 2 * GELU_C * (1 + 3 * GELU_A * v * v);
        return 4 * Float.MIN_VALUE * (1 + Math.abs(v) * (1 + Math.abs(v * dc)));
    }

    /** |v·f′(v)/f(v)| by a central difference of relative step 1e-5 (0 where f(v) = 0, v = 0 or ±Inf). */
    private static double condition(DoubleUnaryOperator f, double v) {
        double fv = f.applyAsDouble(v);
        if (fv == 0 || v == 0 || !Double.isFinite(v)) {
            return 0;
        }
        double h = 1e-5 * Math.abs(v);
        double d = (f.applyAsDouble(v + h) - f.applyAsDouble(v - h)) / (2 * h);
        return Math.abs(v * d / fv);
    }

    // The closed forms, written apart from ReferenceMlp: quotients and tanh where those are accurate.

    private static DoubleUnaryOperator closedForm(Activation act) {
        switch (act) {
            case RELU:
                return v -> v > 0 ? v : Double.isNaN(v) ? v : 0;
            case SILU:
                return v -> v == Double.NEGATIVE_INFINITY ? 0 : v / (1 + Math.exp(-v));
            case GELU:
                return v -> v == Double.NEGATIVE_INFINITY ? 0 : v * halfOnePlusTanh(geluU(v));
            case INT_RELU:
                return v -> v > 0 ? v * v / 2 : Double.isNaN(v) ? v : 0;
            case INT_SILU:
                return ActivationRangeTest::integralOfSilu;
            case INT_GELU:
                return ActivationRangeTest::integralOfGelu;
            default:
                throw new IllegalStateException(act.toString());
        }
    }

    private static DoubleUnaryOperator closedFormSlope(Activation act) {
        switch (act) {
            case RELU:
                return v -> v > 0 ? 1 : 0;
            case SILU:
                return v -> {
                    if (Double.isInfinite(v)) {
                        return v > 0 ? 1 : 0;
                    }
                    double s = 1 / (1 + Math.exp(-v));   // silu′ = s(1 + v(1 − s))
                    return s * (1 + v * (1 - s));
                };
            case GELU:
                return v -> {
                    if (Double.isInfinite(v)) {
                        return v > 0 ? 1 : 0;
                    }
                    // d/dv v·½(1 + tanh u) = ½(1 + tanh u) + v·½(1 − tanh² u)·u′, 1 − tanh² = 4q/(1+q)² with
                    // q = e^{-2|u|}, written without cancellation on either side.
                    double u = geluU(v);
                    double q = Math.exp(-2 * Math.abs(u));
                    double du = GELU_C * (1 + 3 * GELU_A * v * v);
                    double sech2 = Double.isInfinite(du) || q == 0 ? 0 : 4 * q / ((1 + q) * (1 + q)) * du;
                    return halfOnePlusTanh(u) + v * 0.5 * sech2;
                };
            default:
                return closedForm(act.closedForm());   // A′ = g
        }
    }

    private static double geluU(double v) {
        return GELU_C * (v + GELU_A * v * v * v);
    }

    /** ½(1 + tanh u): tanh for u ≥ 0, e^{2u}/(1 + e^{2u}) below, where 1 + tanh u would cancel. */
    private static double halfOnePlusTanh(double u) {
        if (u >= 0) {
            return 0.5 * (1 + Math.tanh(u));
        }
        double q = Math.exp(2 * u);
        return q / (1 + q);
    }

    /** ∫₀ˣ silu = x·softplus(x) + Li₂(−eˣ) + π²/12; π²/12 as x → −∞, +Inf at +Inf. */
    private static double integralOfSilu(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x > 0 ? x : Double.isNaN(x) ? x : PI2 / 12;
        }
        double softplus = Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
        return x * softplus + IntegratedActivationTest.dilogarithmOfMinusExp(x) + PI2 / 12;
    }

    /**
     * ∫₀ˣ gelu by Simpson (IntegratedActivationTest) on [−40, 40]; past 40 gelu(t) = t in double
     * (its sigmoid is 1), so the integral grows by (x² − 40²)/2; below −40 gelu(t) = 0 in double.
     */
    private static double integralOfGelu(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        DoubleUnaryOperator gelu = v -> v * halfOnePlusTanh(geluU(v));
        double end = GateIntegral.END;
        if (x > end) {
            return IntegratedActivationTest.simpson(gelu, end) + (x - end) * (x + end) / 2;
        }
        if (x < -end) {
            return IntegratedActivationTest.simpson(gelu, -end);
        }
        return IntegratedActivationTest.simpson(gelu, x);
    }

    @org.junit.jupiter.api.Test
    void siluOfTheIssueSaturatesToZero() {
        // A width-1 plain SiLU read out as y = silu(x): predict at −100, −1e30, −3e38 gave −6.05e-37,
        // −6.05e-9 and −1.82 while the sigmoid's exp was clamped at −87.
        float[] z = {-100f, -1e30f, -3e38f};
        int ld = VectorKernels.paddedBatch(z.length);
        float[] h = new float[ld];
        VectorKernels.activateRows(h, new float[ld], java.util.Arrays.copyOf(z, ld), 0, null, 0, 0,
                Activation.SILU, LayerKind.PLAIN, 1, ld, 0, ld, null);
        // −3.72e-42 exactly; the float sigmoid there is a subnormal (see the class comment).
        assertTrue(Math.abs(h[0] - (-100 / (1 + Math.exp(100)))) <= subnormalSigmoidFloor(Activation.SILU, -100),
                "silu(-100) = " + h[0]);
        assertTrue(h[1] == 0 && h[2] == 0, "silu(-1e30) = " + h[1] + ", silu(-3e38) = " + h[2]);
    }
}
