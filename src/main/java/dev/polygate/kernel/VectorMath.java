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

    private static final VectorSpecies<Integer> INT_SPECIES = SPECIES.withLanes(int.class).check(int.class);
    private static final IntVector ROUND_MAGIC_BITS = FloatVector.broadcast(SPECIES, ROUND_MAGIC).reinterpretAsInts();

    // sigmoid works with e^x·2^-64, x = −z clamped to the window where that scaled exp is a normal
    // float, e^x·2^-64 = p·2^(n−64) with n − 64 in [-126, 127]: n = round(x·log2 e) in [-62, 191].
    // Outside the window the sigmoid is already exactly 1 (x < −43: e^x·2^-64 < 2^-126 vanishes
    // beside 2^-64) or exactly 0 (x > 132.5: 2^-64 / e^x·2^-64 < 2^-191 rounds to 0).
    private static final FloatVector SIGMOID_SCALE = FloatVector.broadcast(SPECIES, 0x1p-64f);
    private static final float SIGMOID_EXP_LO = -43f;
    private static final float SIGMOID_EXP_HI = 132.5f;
    // 2^(n−64)'s exponent field, (n − 64 + 127) << 23, is t's bits << 23 plus 63 << 23: t = 1.5·2^23 + n
    // holds n in its low mantissa bits, and the shift pushes every other bit of t out.
    private static final IntVector SIGMOID_SCALE_EXPONENT = IntVector.broadcast(INT_SPECIES, 63 << 23);

    private VectorMath() {
    }

    /**
     * e^x for every lane, over the whole float range: +Inf above 88.73 (and for +Inf), subnormal
     * results rounded to the nearest subnormal, 0 below -103.98 (and for -Inf), NaN for NaN.
     * About 1 ulp where the result is a normal float. FLOPs: {@link FlopCount#EXP}.
     */
    public static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(EXP_LO).min(EXP_HI);
        FloatVector t = roundedLog2(xc);
        // The low bits of t hold n ∈ [-150, 129]. 2^n itself may be no normal float, so it is
        // applied as 2^n1 · 2^n2 with n1 = ⌊n/2⌋, n2 = n − n1, both normal: p·2^n1 is exact, and the
        // second product rounds once, to a subnormal, to 0 or to +Inf where the true result does.
        IntVector n = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
        IntVector n1 = n.lanewise(VectorOperators.ASHR, 1);
        return expOfRemainder(xc, t).mul(twoTo(n1)).mul(twoTo(n.sub(n1)));
    }

    /** t = 1.5·2^23 + n, n = round(x·log2 e): the integer n held in t's low mantissa bits. */
    private static FloatVector roundedLog2(FloatVector x) {
        return x.fma(LOG2E, ROUND_MAGIC);
    }

    /**
     * e^r for r = x − n·ln 2 ∈ [−ln 2 / 2, ln 2 / 2], n in t as {@link #roundedLog2} leaves it: the
     * degree-7 polynomial 1 + r + r²·P(r) (Cephes expf's coefficients). So e^x = e^r · 2^n.
     */
    private static FloatVector expOfRemainder(FloatVector x, FloatVector t) {
        FloatVector n = t.sub(ROUND_MAGIC);
        FloatVector r = n.fma(bc(-LN2_HI), x);
        r = n.fma(bc(-LN2_LO), r);
        FloatVector p = r.fma(P0, P1).fma(r, bc(P2)).fma(r, bc(P3)).fma(r, bc(P4)).fma(r, bc(P5));
        return p.mul(r.mul(r)).add(r).add(1f);
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
        // max and min keep Java's semantics: C2 emits each as 5–6 instructions (two blends, vmaxps, a
        // NaN test, a blend), 20–24 of the SiLU pass's 74–76 per vector (disassembly, UseAVX=2 and 3).
        // A compare and a blend gives the same bits for these constants and made the AVX2 SiLU pass
        // 12–16 % faster, but was dropped: GELU's epilogue then boxed (1.6–1.9× slower on JDK 25
        // under UseAVX=2; 122 kB per step on JDK 17 with AVX-512 masks), and AVX-512 SiLU lost 5–25 %.
        FloatVector xc = z.neg().max(SIGMOID_EXP_LO).min(SIGMOID_EXP_HI);
        FloatVector t = roundedLog2(xc);
        // One product by 2^(n−64), normal over the whole window, in place of exp's two-part scaling
        // (a shift, two adds, two shifts, a multiply fewer): the SiLU and GELU epilogues ran 1.46×
        // faster for it (ActivationEpilogueBenchmark, 256 × 4096, Zen 5), with the same bits.
        FloatVector scale = t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).add(SIGMOID_SCALE_EXPONENT)
                .reinterpretAsFloats();
        return SIGMOID_SCALE.div(expOfRemainder(xc, t).mul(scale).add(SIGMOID_SCALE));
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
