package dev.polygate.report.stats;

import dev.polygate.text.FloatText;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The median of a sample with a distribution-free confidence interval from its order statistics.
 *
 * <p>Whatever the distribution of the measurements (benchmark timings are skewed and often
 * bimodal, so a mean ± t·s interval would mislead), the number of samples below the true median
 * is Binomial(n, ½). The interval [x₍ₖ₎, x₍ₙ₊₁₋ₖ₎] between the k-th smallest and k-th largest
 * value therefore covers the true median with probability P(k ≤ B ≤ n−k), B ~ Binomial(n, ½). We
 * take the largest k (the narrowest symmetric pair of ranks) whose coverage is still at least the
 * confidence asked for. For n = 10 at 95% that is k = 2: [x₍₂₎, x₍₉₎], coverage 97.9%.
 *
 * <p>With too few samples even k = 1 (min–max) falls short of the level — at 95% that is n ≤ 5
 * — and the interval falls back to min–max with {@link #minMaxFallback()} set; its real coverage,
 * 1 − 2·2⁻ⁿ, is in {@link #coverage()}, so a report can say how much less it is.
 *
 * @param median         the sample median (mean of the two middle values for an even n)
 * @param low            lower end, the order statistic x₍lowRank₎
 * @param high           upper end, the order statistic x₍highRank₎
 * @param n              number of samples
 * @param lowRank        1-based rank of {@code low} in the sorted sample
 * @param highRank       1-based rank of {@code high}, always {@code n + 1 - lowRank}
 * @param coverage       probability that [low, high] covers the true median, whatever the distribution
 * @param minMaxFallback whether too few samples forced min–max, whose coverage is below the level asked for
 */
public record MedianInterval(double median, double low, double high, int n, int lowRank, int highRank,
                             double coverage, boolean minMaxFallback) {

    /** The confidence level reports use unless they say otherwise. */
    public static final double CONFIDENCE_95 = 0.95;

    /** The median with its 95% interval; the values are not modified. */
    public static MedianInterval of95(double[] values) {
        return of(values, CONFIDENCE_95);
    }

    /**
     * The median of {@code values} (at least one, all finite) with an order-statistic interval of
     * at least {@code confidence} coverage, or min–max if the sample is too small for that.
     */
    public static MedianInterval of(double[] values, double confidence) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a median needs at least one value");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + FloatText.shortest(confidence));
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = Stats.median(sorted, n);
        int k = lowRank(n, confidence);
        boolean fallback = k == 0;
        if (fallback) {
            k = 1;
        }
        return new MedianInterval(median, sorted[k - 1], sorted[n - k], n, k, n + 1 - k, coverage(n, k), fallback);
    }

    /**
     * The largest rank k ≥ 1 such that [x₍ₖ₎, x₍ₙ₊₁₋ₖ₎] covers the median with probability at
     * least {@code confidence}; 0 if not even min–max (k = 1) does.
     */
    public static int lowRank(int n, double confidence) {
        int best = 0;
        for (int k = 1; k <= (n + 1) / 2; k++) {
            if (coverage(n, k) >= confidence) {
                best = k;
            } else {
                break;   // coverage only falls as k grows
            }
        }
        return best;
    }

    /** P(k ≤ B ≤ n−k) for B ~ Binomial(n, ½): the coverage of [x₍ₖ₎, x₍ₙ₊₁₋ₖ₎]. */
    public static double coverage(int n, int k) {
        // No random generator: only the distribution function is used.
        BinomialDistribution b = new BinomialDistribution(null, n, 0.5);
        return b.cumulativeProbability(n - k) - b.cumulativeProbability(k - 1);
    }

    /**
     * How the interval was obtained, for reports: "order statistics x(2)–x(9) of 10 values, 97.9 %
     * coverage" or "min–max of 5 values (too few for the confidence asked for), 93.8 % coverage".
     */
    public String method() {
        if (minMaxFallback) {
            return String.format(Locale.ROOT, "min–max of %d %s (too few for the confidence asked for), %.1f %% coverage",
                    n, n == 1 ? "value" : "values", 100 * coverage);
        }
        return String.format(Locale.ROOT, "order statistics x(%d)–x(%d) of %d values, %.1f %% coverage",
                lowRank, highRank, n, 100 * coverage);
    }

    /** Whether the two intervals share at least one point. */
    public boolean overlaps(MedianInterval other) {
        return low <= other.high && other.low <= high;
    }
}
