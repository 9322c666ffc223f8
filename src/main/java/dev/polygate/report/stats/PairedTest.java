package dev.polygate.report.stats;

import dev.polygate.text.FloatText;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Two kinds compared seed by seed: counts of wins, the median per-seed ratio with a
 * distribution-free interval, and two paired significance tests. Runs of one seed share their
 * data, so pairing by seed removes the data's luck from the comparison.
 *
 * <p>The inputs are final MSEs, {@code a[i]} and {@code b[i]} from the same seed; NaN marks a
 * diverged run, and a pair with a NaN on either side is left out of everything and counted in
 * {@link #excluded()}. MSEs are non-negative, so {@code a[i] == b[i]} (both 0 included) is a tie.
 *
 * <h2>Wilcoxon signed-rank test on log ratios</h2>
 * The differences tested are {@code log(a[i] / b[i])}, the paired differences of log MSE. That
 * makes the test scale-free: multiplying both kinds' MSEs by one factor (another degree, another
 * data scale) changes nothing, and a kind twice as good counts as much as one twice as bad. The
 * test (Commons Statistics {@link WilcoxonSignedRankTest}, two-sided) asks whether those log
 * ratios are symmetric about 0.
 *
 * <p>The p-value is exact — from the null distribution of the signed-rank statistic over all
 * 2ⁿ sign assignments — when every difference is non-zero, no two have the same size and there
 * are at most 1023 pairs. That is the library's rule, and this class does not change it: with a
 * zero difference (a tie, {@code a == b}) or tied sizes, the library silently uses a normal
 * approximation instead (Cureton's, with a tie correction and a continuity correction of ½), and
 * it keeps zero differences in the ranking while leaving them out of the statistic (Pratt's
 * signed-rank zero procedure, not R's default of dropping them). {@link #wilcoxonExact()} says
 * which it was, so a report never calls an approximate p exact. If every pair is a tie there is
 * no evidence either way and the p-value is 1 (the library would reject such data).
 *
 * <h2>Few seeds cannot be significant</h2>
 * The smallest two-sided exact p-value n pairs can give is 2/2ⁿ, when every sign agrees: with 5
 * pairs that is 2/32 = 0.0625, so 5 seeds can never reach p &lt; 0.05 whatever the data; 6 can
 * (1/32). {@link #minimumAttainableP(int)} gives that floor, so a report can say "not
 * distinguishable — and could not be with 5 seeds" rather than imply the kinds are equal. The
 * sign test has the same floor over its untied pairs. (The normal approximation used with ties
 * or zero differences is not bound by this floor, and with few pairs it is rough.)
 *
 * <h2>Sign test</h2>
 * The two-sided sign test (Commons Statistics {@link BinomialTest}, p = ½) counts only who won
 * each untied pair, not by how much: cruder than the Wilcoxon test but with no assumption of
 * symmetry. Ties are dropped, so its n is {@code winsA + winsB}; with no untied pair its p is 1.
 *
 * @param pairs         pairs where both runs finished: everything below is over these
 * @param excluded      pairs where at least one run diverged (NaN)
 * @param winsA         pairs with {@code a < b}
 * @param winsB         pairs with {@code b < a}
 * @param ties          pairs with {@code a == b}, both 0 included
 * @param ratio         the median of the per-pair ratios {@code a / b} (0 / 0 read as 1), with its
 *                      order-statistic interval at 95 % — or min–max and its lower real coverage
 *                      with 5 pairs or fewer, see {@link MedianInterval#minMaxFallback()}; a pair
 *                      where only b is 0 has ratio +∞
 * @param rankSumAHigher Wilcoxon W⁺: the sum of the ranks of |log(a / b)| over pairs where a is
 *                      higher (ties get average ranks, zero differences rank lowest and add to
 *                      neither sum)
 * @param rankSumBHigher Wilcoxon W⁻: the same over pairs where b is higher
 * @param wilcoxonP     two-sided Wilcoxon signed-rank p-value on the log ratios
 * @param wilcoxonExact whether {@code wilcoxonP} is exact (no zero and no tied differences, or
 *                      all ties) rather than the library's normal approximation
 * @param signP         two-sided sign-test p-value over the untied pairs
 */
public record PairedTest(int pairs, int excluded, int winsA, int winsB, int ties, MedianInterval ratio,
                         double rankSumAHigher, double rankSumBHigher, double wilcoxonP, boolean wilcoxonExact,
                         double signP) {

    /** The significance level reports use unless they say otherwise. */
    public static final double DEFAULT_ALPHA = 0.05;

    /**
     * The library computes exact p-values only up to this many differences ("requires the sample
     * size &lt;= 1023", WilcoxonSignedRankTest javadoc); above it the p is approximate whatever
     * the data.
     */
    private static final int WILCOXON_EXACT_LIMIT = 1023;

    /** What a test at some level says about which kind has the lower MSE. */
    public enum Verdict {
        A_LOWER("a lower"),
        B_LOWER("b lower"),
        NOT_DISTINGUISHABLE("not distinguishable");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** The words a report prints: "a lower", "b lower" or "not distinguishable". */
        public String label() {
            return label;
        }
    }

    /**
     * The comparison of {@code a} and {@code b}, paired by index; empty when no pair has both runs
     * finished (then every one of the {@code a.length} pairs was excluded).
     *
     * @throws IllegalArgumentException if the lengths differ, or a value is negative or infinite
     *                                  (a diverged run must be NaN)
     */
    public static Optional<PairedTest> of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples need the same length, got " + a.length + " and "
                    + b.length);
        }
        checkMse(a, "a");
        checkMse(b, "b");
        double[] ratios = new double[a.length];
        double[] logRatios = new double[a.length];
        int pairs = 0;
        int winsA = 0;
        int winsB = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
                continue;
            }
            if (a[i] < b[i]) {
                winsA++;
            } else if (b[i] < a[i]) {
                winsB++;
            }
            ratios[pairs] = a[i] == b[i] ? 1.0 : a[i] / b[i];
            logRatios[pairs] = logRatio(a[i], b[i]);
            pairs++;
        }
        if (pairs == 0) {
            return Optional.empty();
        }
        int ties = pairs - winsA - winsB;
        MedianInterval ratio = MedianInterval.of95(Arrays.copyOf(ratios, pairs));
        double signP = BinomialTest.withDefaults().test(winsA + winsB, winsA, 0.5).getPValue();

        double[] d = Arrays.copyOf(logRatios, pairs);
        if (ties == pairs) {
            // Every difference is zero: the statistic is 0 under every sign assignment, p = 1.
            return Optional.of(new PairedTest(pairs, a.length - pairs, winsA, winsB, ties, ratio, 0, 0, 1.0, true,
                    signP));
        }
        WilcoxonSignedRankTest.Result wilcoxon = WilcoxonSignedRankTest.withDefaults()
                .with(PValueMethod.EXACT)
                .test(d);
        double wPlus = wilcoxon.getStatistic();
        // The zero differences are the ties (logRatio is 0 only for a == b); they take the lowest
        // ranks 1..ties and add to neither sum.
        double wMinus = pairs * (pairs + 1) / 2.0 - ties * (ties + 1) / 2.0 - wPlus;
        boolean exact = !wilcoxon.hasZeroValues() && !wilcoxon.hasTiedValues() && pairs <= WILCOXON_EXACT_LIMIT;
        return Optional.of(new PairedTest(pairs, a.length - pairs, winsA, winsB, ties, ratio, wPlus, wMinus,
                wilcoxon.getPValue(), exact, signP));
    }

    /**
     * The smallest two-sided exact p-value the Wilcoxon signed-rank test (or the sign test) can
     * give with {@code pairs} untied pairs: 2 / 2ⁿ, reached only when every pair goes the same
     * way; 1 for fewer than two pairs. 0.0625 for 5 pairs, so 5 seeds never reach p &lt; 0.05.
     */
    public static double minimumAttainableP(int pairs) {
        if (pairs < 0) {
            throw new IllegalArgumentException("pairs must be non-negative, got " + pairs);
        }
        return pairs < 1 ? 1.0 : Math.min(1.0, Math.scalb(1.0, 1 - pairs));
    }

    /** {@link #minimumAttainableP(int)} for this comparison's number of pairs. */
    public double minimumAttainableP() {
        return minimumAttainableP(pairs);
    }

    /**
     * Whether this many pairs could reach {@code p < alpha} at all in the exact test; when not,
     * "not distinguishable" says only that there were too few seeds.
     */
    public boolean canReach(double alpha) {
        checkAlpha(alpha);
        return minimumAttainableP() < alpha;
    }

    /** {@link #verdict(double)} at {@link #DEFAULT_ALPHA}. */
    public Verdict verdict() {
        return verdict(DEFAULT_ALPHA);
    }

    /**
     * Which kind has the lower MSE by the Wilcoxon test at level {@code alpha}: not
     * distinguishable unless {@code wilcoxonP < alpha}, and otherwise a if the pairs where b is
     * higher carry the larger rank sum (W⁻ &gt; W⁺), else b. The sign test does not enter; a
     * report can show it beside the verdict.
     */
    public Verdict verdict(double alpha) {
        checkAlpha(alpha);
        if (!(wilcoxonP < alpha)) {
            return Verdict.NOT_DISTINGUISHABLE;
        }
        // p < 1 means W⁺ ≠ W⁻: at W⁺ = W⁻ both the exact and the approximate p are 1.
        return rankSumAHigher < rankSumBHigher ? Verdict.A_LOWER : Verdict.B_LOWER;
    }

    /**
     * log(a / b) for finite a, b ≥ 0: exactly 0 only when a == b (0 and 0 included), and with the
     * sign of a − b otherwise, so the Wilcoxon test sees the same ties and the same winners as
     * the counts. Taking log of the quotient keeps that: a correctly rounded a / b is 1 only when
     * a == b, whereas log(a) − log(b) can round to 0 for MSEs a few ulps apart (log 1e-10 ≈ −23 has
     * an ulp of 3.6e-15). Only where the quotient overflows or underflows is the difference of
     * logs used; ±∞ when just one of a, b is 0.
     */
    static double logRatio(double a, double b) {
        if (a == b) {
            return 0.0;
        }
        double quotient = a / b;
        if (quotient >= Double.MIN_NORMAL && quotient < Double.POSITIVE_INFINITY) {
            return Math.log(quotient);
        }
        return Math.log(a) - Math.log(b);
    }

    private static void checkMse(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isNaN(v) && !(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + FloatText.shortest(v)
                        + ": an MSE must be finite and non-negative, or NaN for a diverged run");
            }
        }
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + FloatText.shortest(alpha));
        }
    }
}
