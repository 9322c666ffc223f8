package dev.polygate.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MedianIntervalTest {
    /** P(B ≤ j) for B ~ Binomial(n, ½), exactly: Σ C(n, i) / 2ⁿ — independent of Commons Math. */
    private static double binomialCdf(int n, int j) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i <= j; i++) {
            sum = sum.add(c);
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return sum.doubleValue() / Math.pow(2, n);
    }

    @Test
    void tenSamplesGiveTheSecondToTheNinth() {
        // x(1..10) = 10, 20, ..., 100, shuffled: the 95% interval is [x(2), x(9)] with coverage 1 − 2·11/1024.
        MedianInterval m = MedianInterval.of95(new double[] {70, 10, 100, 40, 20, 90, 30, 60, 80, 50});
        assertEquals(55, m.median());
        assertEquals(20, m.low());
        assertEquals(90, m.high());
        assertEquals(2, m.lowRank());
        assertEquals(9, m.highRank());
        assertEquals(1 - 2 * 11 / 1024.0, m.coverage(), 1e-12);
        assertFalse(m.minMaxFallback());
    }

    @Test
    void fiveSamplesFallBackToMinMax() {
        MedianInterval m = MedianInterval.of95(new double[] {3, 1, 5, 2, 4});
        assertEquals(3, m.median());
        assertEquals(1, m.low());
        assertEquals(5, m.high());
        assertTrue(m.minMaxFallback(), "min–max covers only 1 − 2/32 = 93.75% < 95%");
        assertEquals(0.9375, m.coverage(), 1e-12);
        assertEquals(0, MedianInterval.lowRank(5, 0.95));
    }

    @Test
    void sixSamplesReachNinetyFivePercentWithMinMax() {
        MedianInterval m = MedianInterval.of95(new double[] {6, 5, 4, 3, 2, 1});
        assertEquals(1, m.lowRank());
        assertFalse(m.minMaxFallback());
        assertEquals(1 - 2 / 64.0, m.coverage(), 1e-12);
    }

    @Test
    void ranksGrowWithTheSampleAndKeepCoverage() {
        // Known table values (e.g. Conover): n = 20 → k = 6, n = 50 → k = 18.
        assertEquals(6, MedianInterval.lowRank(20, 0.95));
        assertEquals(18, MedianInterval.lowRank(50, 0.95));
        for (int n = 6; n <= 200; n++) {
            int k = MedianInterval.lowRank(n, 0.95);
            assertTrue(MedianInterval.coverage(n, k) >= 0.95, "n=" + n);
            assertTrue(MedianInterval.coverage(n, k + 1) < 0.95, "n=" + n + ": k is the largest rank");
        }
    }

    @Test
    void oneSampleAndBadInput() {
        MedianInterval one = MedianInterval.of95(new double[] {7});
        assertEquals(7, one.median());
        assertEquals(7, one.low());
        assertEquals(7, one.high());
        assertTrue(one.minMaxFallback());
        assertThrows(IllegalArgumentException.class, () -> MedianInterval.of95(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> MedianInterval.of(new double[] {1}, 1.0));
    }

    @Test
    void overlapIncludesTouchingEnds() {
        MedianInterval a = new MedianInterval(2, 1, 3, 10, 2, 9, 0.98, false);
        MedianInterval touching = new MedianInterval(4, 3, 5, 10, 2, 9, 0.98, false);
        MedianInterval apart = new MedianInterval(5, 3.5, 6, 10, 2, 9, 0.98, false);
        assertTrue(a.overlaps(touching));
        assertTrue(touching.overlaps(a));
        assertFalse(a.overlaps(apart));
        assertFalse(apart.overlaps(a));
    }

    @Test
    void valuesAreNotModified() {
        double[] values = {3, 1, 2};
        MedianInterval.of95(values);
        assertEquals(3, values[0]);
    }

    @Test
    void theRankAgreesWithAnExactBinomialForEverySampleSize() {
        // k qualifies iff P(B ≤ k−1) ≤ 2.5 %: then [x(k), x(n−k+1)] misses the median with at most 5 %.
        for (int n = 1; n <= 200; n++) {
            int k = MedianInterval.lowRank(n, 0.95);
            if (k == 0) {
                assertTrue(binomialCdf(n, 0) > 0.025, "n = " + n + " should have a rank 1 interval");
            } else {
                assertTrue(binomialCdf(n, k - 1) <= 0.025, "n = " + n + ", k = " + k + " covers less than 95 %");
                assertTrue(k + 1 > (n + 1) / 2 || binomialCdf(n, k) > 0.025, "n = " + n + ": k = " + (k + 1)
                        + " also qualifies");
                assertEquals(1 - 2 * binomialCdf(n, k - 1), MedianInterval.coverage(n, k), 1e-12, "n = " + n);
            }
        }
    }

    @Test
    void theMethodSaysWhichOrderStatisticsOrMinMax() {
        assertEquals("order statistics x(2)–x(9) of 10 values, 97.9 % coverage",
                MedianInterval.of95(new double[] {7, 3, 10, 1, 9, 2, 8, 4, 6, 5}).method());
        assertEquals("min–max of 5 values (too few for the confidence asked for), 93.8 % coverage",
                MedianInterval.of95(new double[] {4, 1, 5, 3, 2}).method());
        assertTrue(MedianInterval.of95(new double[] {1}).method().startsWith("min–max of 1 value "));
    }
}
