package dev.polygate.report.accuracy;

import dev.polygate.report.stats.Stats;

import dev.polygate.train.TrainingResult;
import java.util.Arrays;
import java.util.List;

/**
 * The loss curves of one cell's seeds, thinned for plotting: a median-over-seeds line and a
 * min–max band. Curves are cut into windows of k consecutive steps (k chosen so about
 * {@code points} windows remain); each window becomes one point at its first step, with
 *
 * <ul>
 * <li>the median over seeds at that step (a median of a whole window would smear the curve), and</li>
 * <li>the min and max over every step of the window and every seed, so a one-step Adam spike
 *     between sampled steps still shows in the band.</li>
 * </ul>
 *
 * Non-finite losses (a diverged run's last value) and steps after a run stopped are left out; a
 * window where no seed has a finite value gives no point. The last step always gets a point of
 * its own, so the line ends at the final MSE.
 *
 * @param steps  x: the Adam step of each point, increasing
 * @param median median over seeds at that step
 * @param low    min over the window and seeds
 * @param high   max over the window and seeds
 */
record CurveSummary(double[] steps, double[] median, double[] low, double[] high) {

    static CurveSummary of(List<TrainingResult> runs, int points) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be at least 1, got " + points);
        }
        int length = runs.stream().mapToInt(r -> r.curve().length).max().orElse(0);
        int window = Math.max(1, (length + points - 1) / points);
        Builder out = new Builder(length / window + 2);
        double[] scratch = new double[runs.size()];
        for (int start = 0; start < length; start += window) {
            out.add(start, runs, Math.min(start + window, length), scratch);
        }
        int last = length - 1;
        if (last > 0 && last % window != 0) {
            out.add(last, runs, last + 1, scratch);
        }
        return out.build();
    }

    int size() {
        return steps.length;
    }

    /** Collects points, skipping windows where every seed has stopped or diverged. */
    private static final class Builder {
        private final double[] steps;
        private final double[] median;
        private final double[] low;
        private final double[] high;
        private int size;

        Builder(int capacity) {
            steps = new double[capacity];
            median = new double[capacity];
            low = new double[capacity];
            high = new double[capacity];
        }

        /** One point at {@code start} for the window of steps [start, end). */
        void add(int start, List<TrainingResult> runs, int end, double[] scratch) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int atStart = 0;
            for (TrainingResult run : runs) {
                float[] curve = run.curve();
                for (int t = start; t < Math.min(end, curve.length); t++) {
                    if (Float.isFinite(curve[t])) {
                        min = Math.min(min, curve[t]);
                        max = Math.max(max, curve[t]);
                        if (t == start) {
                            scratch[atStart++] = curve[t];
                        }
                    }
                }
            }
            // Curves only stop or go non-finite at their end, so no value at the window's first
            // step means no value in the rest of the window either: nothing is lost by skipping.
            if (atStart == 0) {
                return;
            }
            steps[size] = start;
            median[size] = Stats.median(scratch, atStart);
            low[size] = min;
            high[size] = max;
            size++;
        }

        CurveSummary build() {
            return new CurveSummary(Arrays.copyOf(steps, size), Arrays.copyOf(median, size),
                    Arrays.copyOf(low, size), Arrays.copyOf(high, size));
        }
    }
}
