package dev.polygate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LossCurveTest {
    private static float[] random(int length, long seed) {
        Random r = new Random(seed);
        float[] c = new float[length];
        for (int t = 0; t < length; t++) {
            c[t] = (float) Math.exp(-t / 100.0 + r.nextGaussian());
        }
        return c;
    }

    /** The lowest value of c[0..step] by brute force, NaN skipped. */
    private static float lowest(float[] c, int step) {
        float m = Float.NaN;
        for (int t = 0; t <= step; t++) {
            if (Float.isFinite(c[t])) {
                m = Float.isNaN(m) ? c[t] : Math.min(m, c[t]);
            }
        }
        return m;
    }

    @Test
    void thinnedCurveKeepsEveryBlockBoundaryTheLastStepAndExactLowestLosses() {
        // Awkward sizes: a last block that is partial, one that is whole, blocks of 1 and of the whole curve.
        for (int length : new int[] {1, 2, 3001, 3000, 1001, 17}) {
            for (int block : new int[] {1, 2, 7, 25, 30, 3000}) {
                float[] full = random(length, length * 31L + block);
                LossCurve thin = LossCurve.full(full).thin(block);
                int last = length - 1;
                for (int t = 0; t < length; t++) {
                    boolean kept = t % block == 0 || t == last;
                    assertEquals(kept, thin.holds(t), length + "/" + block + " step " + t);
                    if (kept) {
                        assertEquals(full[t], thin.at(t), "value at " + t);
                        assertEquals(lowest(full, t), thin.lowestUpTo(t), "lowest up to " + t);
                    }
                }
                assertEquals(thin.pointCount() - 1, thin.blockCount());
                for (int j = 0; j < thin.blockCount(); j++) {
                    float lo = Float.POSITIVE_INFINITY;
                    float hi = Float.NEGATIVE_INFINITY;
                    for (int t = thin.pointStep(j) + 1; t <= thin.pointStep(j + 1); t++) {
                        lo = Math.min(lo, full[t]);
                        hi = Math.max(hi, full[t]);
                    }
                    assertEquals(lo, thin.blockLow(j), "block " + j);
                    assertEquals(hi, thin.blockHigh(j), "block " + j);
                }
                assertEquals(LossCurve.full(full).sha256(), thin.sha256(), "the digest is the full curve's");
            }
        }
    }

    @Test
    void aSpikeBetweenPointsStaysInItsBlock() {
        float[] full = new float[101];
        java.util.Arrays.fill(full, 1e-3f);
        full[57] = 9f;
        LossCurve thin = LossCurve.full(full).thin(10);
        assertEquals(9f, thin.blockHigh(5));   // steps 51..60
        assertEquals(1e-3f, thin.at(50));
        assertEquals(1e-3f, thin.at(60));
    }

    @Test
    void aDivergedCurveKeepsItsNonFiniteLastValueAndFiniteBlockRanges() {
        float[] full = {4f, 3f, 2f, 5f, Float.NaN};
        LossCurve thin = LossCurve.full(full).thin(3);
        assertEquals(3, thin.pointCount());            // steps 0, 3 and the last, 4
        assertTrue(Float.isNaN(thin.at(4)));
        assertEquals(2f, thin.blockLow(0));            // steps 1..3
        assertEquals(5f, thin.blockHigh(0));
        assertTrue(Float.isNaN(thin.blockLow(1)));     // step 4 alone: no finite loss
        assertTrue(Float.isNaN(thin.blockHigh(1)));
        assertEquals(2f, thin.lowestUpTo(3));
        assertEquals(2f, thin.lowestUpTo(4), "the NaN is skipped");
    }

    @Test
    void digestsSeeOneBitOfDifference() {
        float[] a = random(3001, 5);
        float[] b = a.clone();
        b[1234] = Math.nextUp(b[1234]);
        assertNotEquals(LossCurve.full(a).sha256(), LossCurve.full(b).sha256());
        assertFalse(LossCurve.full(a).thin(25).equals(LossCurve.full(b).thin(25)),
                "equal points and ranges, but the digests differ");
    }

    @Test
    void onlyHeldStepsCanBeReadAndOnlyFullCurvesThinned() {
        LossCurve thin = LossCurve.full(random(101, 1)).thin(10);
        assertThrows(IllegalArgumentException.class, () -> thin.at(15));
        assertThrows(IllegalArgumentException.class, () -> thin.lowestUpTo(101));
        assertThrows(IllegalStateException.class, () -> thin.thin(20));
        assertThrows(IllegalStateException.class, thin::values);
    }

    @Test
    void storedShapesAreChecked() {
        LossCurve thin = LossCurve.full(random(101, 2)).thin(10);
        float[] points = thin.points();
        float[] lows = new float[thin.blockCount()];
        float[] highs = new float[thin.blockCount()];
        for (int j = 0; j < lows.length; j++) {
            lows[j] = thin.blockLow(j);
            highs[j] = thin.blockHigh(j);
        }
        assertEquals(thin, LossCurve.thinned(101, 10, points, lows, highs, thin.sha256()));
        assertNotEquals(thin, LossCurve.thinned(101, 10, points, highs, highs, thin.sha256()));
        assertThrows(IllegalArgumentException.class,
                () -> LossCurve.thinned(101, 10, java.util.Arrays.copyOf(points, 5), lows, highs, thin.sha256()));
        assertThrows(IllegalArgumentException.class,
                () -> LossCurve.thinned(101, 10, points, new float[3], new float[3], thin.sha256()));
        assertThrows(IllegalArgumentException.class, () -> LossCurve.thinned(101, 10, points, lows, highs, "abc"));
    }
}
