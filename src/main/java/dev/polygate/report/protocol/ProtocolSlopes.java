package dev.polygate.report.protocol;

import dev.polygate.experiment.QueirugaDesign;
import dev.polygate.experiment.QueirugaDesign.Method;
import dev.polygate.model.LayerKind;
import dev.polygate.report.stats.PowerLawFit;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The slopes of the Queiruga protocol: per method (readout, lm, adam), kind and measure, the power
 * law error ∝ n^slope (or ∝ P^slope) fitted by least squares on log-log over every run with n ≥
 * {@value #FIT_FROM} and a finite, positive error (each seed a point), with its t-based 95 % interval.
 * Small n is left out because the paper's asymptotic rates are about large n: with 1–3 kinks the
 * error is still dominated by the coarsest features of f.
 */
public record ProtocolSlopes(QueirugaDesign design, List<Series> series) {
    /** Fits use runs with at least this many hidden units. */
    public static final int FIT_FROM = 4;

    /** Error measures: RMSE on the training points, on the test grid, and the training MSE. */
    public enum Measure {
        RMSE("rmse", "training RMSE"), TEST_RMSE("test_rmse", "test RMSE"), MSE("mse", "training MSE");

        final String json;
        final String label;

        Measure(String json, String label) {
            this.json = json;
            this.label = label;
        }

        double of(TrainingResult r) {
            return switch (this) {
                case RMSE -> Math.sqrt(r.finalMse());
                case TEST_RMSE -> Math.sqrt(r.testMse());
                case MSE -> r.finalMse();
            };
        }
    }

    /** What a slope is fitted against: hidden units n, or the parameter count P. */
    public enum Against {
        HIDDEN_UNITS("hidden_units", "n"), PARAMETERS("parameters", "P");

        final String json;
        final String symbol;

        Against(String json, String symbol) {
            this.json = json;
            this.symbol = symbol;
        }
    }

    /** One method and kind: its runs and its fits. */
    public record Series(Method method, LayerKind kind, List<TrainingResult> runs, List<Fit> fits) {
        public Optional<Fit> fit(Measure measure, Against against) {
            return fits.stream().filter(f -> f.measure() == measure && f.against() == against).findFirst();
        }
    }

    /** One fitted slope; empty fit when fewer than three distinct n have a point. */
    public record Fit(Measure measure, Against against, Optional<PowerLawFit> fit, int leftOut) {
    }

    public static ProtocolSlopes of(QueirugaDesign design, List<TrainingResult> runs) {
        List<Series> out = new ArrayList<>();
        for (Method method : Method.values()) {
            for (LayerKind kind : design.kinds()) {
                List<TrainingResult> mine = runs.stream().filter(r -> Method.of(r.spec()) == method
                        && r.spec().model().kind() == kind).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                List<Fit> fits = new ArrayList<>();
                for (Measure m : Measure.values()) {
                    for (Against a : Against.values()) {
                        fits.add(fit(mine, m, a));
                    }
                }
                out.add(new Series(method, kind, mine, fits));
            }
        }
        return new ProtocolSlopes(design, List.copyOf(out));
    }

    private static Fit fit(List<TrainingResult> runs, Measure measure, Against against) {
        List<double[]> points = new ArrayList<>();
        int leftOut = 0;
        for (TrainingResult r : runs) {
            int n = r.spec().model().width();
            if (n < FIT_FROM) {
                continue;
            }
            double y = r.failed() || r.diverged() ? Double.NaN : measure.of(r);
            if (!(y > 0) || !Double.isFinite(y)) {
                leftOut++;
                continue;
            }
            points.add(new double[] {against == Against.HIDDEN_UNITS ? n : r.parameterCount(), y});
        }
        long distinct = points.stream().mapToDouble(p -> p[0]).distinct().count();
        if (distinct < PowerLawFit.MIN_DISTINCT_X) {
            return new Fit(measure, against, Optional.empty(), leftOut);
        }
        return new Fit(measure, against, Optional.of(PowerLawFit.of(points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray())), leftOut);
    }

    public Optional<Series> series(Method method, LayerKind kind) {
        return series.stream().filter(s -> s.method() == method && s.kind() == kind).findFirst();
    }
}
