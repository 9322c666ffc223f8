package dev.polygate.report;

import java.util.Locale;

/** How the reports print numbers in prose and tables (always Locale.ROOT: never 1,23e-03). */
public final class NumberText {
    private static final String[] TIME_UNITS = {"ns", "µs", "ms", "s"};
    private static final String[] SI_PREFIXES = {"", "k", "M", "G", "T", "P"};

    private NumberText() {
    }

    /** A loss in scientific notation with three significant digits, e.g. 1.23e-03. */
    public static String loss(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2e", value) : nonFinite(value);
    }

    /** A ratio with three significant digits, e.g. 0.345 or 12.0 (scientific only when extreme). */
    public static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3g", value) : nonFinite(value);
    }

    /** Seconds with one decimal, e.g. 12.3 s. */
    public static String seconds(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f s", value) : nonFinite(value);
    }

    /** A duration given in nanoseconds, in the unit that keeps it below 1000: 845 ns, 12.3 µs, 5.46 ms. */
    public static String nanoseconds(double ns) {
        if (!Double.isFinite(ns)) {
            return nonFinite(ns);
        }
        int unit = timeUnit(ns);
        return threeDigits(ns / Math.pow(1000, unit)) + " " + TIME_UNITS[unit];
    }

    /**
     * A median duration with its interval, both in the median's unit so they read at a glance:
     * {@code 5.46 ms [4.20–6.73]}.
     */
    public static String nanosecondsWithInterval(double ns, double lowNs, double highNs) {
        if (!Double.isFinite(ns)) {
            return nonFinite(ns);
        }
        int unit = timeUnit(ns);
        double scale = Math.pow(1000, unit);
        return threeDigits(ns / scale) + " " + TIME_UNITS[unit] + " [" + threeDigits(lowNs / scale) + "–"
                + threeDigits(highNs / scale) + "]";
    }

    /** A ratio with its interval: {@code 1.30 [1.21–1.42]}. */
    public static String ratioWithInterval(double ratio, double low, double high) {
        return ratio(ratio) + " [" + ratio(low) + "–" + ratio(high) + "]";
    }

    /** A rate with an SI prefix and three significant digits, e.g. 183 M or 1.20 G (append the unit). */
    public static String si(double value) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        int prefix = 0;
        double v = value;
        while (Math.abs(v) >= 999.5 && prefix < SI_PREFIXES.length - 1) {
            v /= 1000;
            prefix++;
        }
        return threeDigits(v) + " " + SI_PREFIXES[prefix];
    }

    /** Three significant digits without scientific notation for values up to the thousands: 845, 12.3, 1.20. */
    public static String threeDigits(double value) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        double a = Math.abs(value);
        if (a >= 99.95) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (a >= 9.995) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (a >= 0.9995 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** A fraction as a percentage with one decimal, e.g. 0.1234 → 12.3 %. */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", 100 * fraction) : nonFinite(fraction);
    }

    /** Index into TIME_UNITS: the largest unit in which the value is at least 1 (after rounding). */
    private static int timeUnit(double ns) {
        int unit = 0;
        double v = Math.abs(ns);
        while (v >= 999.5 && unit < TIME_UNITS.length - 1) {
            v /= 1000;
            unit++;
        }
        return unit;
    }

    private static String nonFinite(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value > 0 ? "inf" : "-inf";
    }
}
