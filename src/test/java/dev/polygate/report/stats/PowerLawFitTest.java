package dev.polygate.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class PowerLawFitTest {
    @Test
    void anExactPowerLawRecoversItsExponentWithNoWidth() {
        double[] x = {1, 2, 4, 8, 16, 32};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * Math.pow(x[i], 2.5);
        }
        PowerLawFit fit = PowerLawFit.of(x, y);
        assertEquals(2.5, fit.slope(), 1e-12);
        assertEquals(Math.log10(3), fit.intercept(), 1e-12);
        assertEquals(1.0, fit.rSquared(), 1e-12);
        assertTrue(fit.slopeHigh() - fit.slopeLow() < 1e-10, "width " + (fit.slopeHigh() - fit.slopeLow()));
        assertEquals(6, fit.points());
        assertEquals(3 * Math.pow(10, 2.5), fit.predict(10), 1e-9);
    }

    @Test
    void aNoisyFitMatchesTheClosedFormOls() {
        // On log-log axes: X = 0..4, Y = 0.1, 1.0, 2.2, 2.9, 4.1.
        double[] logX = {0, 1, 2, 3, 4};
        double[] logY = {0.1, 1.0, 2.2, 2.9, 4.1};
        int n = logX.length;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, logX[i]);
            y[i] = Math.pow(10, logY[i]);
        }

        // Closed-form OLS, written out here rather than taken from the code under test.
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += logX[i] / n;
            meanY += logY[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (logX[i] - meanX) * (logX[i] - meanX);
            sxy += (logX[i] - meanX) * (logY[i] - meanY);
            syy += (logY[i] - meanY) * (logY[i] - meanY);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double residual = logY[i] - (intercept + slope * logX[i]);
            sse += residual * residual;
        }
        double standardError = Math.sqrt(sse / (n - 2) / sxx);
        // t(0.975, 3 df) = 3.182 in every t table (e.g. NIST/SEMATECH e-Handbook, Table 1.3.6.7.2);
        // Commons Statistics gives the digits the table rounds.
        double t = TDistribution.of(n - 2).inverseCumulativeProbability(0.975);
        assertEquals(3.182, t, 5e-4);

        // The same by hand: X̄ = 2, Ȳ = 2.06, Sxx = 10, Sxy = 9.9, so slope 0.99, intercept 0.08;
        // residuals 0.02, −0.07, 0.14, −0.15, 0.06, SSE = 0.051, SST = 9.852.
        assertEquals(0.99, slope, 1e-12);
        assertEquals(0.08, intercept, 1e-12);
        assertEquals(0.051, sse, 1e-12);
        assertEquals(9.852, syy, 1e-12);
        assertEquals(Math.sqrt(0.0017), standardError, 1e-12);

        PowerLawFit fit = PowerLawFit.of(x, y);
        assertEquals(slope, fit.slope(), 1e-12);
        assertEquals(intercept, fit.intercept(), 1e-12);
        assertEquals(standardError, fit.slopeStdErr(), 1e-12);
        assertEquals(slope - t * standardError, fit.slopeLow(), 1e-9);
        assertEquals(slope + t * standardError, fit.slopeHigh(), 1e-9);
        // 3.182 · 0.04123 = 0.1312: the exponent is 0.99 ± 0.13.
        assertEquals(0.1312, fit.slopeHigh() - fit.slope(), 1e-4);
        assertEquals(1 - 0.051 / 9.852, fit.rSquared(), 1e-12);
        assertEquals(5, fit.points());
        assertTrue(fit.consistentWith(1.0));
        assertFalse(fit.consistentWith(1.2));
    }

    @Test
    void repeatedXValuesAreSeparatePoints() {
        // Two seeds at each of three sizes, 10 % either side of y = x. The slope is exactly 1 (the
        // spread is the same at every size), but the interval is not zero-width as it would be
        // through the per-size means: every residual is ±h, h = log10(11/9) / 2, so with
        // Sxx = 4 (log x = 1, 1, 2, 2, 3, 3) SE = √(6h² / (6 − 2) / 4), and the half-width is
        // t(0.975, 4 df) · SE with t = 2.776 (NIST/SEMATECH e-Handbook, Table 1.3.6.7.2).
        double[] x = {10, 10, 100, 100, 1000, 1000};
        double[] y = {9, 11, 90, 110, 900, 1100};
        PowerLawFit fit = PowerLawFit.of(x, y);
        assertEquals(6, fit.points());
        assertEquals(1.0, fit.slope(), 1e-12);
        double h = Math.log10(11.0 / 9) / 2;
        double standardError = Math.sqrt(6 * h * h / 4 / 4);
        assertEquals(standardError, fit.slopeStdErr(), 1e-12);
        assertEquals(2.776 * standardError, fit.slopeHigh() - fit.slope(), 5e-4 * standardError);
    }

    @Test
    void badInputIsRejectedWithAReason() {
        IllegalArgumentException twoSizes = assertThrows(IllegalArgumentException.class,
                () -> PowerLawFit.of(new double[] {1, 1, 2, 2}, new double[] {1, 2, 3, 4}));
        assertEquals("a power-law fit needs at least 3 distinct x values, got 2 among 4 points",
                twoSizes.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.of(new double[0], new double[0]));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> PowerLawFit.of(new double[] {1, 2, 3}, new double[] {1, 0, 3}));
        assertEquals("y[1] = 0.0: a log-log fit needs finite, positive values", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.of(new double[] {1, -2, 3}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> PowerLawFit.of(new double[] {1, 2, Double.NaN}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> PowerLawFit.of(new double[] {1, 2, 3}, new double[] {1, 2, Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.of(new double[] {1, 2, 3}, new double[] {1, 2}));
    }
}
