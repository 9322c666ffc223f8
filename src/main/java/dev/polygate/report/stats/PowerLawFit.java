package dev.polygate.report.stats;

import dev.polygate.text.FloatText;
import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A power law y = 10^intercept · x^slope fitted as a straight line on log-log axes:
 * log10(y) = intercept + slope · log10(x), by ordinary least squares over every point (Commons
 * Math {@link SimpleRegression}). Repeated x values (several seeds at one size) are separate
 * points, not averaged first, so the interval reflects their spread.
 *
 * <p>The slope's interval is the usual t-based one, slope ± t(0.975, n − 2) · SE(slope). It
 * assumes the log-scale residuals are independent with constant variance and roughly normal;
 * for timings or errors that span decades that is usually nearer the truth on log axes than on
 * linear ones, but it is an assumption, not a guarantee. At least three distinct x values are
 * required: with two, any data lie on a line through the two group means, so the fit could not
 * show whether a power law holds at all.
 *
 * @param slope       the exponent: the least-squares slope of log10(y) on log10(x)
 * @param slopeLow    lower end of the slope's 95 % confidence interval
 * @param slopeHigh   upper end of the slope's 95 % confidence interval
 * @param slopeStdErr standard error of the slope
 * @param intercept   log10(y) at x = 1
 * @param rSquared    coefficient of determination on the log-log scale; NaN if all y are equal
 * @param points      number of (x, y) points fitted
 */
public record PowerLawFit(double slope, double slopeLow, double slopeHigh, double slopeStdErr, double intercept,
                          double rSquared, int points) {

    /** Fewest distinct x values a fit accepts; see the class comment for why two are not enough. */
    public static final int MIN_DISTINCT_X = 3;

    /**
     * The least-squares power law through the points (x[i], y[i]).
     *
     * @throws IllegalArgumentException if the arrays differ in length, a value is not finite and
     *                                  positive, or there are fewer than three distinct x values
     */
    public static PowerLawFit of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y need the same length, got " + x.length + " and " + y.length);
        }
        checkPositive(x, "x");
        checkPositive(y, "y");
        long distinct = Arrays.stream(x).distinct().count();
        if (distinct < MIN_DISTINCT_X) {
            throw new IllegalArgumentException("a power-law fit needs at least " + MIN_DISTINCT_X
                    + " distinct x values, got " + distinct + " among " + x.length + " points");
        }
        SimpleRegression regression = new SimpleRegression(true);
        for (int i = 0; i < x.length; i++) {
            regression.addData(Math.log10(x[i]), Math.log10(y[i]));
        }
        double slope = regression.getSlope();
        // Commons Math returns the half-width of the 95 % interval, t(0.975, n − 2) · SE(slope).
        double halfWidth = regression.getSlopeConfidenceInterval();
        return new PowerLawFit(slope, slope - halfWidth, slope + halfWidth, regression.getSlopeStdErr(),
                regression.getIntercept(), regression.getRSquare(), x.length);
    }

    /** The fitted y at {@code x}: 10^intercept · x^slope. */
    public double predict(double x) {
        return Math.pow(10, intercept + slope * Math.log10(x));
    }

    /** Whether the slope's 95 % interval contains {@code exponent}, e.g. 1 for linear scaling. */
    public boolean consistentWith(double exponent) {
        return slopeLow <= exponent && exponent <= slopeHigh;
    }

    private static void checkPositive(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + FloatText.shortest(v)
                        + ": a log-log fit needs finite, positive values");
            }
        }
    }
}
