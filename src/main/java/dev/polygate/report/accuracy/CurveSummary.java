package dev.polygate.report.accuracy;

import dev.polygate.report.stats.Stats;

import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.util.Arrays;
import java.util.List;

/**
 * The loss curves of one cell's seeds, thinned for plotting: a median-over-seeds line and a
 * min–max band. Curves are cut into windows of k steps (k a multiple of the curves' stored block,
 * chosen so about {@code points} windows remain); each window [s, s + k] becomes one point at its
 * first step s, with
 *
 * <ul>
 * <li>the median over seeds of the loss at step s (a median of a whole window would smear the curve), and</li>
 * <li>the min and max over the window and every seed, from the stored per-block ranges
 *     ({@link LossCurve}), so a one-step Adam spike between points still shows in the band (a
 *     window's band includes its last step, the next window's first).</li>
 * </ul>
 *
 * Non-finite losses (a diverged run's last value) and steps after a run stopped are left out; a
 * window where no seed has a finite value at its first step gives no point. The last step always
 * gets a point of its own, so the line ends at the final MSE.
 *
 * @param steps  x: the Adam step of each point, increasing
 * @param median median over seeds at that step
 * @param low    min over the window and seeds
 * @param high   max over the window and seeds
 */
record CurveSummary(double[] steps, double[] median, double[] low, double[] high) {

    /** As {@link #of(List, int, int)} with no step the windows must line up with. */
    static CurveSummary of(List<TrainingResult> runs, int points) {
        return of(runs, points, 1);
    }

    /**
     * @param align where possible the window divides this step (a chart's label step), so every
     *              labelled step is a point: the window is the smallest multiple of the curves' block
     *              that is at least length / points and divides {@code align}, else the smallest such multiple
     * @throws IllegalArgumentException if points &lt; 1 or the runs' curves are stored in different blocks
     */
    static CurveSummary of(List<TrainingResult> runs, int points, long align) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be at least 1, got " + points);
        }
        int length = runs.stream().mapToInt(r -> r.curve().length()).max().orElse(0);
        int block = runs.stream().mapToInt(r -> r.curve().block()).max().orElse(1);
        for (TrainingResult run : runs) {
            if (run.curve().length() > 1 && run.curve().block() != block) {
                throw new IllegalArgumentException("the curves of one cell are stored in blocks of "
                        + run.curve().block() + " and " + block + " steps");
            }
        }
        int least = Math.max(1, (length + points - 1) / points);
        int window = (least + block - 1) / block * block;
        for (long w = window; w <= align; w += block) {
            if (align % w == 0) {
                window = (int) w;
                break;
            }
        }
        Builder out = new Builder(length / window + 2);
        double[] scratch = new double[runs.size()];
        for (int start = 0; start < length; start += window) {
            out.add(start, runs, start + window, block, scratch);
        }
        int last = length - 1;
        if (last > 0 && last % window != 0) {
            out.add(last, runs, last, block, scratch);
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

        /** One point at {@code start} for the window of steps [start, end]; start and end are multiples of block, or start = end. */
        void add(int start, List<TrainingResult> runs, int end, int block, double[] scratch) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int atStart = 0;
            for (TrainingResult run : runs) {
                LossCurve curve = run.curve();
                if (!curve.holds(start) || !Float.isFinite(curve.at(start))) {
                    continue;
                }
                float first = curve.at(start);
                scratch[atStart++] = first;
                min = Math.min(min, first);
                max = Math.max(max, first);
                for (int j = start / block; j < Math.min(end / block, curve.blockCount()); j++) {
                    if (!Float.isNaN(curve.blockLow(j))) {
                        min = Math.min(min, curve.blockLow(j));
                        max = Math.max(max, curve.blockHigh(j));
                    }
                }
            }
            // Curves only stop or go non-finite at their end, so no finite value at the window's
            // first step means none in the rest of the window either: nothing is lost by skipping.
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
