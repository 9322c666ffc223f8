package dev.polygate.report.jdk;

import java.util.Locale;

/** How the JDK report prints times and ratios (always Locale.ROOT: never 1,23). */
final class TimeText {
    private TimeText() {
    }

    /** A time unit for a row: the largest of ns, µs, ms, s that keeps the value at or above 1. */
    enum Unit {
        NS("ns", 1), US("µs", 1e3), MS("ms", 1e6), S("s", 1e9);

        final String symbol;
        final double nanos;

        Unit(String symbol, double nanos) {
            this.symbol = symbol;
            this.nanos = nanos;
        }

        static Unit of(double nanos) {
            Unit unit = NS;
            for (Unit u : values()) {
                if (nanos >= u.nanos) {
                    unit = u;
                }
            }
            return unit;
        }
    }

    /** Four significant digits in the unit, never in scientific notation: 5.461, 12.30, 15000. */
    static String in(Unit unit, double nanos) {
        return significant(nanos / unit.nanos, 4);
    }

    /** A ratio with three decimals, e.g. 0.987. */
    static String ratio(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A relative difference in scientific notation with three digits, e.g. 1.23e-07. */
    static String scientific(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "n/a" : "inf";
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }

    static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "n/a" : (value > 0 ? "inf" : "-inf");
        }
        if (value == 0) {
            return "0";
        }
        int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(Math.abs(value))));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
