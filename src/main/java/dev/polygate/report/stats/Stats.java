package dev.polygate.report.stats;

import java.util.Arrays;

/** Order statistics over finite values; the one place a median is defined for the whole report. */
public final class Stats {
    private Stats() {
    }

    /**
     * The median of {@code values[0..count)}: the middle value, or the mean of the two middle
     * values for an even count; NaN for none. Sorts that prefix of the array in place.
     */
    public static double median(double[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, count);
        int mid = count / 2;
        return count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    public static double median(double[] values) {
        return median(values.clone(), values.length);
    }
}
