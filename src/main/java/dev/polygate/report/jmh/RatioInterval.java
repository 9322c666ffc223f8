package dev.polygate.report.jmh;

import dev.polygate.report.stats.MedianInterval;

/**
 * The ratio of two medians with an interval from the two medians' intervals: low = numerator's
 * low / denominator's high, high = numerator's high / denominator's low — the smallest and largest
 * ratio both intervals allow. If both medians lie in their intervals, the ratio lies in this one;
 * its coverage is at least 1 − (the two intervals' miss probabilities added), about 90 % for two
 * 95 % intervals, and in practice higher.
 */
public record RatioInterval(double ratio, double low, double high) {

    public static RatioInterval of(MedianInterval numerator, MedianInterval denominator) {
        return new RatioInterval(numerator.median() / denominator.median(), numerator.low() / denominator.high(),
                numerator.high() / denominator.low());
    }

    /** Whether the interval lies entirely on one side of {@code value}. */
    public boolean excludes(double value) {
        return low > value || high < value;
    }
}
