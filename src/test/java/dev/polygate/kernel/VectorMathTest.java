package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class VectorMathTest {
    private static final int L = VectorMath.LANES;

    @Test
    void expIsWithinTwoUlpOfMathExp() {
        float[] in = new float[L];
        float[] out = new float[L];
        double worst = 0;
        for (int k = 0; k < 200_000; k++) {
            for (int l = 0; l < L; l++) {
                in[l] = -87f + 175f * ((k * L + l) / (200_000f * L));
            }
            VectorMath.exp(FloatVector.fromArray(VectorMath.SPECIES, in, 0)).intoArray(out, 0);
            for (int l = 0; l < L; l++) {
                double exact = Math.exp(in[l]);
                worst = Math.max(worst, Math.abs(out[l] - exact) / Math.ulp((float) exact));
            }
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
    }

    /**
     * The whole float range: subnormal results within one subnormal step of e^x (they are rounded
     * once), 0 below −103.98, +Inf above ln(MAX) = 88.72 (both within 2 ulp of MAX at the edge),
     * and the limits at ±Inf and NaN exactly.
     */
    @Test
    void expCoversTheWholeFloatRange() {
        float[] x = new float[L];
        float[] out = new float[L];
        float[] special = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN, -Float.MAX_VALUE,
                Float.MAX_VALUE, -1e30f, 1e30f, -103.99f, -104f, 89f, 88.8f};
        float[] specialExpected = {0f, Float.POSITIVE_INFINITY, Float.NaN, 0f, Float.POSITIVE_INFINITY, 0f,
                Float.POSITIVE_INFINITY, 0f, 0f, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY};
        for (int s = 0; s < special.length; s++) {
            java.util.Arrays.fill(x, special[s]);
            VectorMath.exp(FloatVector.fromArray(VectorMath.SPECIES, x, 0)).intoArray(out, 0);
            assertEquals(specialExpected[s], out[0], 0f, "exp(" + special[s] + ")");
        }
        float edge = Float.MAX_VALUE * (1 - 0x1p-22f);
        for (int k = 0; k < 100_000; k++) {
            for (int l = 0; l < L; l++) {
                x[l] = -110f + 200f * ((k * L + l) / (100_000f * L));
            }
            VectorMath.exp(FloatVector.fromArray(VectorMath.SPECIES, x, 0)).intoArray(out, 0);
            for (int l = 0; l < L; l++) {
                double exact = Math.exp(x[l]);
                float rounded = (float) exact;
                if (Float.isInfinite(rounded) || Float.isInfinite(out[l])) {
                    assertTrue(out[l] >= edge && rounded >= edge, "exp(" + x[l] + ") = " + out[l] + ", exact " + exact);
                } else if (rounded < Float.MIN_NORMAL) {
                    assertEquals(exact, out[l], Float.MIN_VALUE, "exp(" + x[l] + ") in the subnormal range");
                } else {
                    assertEquals(exact, out[l], 2 * Math.ulp(rounded), "exp(" + x[l] + ")");
                }
            }
        }
    }

    /**
     * sigmoid scales by 2^(n−64) in one product over a window of −z where that is a normal float;
     * before, it clamped −z to [−60, 134] and scaled in two products (as exp does) so every
     * e^−z·2^-64 came out right, subnormal or overflowing. Both give the same bits for every float:
     * outside the new window the quotient is exactly 1 or 0 either way, and inside it both scalings
     * are exact. Checked over every 251st bit pattern (both signs, NaNs, infinities, subnormals)
     * and the window's edges: the run stores of Numerics version 1 stay valid.
     */
    @Test
    void sigmoidHasTheBitsOfTheTwoProductScaling() {
        float[] z = new float[L];
        float[] out = new float[L];
        int filled = 0;
        long checked = 0;
        float[] edges = {43f, -43f, 43.0001f, 42.999f, -132.5f, 132.5f, -132.49f, -132.51f, -60f, -134f, 60f,
                17f, -17f, -87.3f, -88f, -103.97f, -104f, 0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (long bits = 0; bits < (1L << 32) + edges.length * 251L; bits += 251) {
            z[filled++] = bits < (1L << 32) ? Float.intBitsToFloat((int) bits) : edges[(int) ((bits - (1L << 32)) / 251)];
            if (filled == L) {
                VectorMath.sigmoid(FloatVector.fromArray(VectorMath.SPECIES, z, 0)).intoArray(out, 0);
                for (int l = 0; l < L; l++) {
                    float expected = twoProductSigmoid(z[l]);
                    if (!(Float.isNaN(expected) && Float.isNaN(out[l]))) {
                        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[l]),
                                "sigmoid(" + z[l] + ") = " + out[l] + ", two-product scaling " + expected);
                    }
                }
                checked += L;
                filled = 0;
            }
        }
        assertTrue(checked > 17_000_000, "checked " + checked);
    }

    /** The previous sigmoid, one lane: 2^-64 / (e^−z·2^-64 + 2^-64), −z in [−60, 134], 2^(n−64) as two products. */
    private static float twoProductSigmoid(float z) {
        float x = Math.min(Math.max(-z, -60f), 134f);
        float t = Math.fma(x, 1.44269504088896341f, 12582912f);
        float n = t - 12582912f;
        float r = Math.fma(n, -0.693359375f, x);
        r = Math.fma(n, 2.12194440e-4f, r);
        float p = Math.fma(r, 1.9875691500e-4f, 1.3981999507e-3f);
        p = Math.fma(p, r, 8.3334519073e-3f);
        p = Math.fma(p, r, 4.1665795894e-2f);
        p = Math.fma(p, r, 1.6666665459e-1f);
        p = Math.fma(p, r, 5.0000001201e-1f);
        p = p * (r * r) + r + 1f;
        int m = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(12582912f) - 64;
        int m1 = m >> 1;
        float e = p * Float.intBitsToFloat((m1 + 127) << 23) * Float.intBitsToFloat((m - m1 + 127) << 23);
        return 0x1p-64f / (e + 0x1p-64f);
    }

    /** The activation epilogue with the plain kind leaves σ(z) in h and σ′(z) in f. */
    @Test
    void activationsAndDerivativesMatchReference() {
        int n = 16_000;
        int ld = VectorKernels.paddedBatch(n);
        float[] z = new float[ld];
        for (int i = 0; i < n; i++) {
            z[i] = -12f + 24f * i / n;
        }
        for (Activation act : Activation.values()) {
            float[] f = new float[ld];
            float[] h = new float[ld];
            VectorKernels.activateRows(h, f, z, 0, null, 0, 0, act, LayerKind.PLAIN, 1, ld, 0, ld,
                    VectorKernels.activationScratch(act));
            for (int i = 0; i < n; i++) {
                double v = ReferenceMlp.sigma(act, z[i]);
                double d = ReferenceMlp.sigmaPrime(act, z[i]);
                assertEquals(v, h[i], 2e-6 * Math.max(1, Math.abs(v)), act + " value at " + z[i]);
                assertEquals(d, f[i], 2e-6 * Math.max(1, Math.abs(d)), act + " derivative at " + z[i]);
            }
        }
    }

    @Test
    void sumLanesAddsInLaneOrder() {
        float[] v = new float[L];
        float expected = 0;
        for (int l = 0; l < L; l++) {
            v[l] = (l % 2 == 0 ? 1e7f : -1e7f) + 0.37f * l;
            expected += v[l];
        }
        assertEquals(expected, VectorMath.sumLanes(FloatVector.fromArray(VectorMath.SPECIES, v, 0)), 0f);
    }
}
