package dev.polygate.kernel;

import jdk.incubator.vector.FloatVector;
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
    // Inputs clamped so that n stays within the normal exponent range [-126, 127].
    private static final float EXP_LO = -87f;
    private static final float EXP_HI = 88f;
    // Minimax polynomial for (e^r − 1 − r)/r² on |r| ≤ ln2/2 (Cephes expf coefficients); ~1 ulp.
    private static final float P0 = 1.9875691500e-4f;
    private static final float P1 = 1.3981999507e-3f;
    private static final float P2 = 8.3334519073e-3f;
    private static final float P3 = 4.1665795894e-2f;
    private static final float P4 = 1.6666665459e-1f;
    private static final float P5 = 5.0000001201e-1f;

    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);

    private VectorMath() {
    }

    /** e^x for every lane; inputs outside [-87, 88] are clamped (results stay finite). */
    public static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(EXP_LO).min(EXP_HI);
        FloatVector t = xc.fma(LOG2E, ROUND_MAGIC);
        FloatVector n = t.sub(ROUND_MAGIC);
        FloatVector r = n.fma(bc(-LN2_HI), xc);
        r = n.fma(bc(-LN2_LO), r);
        FloatVector p = r.fma(P0, P1).fma(r, bc(P2)).fma(r, bc(P3)).fma(r, bc(P4)).fma(r, bc(P5));
        p = p.mul(r.mul(r)).add(r).add(1f);
        // The low bits of t hold n; shifting them into the exponent field builds 2^n exactly.
        FloatVector twoToN = t.reinterpretAsInts()
                .lanewise(VectorOperators.LSHL, 23)
                .add(127 << 23)
                .reinterpretAsFloats();
        return p.mul(twoToN);
    }

    private static FloatVector bc(float v) {
        return FloatVector.broadcast(SPECIES, v);
    }

    /** 1 / (1 + e^−z). */
    public static FloatVector sigmoid(FloatVector z) {
        return ONE.div(exp(z.neg()).add(1f));
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
