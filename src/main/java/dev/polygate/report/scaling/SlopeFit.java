package dev.polygate.report.scaling;

import dev.polygate.report.stats.Stats;
import dev.polygate.report.stats.PowerLawFit;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One series read at one step count: every run's MSE by one measure, the median per width, and
 * the power law log10 MSE = a + slope · log10 P fitted over every run that had not diverged (each
 * seed a separate point, so the interval sees the spread between seeds).
 *
 * @param points   the fitted runs, by width then seed
 * @param diverged runs left out because they had diverged by this step
 * @param zero     runs left out because their MSE was exactly 0, which no log axis can show
 * @param widths   per width, smallest first: its parameter count, runs and median MSE
 * @param fit      the power law; empty when fewer than {@value PowerLawFit#MIN_DISTINCT_X} widths have a point
 */
public record SlopeFit(Series series, Measure measure, int steps, List<Point> points, int diverged, int zero,
                       List<WidthMedian> widths, Optional<PowerLawFit> fit) {

    /** One run's reading. */
    public record Point(int width, int parameterCount, long seed, double mse) {
    }

    /** The median over seeds at one width; NaN when no seed there has a point. */
    public record WidthMedian(int width, int parameterCount, int runs, int points, double median) {
    }

    public SlopeFit {
        points = List.copyOf(points);
        widths = List.copyOf(widths);
    }

    /** Reads every run of the series at {@code steps} by {@code measure} and fits the power law. */
    public static SlopeFit of(Series series, List<TrainingResult> runs, Measure measure, int steps) {
        List<Point> points = new ArrayList<>();
        int diverged = 0;
        int zero = 0;
        TreeMap<Integer, List<TrainingResult>> byWidth = new TreeMap<>();
        for (TrainingResult run : runs) {
            if (!series.contains(run)) {
                throw new IllegalArgumentException(run.spec().id() + " is not in the series " + series.label());
            }
            byWidth.computeIfAbsent(run.spec().model().width(), w -> new ArrayList<>()).add(run);
            OptionalDouble mse = measure.of(run, steps);
            if (mse.isEmpty()) {
                diverged++;
            } else if (mse.getAsDouble() <= 0) {
                zero++;
            } else {
                points.add(new Point(run.spec().model().width(), run.parameterCount(), run.spec().seed(),
                        mse.getAsDouble()));
            }
        }
        points.sort(Comparator.comparingInt(Point::width).thenComparingLong(Point::seed));
        List<WidthMedian> widths = new ArrayList<>();
        byWidth.forEach((width, atWidth) -> {
            double[] values = points.stream().filter(p -> p.width() == width).mapToDouble(Point::mse).toArray();
            widths.add(new WidthMedian(width, atWidth.get(0).parameterCount(), atWidth.size(), values.length,
                    Stats.median(values)));
        });
        return new SlopeFit(series, measure, steps, points, diverged, zero, widths, fitOf(points));
    }

    private static Optional<PowerLawFit> fitOf(List<Point> points) {
        long distinct = points.stream().mapToInt(Point::parameterCount).distinct().count();
        if (distinct < PowerLawFit.MIN_DISTINCT_X) {
            return Optional.empty();
        }
        return Optional.of(PowerLawFit.of(points.stream().mapToDouble(Point::parameterCount).toArray(),
                points.stream().mapToDouble(Point::mse).toArray()));
    }

    /** The median MSE at this width; NaN if no run there has a point (or the width is not in the grid). */
    public double medianAt(int width) {
        return widths.stream().filter(w -> w.width() == width).findFirst().map(WidthMedian::median)
                .orElse(Double.NaN);
    }

    /** Runs left out of the fit, for whatever reason. */
    public int leftOut() {
        return diverged + zero;
    }
}
