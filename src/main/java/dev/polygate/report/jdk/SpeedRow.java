package dev.polygate.report.jdk;

import dev.polygate.report.jmh.BenchmarkId;
import dev.polygate.report.jmh.RatioInterval;
import dev.polygate.report.stats.MedianInterval;

/**
 * One benchmark on both JDKs: each side's median time per operation with its 95% interval, and
 * the time ratio B/A (below 1: B is faster).
 *
 * @param id         the benchmark and its parameters
 * @param a          A's pooled samples (ns/op): median and interval
 * @param b          B's pooled samples (ns/op): median and interval
 * @param ratio      B's median / A's median, from B's low end / A's high end to B's high end / A's low end
 * @param difference what the two intervals say
 */
record SpeedRow(BenchmarkId id, MedianInterval a, MedianInterval b, RatioInterval ratio, Difference difference) {

    /**
     * The verdict of one row. A difference is called only where the two intervals do not overlap
     * at all; overlapping intervals are "no clear difference", however far apart the medians.
     */
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

        static Difference of(MedianInterval a, MedianInterval b) {
            if (b.high() < a.low()) {
                return B_FASTER;
            }
            if (b.low() > a.high()) {
                return B_SLOWER;
            }
            return NONE;
        }
    }

    static SpeedRow of(BenchmarkId id, double[] aNanos, double[] bNanos) {
        MedianInterval a = MedianInterval.of95(aNanos);
        MedianInterval b = MedianInterval.of95(bNanos);
        return new SpeedRow(id, a, b, RatioInterval.of(b, a), Difference.of(a, b));
    }

    /** Whether either side's interval is the min–max fallback (too few samples for 95%). */
    boolean usesFallback() {
        return a.minMaxFallback() || b.minMaxFallback();
    }
}
