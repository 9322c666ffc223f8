package dev.polygate.report.jmh;

import dev.polygate.report.stats.HodgesLehmannRatio;

/**
 * A ratio with its interval, as reports print it, and how much that interval can be trusted.
 * Ratios of two benchmarks come from their forks' medians ({@link HodgesLehmannRatio}: the fork,
 * not the iteration, is the independent unit), through {@link #of(double[], double[])}.
 *
 * @param ratio      the estimate
 * @param low        lower end of the interval
 * @param high       upper end
 * @param coverage   the probability the interval covers the true ratio
 * @param belowLevel whether too few forks made the interval min–max, with coverage below 95 %
 */
public record RatioInterval(double ratio, double low, double high, double coverage, boolean belowLevel) {

    /** The ratio numerator / denominator of two benchmarks' fork medians, with a 95 % interval. */
    public static RatioInterval of(double[] numeratorForks, double[] denominatorForks) {
        return of(HodgesLehmannRatio.of95(numeratorForks, denominatorForks));
    }

    public static RatioInterval of(HodgesLehmannRatio r) {
        return new RatioInterval(r.ratio(), r.low(), r.high(), r.coverage(), r.belowLevel());
    }

    /** Whether the interval lies entirely on one side of {@code value}. */
    public boolean excludes(double value) {
        return low > value || high < value;
    }
}
