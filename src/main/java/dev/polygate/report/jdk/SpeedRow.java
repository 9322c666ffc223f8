package dev.polygate.report.jdk;

import dev.polygate.report.jmh.BenchmarkId;
import dev.polygate.report.stats.HodgesLehmannRatio;
import dev.polygate.report.stats.MedianInterval;

/**
 * One benchmark on both JDKs, the fork as the unit: each side's forks reduced to one value each
 * (the median of the fork's measured iterations), their median with its order-statistic
 * interval, and the time ratio B/A with its Mann–Whitney interval (below 1: B is faster).
 *
 * @param id         the benchmark and its parameters
 * @param a          A's fork medians (ns/op): their median and interval
 * @param b          B's fork medians (ns/op): their median and interval
 * @param ratio      B/A: Hodges–Lehmann ratio of B's fork medians to A's, with its 95 % interval
 * @param difference the verdict, by {@link Difference#of}
 */
record SpeedRow(BenchmarkId id, MedianInterval a, MedianInterval b, HodgesLehmannRatio ratio, Difference difference) {

    /**
     * The smallest factor called a difference: a ratio B/A between 1/1.05 and 1.05 is "no clear
     * difference" even when its interval excludes 1. Below a few per cent, a JDK difference is
     * not told apart from a shift of the whole machine between the interleaved forks (and is of
     * no practical weight).
     */
    static final double PRACTICAL_FACTOR = 1.05;

    /** The verdict of one row. */
    enum Difference {
        B_FASTER("B faster"),
        B_SLOWER("B slower"),
        NONE("no clear difference");

        private final String text;

        Difference(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        /**
         * A difference is called only where the ratio's 95 % interval excludes 1 (an interval
         * with at least 95 % coverage, so not the min–max fallback of too few forks) and the
         * ratio itself is at least {@link #PRACTICAL_FACTOR} away from 1.
         */
        static Difference of(HodgesLehmannRatio ratio) {
            if (ratio.belowLevel()) {
                return NONE;
            }
            if (ratio.high() < 1 && ratio.ratio() <= 1 / PRACTICAL_FACTOR) {
                return B_FASTER;
            }
            if (ratio.low() > 1 && ratio.ratio() >= PRACTICAL_FACTOR) {
                return B_SLOWER;
            }
            return NONE;
        }
    }

    /** A row from each side's fork medians (ns/op, one value per fork). */
    static SpeedRow of(BenchmarkId id, double[] aForkMedians, double[] bForkMedians) {
        HodgesLehmannRatio ratio = HodgesLehmannRatio.of95(bForkMedians, aForkMedians);
        return new SpeedRow(id, MedianInterval.of95(aForkMedians), MedianInterval.of95(bForkMedians), ratio,
                Difference.of(ratio));
    }

    /** Whether the ratio's interval is the min–max fallback (too few forks for 95 %): no verdict possible. */
    boolean usesFallback() {
        return ratio.belowLevel();
    }
}
