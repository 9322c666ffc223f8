package dev.polygate.report.format;

import java.util.Locale;

/** How every report prints numbers in prose and tables (always Locale.ROOT: never 1,23e-03). */
public final class NumberText {
    private static final String[] SI_PREFIXES = {"", "k", "M", "G", "T", "P"};

    /** A unit for durations given in nanoseconds. */
    public enum TimeUnit {
        NS("ns", 1), US("µs", 1e3), MS("ms", 1e6), S("s", 1e9);

        private final String symbol;
        private final double nanos;

        TimeUnit(String symbol, double nanos) {
            this.symbol = symbol;
            this.nanos = nanos;
        }

        public String symbol() {
            return symbol;
        }

        /**
         * The largest unit in which the duration is at least 1 once rounded to three digits, so
         * 999.7 ns reads 1.00 µs rather than 1000 ns; ns for anything smaller or not finite.
         */
        public static TimeUnit of(double nanos) {
            TimeUnit unit = NS;
            for (TimeUnit u : values()) {
                if (Math.abs(nanos) / u.nanos >= 0.9995) {
                    unit = u;
                }
            }
            return unit;
        }

        /** The duration in this unit with four significant digits, without the symbol: 5.461, 12.30, 15000. */
        public String fourDigits(double nanos) {
            return significant(nanos / this.nanos, 4);
        }

        /** The duration in this unit with three significant digits, without the symbol: 5.46, 12.3, 150. */
        public String threeDigits(double nanos) {
            return NumberText.threeDigits(nanos / this.nanos);
        }
    }

    private NumberText() {
    }

    /** A loss in scientific notation with three significant digits, e.g. 1.23e-03. */
    public static String loss(double value) {
        return scientific(value);
    }

    /** Scientific notation with three significant digits, e.g. a relative difference 1.23e-07. */
    public static String scientific(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2e", value) : nonFinite(value);
    }

    /** A ratio with three decimals, e.g. 0.987: where ratios near 1 are compared, digits after the point matter. */
    public static String decimals3(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : nonFinite(value);
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
        TimeUnit unit = TimeUnit.of(ns);
        return unit.threeDigits(ns) + " " + unit.symbol();
    }

    /**
     * A median duration with its interval, both in the median's unit so they read at a glance:
     * {@code 5.46 ms [4.20–6.73]}.
     */
    public static String nanosecondsWithInterval(double ns, double lowNs, double highNs) {
        if (!Double.isFinite(ns)) {
            return nonFinite(ns);
        }
        TimeUnit unit = TimeUnit.of(ns);
        return unit.threeDigits(ns) + " " + unit.symbol() + " [" + unit.threeDigits(lowNs) + "–"
                + unit.threeDigits(highNs) + "]";
    }

    /** A p-value: three significant digits down to 0.001 (0.0625, 0.00195), scientific below (1.2e-05). */
    public static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return nonFinite(p);
        }
        return p >= 0.001 ? significant(p, 3) : String.format(Locale.ROOT, "%.1e", p);
    }

    /** A ratio with its interval: {@code 1.30 [1.21–1.42]}. */
    public static String ratioWithInterval(double ratio, double low, double high) {
        return ratio(ratio) + " [" + ratio(low) + "–" + ratio(high) + "]";
    }

    /** An exponent with two decimals, e.g. -3.41: the slope of a log-log fit. */
    public static String slope(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : nonFinite(value);
    }

    /** A slope with its interval: {@code -3.41 [-3.90, -2.93]}. */
    public static String slopeWithInterval(double slope, double low, double high) {
        return slope(slope) + " [" + slope(low) + ", " + slope(high) + "]";
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

    /** {@code digits} significant digits, never in scientific notation: 5.461, 12.30, 15000. */
    public static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        if (value == 0) {
            return "0";
        }
        int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(Math.abs(value))));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String nonFinite(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value > 0 ? "inf" : "-inf";
    }
}
