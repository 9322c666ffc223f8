package dev.polygate.report.accuracy;

import dev.polygate.report.format.NumberText;
import dev.polygate.report.stats.Stats;

import dev.polygate.report.stats.MedianInterval;
import dev.polygate.train.TrainingResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Final-MSE statistics of one cell over its seeds. Diverged runs are counted, not averaged in:
 * median, min and max are over the runs that finished, and NaN if none did.
 *
 * @param finalMseBySeed every run's final MSE keyed by seed (NaN if it diverged), so two cells can
 *                       be compared seed by seed: all kinds of one seed see the same data
 */
public record CellStats(int runs, int diverged, double median, double min, double max, Map<Long, Double> finalMseBySeed) {

    public static CellStats of(List<TrainingResult> runs) {
        Map<Long, Double> bySeed = new LinkedHashMap<>();
        double[] finished = new double[runs.size()];
        int count = 0;
        for (TrainingResult run : runs) {
            double mse = finished(run) ? run.finalMse() : Double.NaN;
            bySeed.put(run.spec().seed(), mse);
            if (!Double.isNaN(mse)) {
                finished[count++] = mse;
            }
        }
        double min = count == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        double max = count == 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, finished[i]);
            max = Math.max(max, finished[i]);
        }
        return new CellStats(runs.size(), runs.size() - count, Stats.median(finished, count), min, max,
                Collections.unmodifiableMap(bySeed));
    }

    /** A run counts as finished only with a finite final MSE, whatever its diverged flag says. */
    public static boolean finished(TrainingResult run) {
        return !run.diverged() && Double.isFinite(run.finalMse());
    }

    /**
     * The median of the finished seeds with its order-statistic interval (95 %, or min–max and its
     * lower real coverage when there are too few seeds); empty when no seed finished.
     */
    public Optional<MedianInterval> interval() {
        double[] finished = finalMseBySeed.values().stream().mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v)).toArray();
        return finished.length == 0 ? Optional.empty() : Optional.of(MedianInterval.of95(finished));
    }

    /**
     * A table cell: "1.23e-03 [4.50e-04–2.10e-03]", the median and its interval, plus "(k diverged)"
     * when some seeds diverged; "all k diverged" or "—" for no runs.
     */
    public String text() {
        if (runs == 0) {
            return "—";
        }
        if (!hasFinished()) {
            return "all " + runs + " diverged";
        }
        MedianInterval interval = interval().orElseThrow();
        String text = NumberText.loss(interval.median()) + " [" + NumberText.loss(interval.low()) + "–"
                + NumberText.loss(interval.high()) + "]";
        return diverged == 0 ? text : text + " (" + diverged + " diverged)";
    }

    /** Whether at least one seed finished, so median, min and max are numbers. */
    public boolean hasFinished() {
        return runs > diverged;
    }
}
