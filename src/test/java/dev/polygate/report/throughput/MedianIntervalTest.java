package dev.polygate.report.throughput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void tenValuesGiveTheSecondAndNinthOrderStatistics() {
        double[] values = {7, 3, 10, 1, 9, 2, 8, 4, 6, 5};
        double[] before = values.clone();

        MedianInterval m = MedianInterval.of(values);

        assertEquals(5.5, m.median());
        assertEquals(2, m.low(), "x(2)");
        assertEquals(9, m.high(), "x(9)");
        assertEquals(2, m.rank());
        assertFalse(m.isMinMaxFallback());
        // Why k = 2: P(B ≤ 1) = 11/1024 ≤ 2.5 % but P(B ≤ 2) = 56/1024 > 2.5 %.
        assertEquals(11.0 / 1024, binomialCdf(10, 1), 1e-15);
        assertTrue(binomialCdf(10, 1) <= 0.025 && binomialCdf(10, 2) > 0.025);
        assertEquals(1 - 2 * 11.0 / 1024, m.coverage(), 1e-12);
        assertArrayEquals(before, values, "the input is not reordered");
    }

    @Test
    void fiveValuesFallBackToMinMax() {
        MedianInterval m = MedianInterval.of(new double[] {4, 1, 5, 3, 2});

        assertEquals(3, m.median());
        assertTrue(m.isMinMaxFallback());
        assertEquals(0, m.rank());
        assertEquals(1, m.low());
        assertEquals(5, m.high());
        // Even min–max misses the median with probability 2/32 > 5 %.
        assertEquals(1 - 2.0 / 32, m.coverage(), 1e-12);
        assertTrue(m.method().startsWith("min–max of 5 values"), m.method());
    }

    @Test
    void sixValuesAlreadyHaveAnOrderStatisticInterval() {
        MedianInterval m = MedianInterval.of(new double[] {6, 5, 4, 3, 2, 1});

        assertFalse(m.isMinMaxFallback(), "P(B ≤ 0) = 1/64 ≤ 2.5 %: rank 1 qualifies");
        assertEquals(1, m.rank());
        assertEquals(1 - 2.0 / 64, m.coverage(), 1e-12);
    }

    @Test
    void theRankIsTheLargestThatKeepsNinetyFivePercentForEverySampleSize() {
        for (int n = 1; n <= 200; n++) {
            int k = MedianInterval.rank(n);
            if (k == 0) {
                assertTrue(binomialCdf(n, 0) > 0.025, "n = " + n + " should have a rank 1 interval");
            } else {
                assertTrue(binomialCdf(n, k - 1) <= 0.025, "n = " + n + ", k = " + k + " covers less than 95 %");
                assertTrue(k + 1 > (n + 1) / 2 || binomialCdf(n, k) > 0.025, "n = " + n + ": k = " + (k + 1) + " also qualifies");
            }
        }
        assertEquals(0, MedianInterval.rank(5));
        assertEquals(1, MedianInterval.rank(6));
        assertEquals(2, MedianInterval.rank(10));
    }

    @Test
    void ratioOfMediansTakesTheIntervalFromBothEnds() {
        MedianInterval scalar = new MedianInterval(10, 80, 70, 90, 2, 0.98);
        MedianInterval vector = new MedianInterval(10, 10, 9, 12, 2, 0.98);

        RatioInterval r = RatioInterval.of(scalar, vector);

        assertEquals(8, r.ratio(), 1e-12);
        assertEquals(70.0 / 12, r.low(), 1e-12, "slowest vector, fastest scalar");
        assertEquals(10, r.high(), 1e-12, "90 / 9");
        assertTrue(r.excludes(5));
        assertFalse(r.excludes(6));
    }
}
