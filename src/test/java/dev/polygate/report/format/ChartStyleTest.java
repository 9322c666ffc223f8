package dev.polygate.report.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChartStyleTest {
    /** The powers of ten in [low, high], as XChart counts them for its labels. */
    private static int powersOfTenWithin(double[] range) {
        int count = 0;
        for (int k = -40; k <= 40; k++) {
            double power = ChartStyle.powerOfTen(k);
            if (power >= range[0] * (1 - 1e-12) && power <= range[1] * (1 + 1e-12)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aLogRangeWithinOneDecadeGrowsTowardsTheNearerPowers() {
        // [5, 30] holds 10 only: 100 is nearer (log distance 0.52) than 1 (0.70).
        assertArrayEquals(new double[] {5, 100}, ChartStyle.logRange(5, 30, 1));
        // [2, 9] holds no power: 10 is nearest (0.05 away), then 1 (0.30) rather than 100 (1.0).
        assertArrayEquals(new double[] {1, 10}, ChartStyle.logRange(2, 9, 1));
        // Already two powers: only the padding.
        assertArrayEquals(new double[] {0.5, 200}, ChartStyle.logRange(1, 100, 2));
    }

    @Test
    void everyLogRangeHoldsItsPaddedValuesAndTwoPowersOfTen() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double min = Math.pow(10, random.nextDouble(-12, 8));
            double max = min * Math.pow(10, random.nextDouble(0, 3));
            double pad = 1 + random.nextDouble(2);
            double[] range = ChartStyle.logRange(min, max, pad);
            assertTrue(range[0] <= min / pad && range[1] >= max * pad, "range of " + min + ".." + max);
            assertTrue(powersOfTenWithin(range) >= 2, "range " + range[0] + ".." + range[1]);
        }
    }
}
