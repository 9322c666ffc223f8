package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.train.Adam;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * Each count in {@link FlopCount} against a scalar mirror of the code it counts: the mirror does
 * the same float operations in the same order, through a counter that adds 1 per operation (2 per
 * fma), and must give the kernel's bits, so that it cannot count a different computation than
 * the kernel runs. A change to a kernel that moves its count then fails here, with both numbers.
 */
class FlopCountTest {
    /** Float operations, counted as FlopCount says: fma 2, everything else 1. */
    private static final class Ops {
        long count;

        float add(float a, float b) { count++; return a + b; }
        float sub(float a, float b) { count++; return a - b; }
        float mul(float a, float b) { count++; return a * b; }
        float div(float a, float b) { count++; return a / b; }
        float neg(float a) { count++; return -a; }
        float max(float a, float b) { count++; return Math.max(a, b); }
        float min(float a, float b) { count++; return Math.min(a, b); }
        float sqrt(float a) { count++; return (float) Math.sqrt(a); }
        float fma(float a, float b, float c) { count += 2; return Math.fma(a, b, c); }
        /** ReLU's σ′: a compare and a blend. */
        float step(float a) { count += 2; return a > 0f ? 1f : 0f; }
    }

    // VectorMath's constants, copied: the mirror is written from the source, the bits check it.
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND_MAGIC = 12582912f;
    private static final float[] POLY = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f,
        1.6666665459e-1f, 5.0000001201e-1f};

    /** VectorMath.exp, one lane: the integer exponent work uncounted, as in FlopCount. */
    private static float exp(Ops o, float x) {
        float xc = o.min(o.max(x, -104f), 89f);
        float t = o.fma(xc, LOG2E, ROUND_MAGIC);
        int n = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(ROUND_MAGIC);
        int n1 = n >> 1;
        return o.mul(o.mul(expOfRemainder(o, xc, t), twoTo(n1)), twoTo(n - n1));
    }

    /** e^r, r = x − n·ln 2, n from t: VectorMath.expOfRemainder. */
    private static float expOfRemainder(Ops o, float x, float t) {
        float n = o.sub(t, ROUND_MAGIC);
        float r = o.fma(n, -LN2_HI, x);
        r = o.fma(n, -LN2_LO, r);
        float p = o.fma(r, POLY[0], POLY[1]);
        for (int k = 2; k < POLY.length; k++) {
            p = o.fma(p, r, POLY[k]);
        }
        return o.add(o.add(o.mul(p, o.mul(r, r)), r), 1f);
    }

    private static float twoTo(int k) {
        return Float.intBitsToFloat((k + 127) << 23);
    }

    /** VectorMath.sigmoid, one lane: 2^-64 / (e^−z·2^-64 + 2^-64), −z clamped to [−43, 132.5]. */
    private static float sigmoid(Ops o, float z) {
        float xc = o.min(o.max(o.neg(z), -43f), 132.5f);
        float t = o.fma(xc, LOG2E, ROUND_MAGIC);
        int n = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(ROUND_MAGIC);
        return o.div(0x1p-64f, o.add(o.mul(expOfRemainder(o, xc, t), twoTo(n - 64)), 0x1p-64f));
    }

    private static float[] lanes(float first, float step) {
        float[] v = new float[VectorMath.LANES];
        for (int l = 0; l < v.length; l++) {
            v[l] = first + step * l;
        }
        return v;
    }

    @Test
    void expAndSigmoidCountWhatVectorMathComputes() {
        for (float first = -30f; first < 30f; first += 1.7f) {
            float[] x = lanes(first, 0.37f);
            float[] exp = VectorMath.exp(FloatVector.fromArray(VectorMath.SPECIES, x, 0)).toArray();
            float[] sig = VectorMath.sigmoid(FloatVector.fromArray(VectorMath.SPECIES, x, 0)).toArray();
            for (int l = 0; l < x.length; l++) {
                Ops o = new Ops();
                assertEquals(Float.floatToRawIntBits(exp[l]), Float.floatToRawIntBits(exp(o, x[l])),
                        "exp(" + x[l] + ")");
                assertEquals(FlopCount.EXP, o.count, "exp");
                o = new Ops();
                assertEquals(Float.floatToRawIntBits(sig[l]), Float.floatToRawIntBits(sigmoid(o, x[l])),
                        "sigmoid(" + x[l] + ")");
                assertEquals(FlopCount.SIGMOID, o.count, "sigmoid");
            }
        }
    }

    /**
     * Adam against its update written from the class comment's formula, PyTorch's order: the
     * arithmetic operations of that scalar reference are the count (13), and it gives Adam's bits.
     * LANES + 3 parameters: the vector loop and the scalar tail.
     */
    @Test
    void adamCountsTheOperationsOfItsScalarUpdate() {
        int n = VectorMath.LANES + 3;
        float[] p = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.5f - 0.1f * i;
            g[i] = (i % 3 - 1) * (0.25f + i);
        }
        float[] expected = p.clone();
        double lr = 0.01;
        new Adam(lr, n).step(p, g);
        float stepSize = (float) (lr / (1 - Adam.BETA1));
        float bc2Sqrt = (float) Math.sqrt(1 - Adam.BETA2);
        for (int i = 0; i < n; i++) {
            Ops o = new Ops();
            float m = o.add(o.mul(0f, (float) Adam.BETA1), o.mul(g[i], (float) (1 - Adam.BETA1)));
            float v = o.add(o.mul(0f, (float) Adam.BETA2), o.mul(o.mul(g[i], (float) (1 - Adam.BETA2)), g[i]));
            float denom = o.add(o.div(o.sqrt(v), bc2Sqrt), (float) Adam.EPS);
            expected[i] = o.add(expected[i], o.div(o.mul(m, -stepSize), denom));
            assertEquals(FlopCount.ADAM_PER_PARAMETER, o.count, "Adam");
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(p[i]), "parameter " + i);
        }
    }

    private static final float GELU_C = 0.7978845608028654f;
    private static final float GELU_A = 0.044715f;

    /**
     * The epilogue of one unit of a first layer (x with weights; the affine z = w·x + b is done
     * uncounted in the mirror, FlopCount counts it once outside the epilogue), every
     * closed-form activation and every kind, mirrored from activateRows and sigmoidRows: h and f
     * bit for bit, and the operations per sample equal to {@link FlopCount#epilogue}. The
     * integrated activations differ from their closed form by {@link FlopCount#TABLE} (counted
     * from integralRows in FlopCount's comment) less the σ′ they do not make; checked below.
     */
    @Test
    void epilogueCountsWhatActivateRowsComputes() {
        int n = 3 * VectorMath.LANES;
        int ld = VectorKernels.paddedBatch(n);
        float[] x = new float[ld];
        for (int i = 0; i < n; i++) {
            x[i] = -6f + 12f * i / n;
        }
        float[] p = {0.7f, -1.3f, 0.2f, 0.45f};   // w_g, w_v, b_g, b_v
        for (Activation act : new Activation[] {Activation.RELU, Activation.SILU, Activation.GELU}) {
            for (LayerKind kind : LayerKind.values()) {
                float[] h = new float[ld];
                float[] f = new float[2 * ld];
                VectorKernels.activateRows(h, f, x, 0, p, 0, 2, act, kind, 1, ld, 0, ld, null);
                int vRow = kind.branches() == 2 ? 1 : 0;
                for (int i = 0; i < n; i++) {
                    Ops o = new Ops();
                    float[] out = mirror(o, act, kind, x[i], p[0], p[2], p[vRow], p[2 + vRow]);
                    String where = act + " " + kind + " at x = " + x[i];
                    assertEquals(Float.floatToRawIntBits(h[i]), Float.floatToRawIntBits(out[0]), "h, " + where);
                    assertEquals(Float.floatToRawIntBits(f[i]), Float.floatToRawIntBits(out[1]), "f, " + where);
                    if (kind.branches() == 2) {
                        assertEquals(Float.floatToRawIntBits(f[ld + i]), Float.floatToRawIntBits(out[2]),
                                "f value row, " + where);
                    }
                    assertEquals(FlopCount.epilogue(act, kind), o.count, where);
                }
            }
        }
        for (Activation act : Activation.values()) {
            if (!act.isIntegrated()) {
                continue;
            }
            int slope = act.closedForm() == Activation.RELU ? FlopCount.RELU_SLOPE : FlopCount.SIGMOID_SLOPE;
            for (LayerKind kind : LayerKind.values()) {
                int table = kind == LayerKind.BILINEAR ? 0 : FlopCount.TABLE - slope;
                assertEquals(FlopCount.epilogue(act.closedForm(), kind) + table, FlopCount.epilogue(act, kind),
                        act + " " + kind);
            }
        }
    }

    /** {h, f gate row, f value row} of one sample, as activateRows makes them for a closed form. */
    private static float[] mirror(Ops o, Activation act, LayerKind kind, float x, float wg, float bg, float wv, float bv) {
        float sigma = 0f;
        float slope = 0f;
        if (act != Activation.RELU && kind != LayerKind.BILINEAR) {   // sigmoidRows
            float zg = Math.fma(x, wg, bg);   // the affine map, re-derived: counted once, outside the epilogue
            float c = zg;
            float zdc = zg;
            if (act == Activation.GELU) {
                float z2 = o.mul(zg, zg);
                c = o.mul(o.fma(z2, 2f * GELU_A * GELU_C, 2f * GELU_C), zg);
                zdc = o.mul(o.fma(z2, 6f * GELU_A * GELU_C, 2f * GELU_C), zg);
            }
            float sg = sigmoid(o, c);
            sigma = o.mul(o.max(zg, -Float.MAX_VALUE), sg);
            float zdcFinite = o.min(o.max(zdc, -Float.MAX_VALUE), Float.MAX_VALUE);
            slope = o.fma(o.mul(o.add(o.neg(sg), 1f), sg), zdcFinite, sg);
        }
        // The main loop re-derives z_g and (a stand-in for one branch) z_v: the affine maps, which
        // FlopCount counts once outside the epilogue (first layer's rows, a dense layer's product).
        float zg = Math.fma(x, wg, bg);
        float zv = Math.fma(x, wv, bv);
        if (kind == LayerKind.BILINEAR) {
            return new float[] {o.mul(zg, zv), zv, zg};
        }
        if (act == Activation.RELU) {
            sigma = o.max(zg, 0f);
            slope = o.step(zg);
        }
        switch (kind) {
            case SQUARED:
                return new float[] {o.mul(sigma, sigma), o.mul(o.mul(sigma, slope), 2f), 0f};
            case GATED:
                return new float[] {o.mul(sigma, zv), o.mul(slope, zv), sigma};
            default:
                return new float[] {sigma, slope, 0f};
        }
    }

    @Test
    void fmaRoofIsOneFmaPerChainIterationAndLane() {
        assertEquals(2L * 12 * 4096 * 16, FlopCount.fmaRoof(12, 4096, 16));
    }
}
