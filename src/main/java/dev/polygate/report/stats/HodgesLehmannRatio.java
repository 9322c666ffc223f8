package dev.polygate.report.stats;

import dev.polygate.text.FloatText;
import java.util.Arrays;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The ratio of two groups of independent positive measurements — in the reports, one value per
 * JMH fork (the median of the fork's iterations) — as the Hodges–Lehmann estimate of the shift
 * in log scale, with its distribution-free confidence interval from the Mann–Whitney U
 * distribution, and the two-sided Mann–Whitney U test.
 *
 * <p>Why forks: iterations inside one fork share the JIT's compilation decisions, code layout and
 * memory placement, so they are correlated and agree far more with each other than with another
 * fork; pooling them as independent samples gives intervals that are much too narrow (two runs of
 * one JDK then "differ" on several of 30 benchmarks). The fork is the unit that varies
 * independently, so each fork contributes one value here.
 *
 * <p>The method, for m numerator and n denominator values: the m·n pairwise differences
 * dᵢⱼ = log(numeratorᵢ) − log(denominatorⱼ), sorted. The estimate is their median (the
 * Hodges–Lehmann shift), reported as the ratio exp(median). The interval is [d₍ₖ₎, d₍ₘₙ₊₁₋ₖ₎]:
 * if the two groups differ only by a factor, the number of differences below the true log
 * factor has the null distribution of the Mann–Whitney U statistic, so this covers the factor
 * with probability 1 − 2·P(U ≤ k − 1), whatever the distribution of the values. We take the
 * largest k whose coverage is still at least the confidence asked for (m = n = 5 at 95 %: k = 3,
 * coverage 96.8 %). The U distribution is computed exactly here (the coefficients of the
 * Gaussian binomial [m+n choose m]); the p-value comes from Commons Statistics
 * {@link MannWhitneyUTest} (exact without ties for small groups, else its normal approximation).
 * Everything is a function of the input alone: the same values give the same output.
 *
 * <p>Few forks cannot show a difference: the smallest two-sided p-value is 2 / C(m+n, m), when
 * every numerator value lies on one side of every denominator value: with 3 forks per side that
 * is 0.1, with 4 it is 0.029, with 5 0.0079. When not even k = 1 (min–max of the differences)
 * reaches the confidence, the interval falls back to min–max with {@link #belowLevel()} set and
 * its real, lower coverage in {@link #coverage()}.
 *
 * @param ratio              exp of the Hodges–Lehmann estimate: the typical numerator / denominator
 * @param low                lower end of the interval for the ratio
 * @param high               upper end
 * @param numeratorCount     m, numerator values (forks)
 * @param denominatorCount   n, denominator values (forks)
 * @param lowRank            k: the interval's ends are the k-th smallest and k-th largest of the m·n ratios
 * @param coverage           1 − 2·P(U ≤ k − 1): the probability the interval covers the true factor
 * @param belowLevel         whether too few values forced min–max, whose coverage is below the confidence asked for
 * @param pValue             two-sided Mann–Whitney U test p-value (Commons Statistics)
 * @param minimumAttainableP 2 / C(m+n, m) (at most 1): no data on this many values can give a smaller p
 */
public record HodgesLehmannRatio(double ratio, double low, double high, int numeratorCount, int denominatorCount,
                                 int lowRank, double coverage, boolean belowLevel, double pValue,
                                 double minimumAttainableP) {

    /** The ratio numerator / denominator with a 95 % interval. */
    public static HodgesLehmannRatio of95(double[] numerator, double[] denominator) {
        return of(numerator, denominator, MedianInterval.CONFIDENCE_95);
    }

    /**
     * The ratio numerator / denominator of two groups of positive finite values (at least one
     * each) with an interval of at least {@code confidence} coverage, or min–max of the pairwise
     * ratios if the groups are too small for that.
     */
    public static HodgesLehmannRatio of(double[] numerator, double[] denominator, double confidence) {
        check(numerator, "numerator");
        check(denominator, "denominator");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + FloatText.shortest(confidence));
        }
        int m = numerator.length;
        int n = denominator.length;
        double[] d = new double[m * n];
        int i = 0;
        for (double x : numerator) {
            for (double y : denominator) {
                d[i++] = Math.log(x) - Math.log(y);
            }
        }
        Arrays.sort(d);
        double[] cdf = uDistribution(m, n);
        int k = lowRank(cdf, confidence);
        boolean below = k == 0;
        if (below) {
            k = 1;
        }
        double p = (m == 1 && n == 1) ? 1
                : MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(numerator, denominator)
                        .getPValue();
        return new HodgesLehmannRatio(Math.exp(Stats.median(d)), Math.exp(d[k - 1]), Math.exp(d[d.length - k]), m, n, k,
                coverage(cdf, k), below, p, Math.min(1, 2 * cdf[0]));
    }

    /** Whether the interval lies entirely on one side of {@code value}. */
    public boolean excludes(double value) {
        return low > value || high < value;
    }

    /**
     * P(U ≤ u) for u = 0 … m·n under the null hypothesis (the m + n values exchangeable), for
     * m and n values: the counts are the coefficients of the Gaussian binomial
     * [m+n choose m]_q = ∏ᵢ₌₁..ₘ (1 − q^(n+i)) / (1 − q^i), divided by C(m+n, m).
     */
    static double[] uDistribution(int m, int n) {
        int max = m * n;
        double[] c = new double[max + 1];
        c[0] = 1;
        for (int i = 1; i <= m; i++) {
            int up = n + i;
            for (int u = max; u >= up; u--) {      // × (1 − q^(n+i))
                c[u] -= c[u - up];
            }
            for (int u = i; u <= max; u++) {       // ÷ (1 − q^i): the series 1 + q^i + q^2i + …
                c[u] += c[u - i];
            }
        }
        double total = 0;
        for (double v : c) {
            total += v;
        }
        double[] cdf = new double[max + 1];
        double sum = 0;
        for (int u = 0; u <= max; u++) {
            sum += c[u];
            cdf[u] = sum / total;
        }
        return cdf;
    }

    /** The largest k ≥ 1 with 1 − 2·P(U ≤ k − 1) ≥ confidence; 0 if not even k = 1 reaches it. */
    private static int lowRank(double[] cdf, double confidence) {
        int max = cdf.length - 1;
        int best = 0;
        for (int k = 1; k <= (max + 1) / 2; k++) {
            if (coverage(cdf, k) >= confidence) {
                best = k;
            } else {
                break;   // coverage only falls as k grows
            }
        }
        return best;
    }

    private static double coverage(double[] cdf, int k) {
        return Math.max(0, 1 - 2 * cdf[k - 1]);
    }

    private static void check(double[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the " + what + " needs at least one value");
        }
        for (double v : values) {
            if (!(v > 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("the " + what + " values must be positive and finite, got "
                        + FloatText.shortest(v));
            }
        }
    }
}
