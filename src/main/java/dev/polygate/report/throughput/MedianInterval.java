package dev.polygate.report.throughput;

import dev.polygate.report.Stats;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The median of a sample with a distribution-free confidence interval. Benchmark times are skewed
 * (a slow iteration is common, a fast outlier is not), so no normal approximation: the interval
 * is [x(k), x(n−k+1)] of the sorted values, where k is the largest rank with
 * P(B ≤ k−1) ≤ (1 − {@value #CONFIDENCE})/2 for B ~ Binomial(n, ½) — the number of values below
 * the true median. It then covers the median with probability 1 − 2·P(B ≤ k−1) ≥ 95 % for any
 * continuous distribution. With n ≤ 5 no rank qualifies (even min–max covers only
 * 1 − 2·½ⁿ ≤ 93.75 %): the interval falls back to min–max and says so.
 *
 * @param count    number of values
 * @param low      lower end (x(k), or the minimum)
 * @param high     upper end (x(n−k+1), or the maximum)
 * @param rank     k, or 0 for the min–max fallback
 * @param coverage the interval's exact coverage probability for a continuous distribution
 */
public record MedianInterval(int count, double median, double low, double high, int rank, double coverage) {
    public static final double CONFIDENCE = 0.95;

    /** The median and its interval; the values need not be sorted and are not modified. */
    public static MedianInterval of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = Stats.median(sorted);
        int k = rank(n);
        if (k == 0) {
            return new MedianInterval(n, median, sorted[0], sorted[n - 1], 0, 1 - 2 * Math.pow(0.5, n));
        }
        return new MedianInterval(n, median, sorted[k - 1], sorted[n - k], k,
                1 - 2 * binomial(n).cumulativeProbability(k - 1));
    }

    /** The largest k ≤ (n+1)/2 with P(B ≤ k−1) ≤ (1 − CONFIDENCE)/2, B ~ Binomial(n, ½); 0 if none. */
    static int rank(int n) {
        BinomialDistribution b = binomial(n);
        double tail = (1 - CONFIDENCE) / 2;
        int k = 0;
        while (k + 1 <= (n + 1) / 2 && b.cumulativeProbability(k) <= tail) {
            k++;
        }
        return k;
    }

    /** Without a random generator: only the distribution function is used, and seeding one costs time. */
    private static BinomialDistribution binomial(int n) {
        return new BinomialDistribution(null, n, 0.5);
    }

    /** Whether the interval is the min–max fallback rather than a 95 % order-statistic interval. */
    public boolean isMinMaxFallback() {
        return rank == 0;
    }

    /** "order statistics x(2)–x(9) of 10 values, 97.9 % coverage" or "min–max of 5 values (too few for 95 %)". */
    public String method() {
        if (isMinMaxFallback()) {
            return "min–max of " + count + (count == 1 ? " value" : " values") + " (too few for a 95 % interval)";
        }
        return String.format(Locale.ROOT, "order statistics x(%d)–x(%d) of %d values, %.1f %% coverage",
                rank, count - rank + 1, count, 100 * coverage);
    }
}
