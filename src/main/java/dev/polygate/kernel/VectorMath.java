package dev.polygate.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise math on float vectors: exp, sigmoid, and a lane sum in a fixed order. Everything
 * here is deterministic and fast on JDK 17 and JDK 25.
 */
public final class VectorMath {
    /** Chosen once: C2 only intrinsifies vector code whose species is a constant. */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    public static final int LANES = SPECIES.length();

    // exp(x) = 2^n · e^r with n = round(x·log2 e), r = x − n·ln 2 (ln 2 split in two for accuracy).
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    // Adding 1.5·2^23 rounds to an integer held in the low mantissa bits: no float→int convert,
    // which JDK 17 cannot vectorize on x86 (it would fall back to boxed, 20–60× slower code).
    private static final float ROUND_MAGIC = 12582912f;
    // Inputs clamped to where e^x leaves the float range, so every float input gets its true result:
    // e^x > Float.MAX_VALUE for x > 88.73 (n reaches 128: +Inf), e^x < 2^-150 rounds to 0 for
    // x < -103.98 (n reaches -150). Subnormal results in between are rounded once (see exp).
    private static final float EXP_LO = -104f;
    private static final float EXP_HI = 89f;
    private static final float P0 = 1.9875691500e-4f;
    private static final float P1 = 1.3981999507e-3f;
    private static final float P2 = 8.3334519073e-3f;
    private static final float P3 = 4.1665795894e-2f;
    private static final float P4 = 1.6666665459e-1f;
    private static final float P5 = 5.0000001201e-1f;

    // sigmoid's scale 2^-64 and its scaled exp's window, [EXP_LO, EXP_HI] + 64·ln 2 (44.36).
    private static final FloatVector SIGMOID_SCALE = FloatVector.broadcast(SPECIES, 0x1p-64f);
    private static final float SIGMOID_EXP_LO = -60f;
    private static final float SIGMOID_EXP_HI = 134f;
    private static final IntVector ROUND_MAGIC_BITS = FloatVector.broadcast(SPECIES, ROUND_MAGIC).reinterpretAsInts();
    private static final IntVector SIGMOID_EXP_BITS = ROUND_MAGIC_BITS.add(64);

    private VectorMath() {
    }

    /**
     * e^x for every lane, over the whole float range: +Inf above 88.73 (and for +Inf), subnormal
     * results rounded to the nearest subnormal, 0 below -103.98 (and for -Inf), NaN for NaN.
     * About 1 ulp where the result is a normal float. FLOPs: {@link FlopCount#EXP}.
     */
    public static FloatVector exp(FloatVector x) {
        return scaledExp(x, EXP_LO, EXP_HI, ROUND_MAGIC_BITS);
    }

    /**
     * e^x · 2^−s, where the exponent bits of 1.5·2²³ plus s are {@code roundMagicBitsPlusS} and
     * [lo, hi] = [−103.98, 88.73] + s·ln 2: the scale enters the exponent, so the result is as exact
     * as e^x's and overflows or underflows only where e^x · 2^−s does.
     */
    private static FloatVector scaledExp(FloatVector x, float lo, float hi, IntVector roundMagicBitsPlusS) {
        FloatVector xc = x.max(lo).min(hi);
        FloatVector t = xc.fma(LOG2E, ROUND_MAGIC);
        FloatVector n = t.sub(ROUND_MAGIC);
        FloatVector r = n.fma(bc(-LN2_HI), xc);
        r = n.fma(bc(-LN2_LO), r);
        FloatVector p = r.fma(P0, P1).fma(r, bc(P2)).fma(r, bc(P3)).fma(r, bc(P4)).fma(r, bc(P5));
        p = p.mul(r.mul(r)).add(r).add(1f);
        // The low bits of t hold n; m = n − s ∈ [-150, 129]. 2^m itself may be no normal float, so it
        // is applied as 2^m1 · 2^m2 with m1 = ⌊m/2⌋, m2 = m − m1, both normal: p·2^m1 is exact, and
        // the second product rounds once, to a subnormal, to 0 or to +Inf where the true result does.
        IntVector m = t.reinterpretAsInts().sub(roundMagicBitsPlusS);
        IntVector m1 = m.lanewise(VectorOperators.ASHR, 1);
        return p.mul(twoTo(m1)).mul(twoTo(m.sub(m1)));
    }

    /** 2^k for k in [-126, 127], built in the exponent field. */
    private static FloatVector twoTo(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    private static FloatVector bc(float v) {
        return FloatVector.broadcast(SPECIES, v);
    }

    /**
     * 1 / (1 + e^−z), as 2^−64 / (2^−64 + e^−z·2^−64): the scaled e^−z stays finite down to
     * z ≈ −133, so the small side keeps its relative accuracy down to the subnormals
     * (sigmoid(−100) = 3.7e-44, where 1/(1 + e^100) overflows to 0), and the limits are exact:
     * 0 from z ≈ −133 on and at −Inf, 1 from z ≈ 17 on and at +Inf; NaN for NaN. The same four
     * operations as 1/(1 + e^−z). FLOPs: {@link FlopCount#SIGMOID}.
     */
    public static FloatVector sigmoid(FloatVector z) {
        return SIGMOID_SCALE.div(scaledExp(z.neg(), SIGMOID_EXP_LO, SIGMOID_EXP_HI, SIGMOID_EXP_BITS).add(SIGMOID_SCALE));
    }

    /** Sum of the lanes from lane 0 upward: a fixed order, unlike {@code reduceLanes(ADD)}. */
    public static float sumLanes(FloatVector v) {
        float s = 0f;
        for (int l = 0; l < LANES; l++) {
            s += v.lane(l);
        }
        return s;
    }
}
