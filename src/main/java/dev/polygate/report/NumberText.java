package dev.polygate.report;

import java.util.Locale;

/** How the report prints numbers in prose and tables (always Locale.ROOT: never 1,23e-03). */
final class NumberText {
    private NumberText() {
    }

    /** A loss in scientific notation with three significant digits, e.g. 1.23e-03. */
    static String loss(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2e", value) : nonFinite(value);
    }

    /** A ratio with three significant digits, e.g. 0.345 or 12.0 (scientific only when extreme). */
    static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3g", value) : nonFinite(value);
    }

    /** Seconds with one decimal, e.g. 12.3 s. */
    static String seconds(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f s", value) : nonFinite(value);
    }

    private static String nonFinite(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value > 0 ? "inf" : "-inf";
    }
}
