package dev.polygate.report.scaling;

import dev.polygate.experiment.ScalingDesign;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scaling sweep read for its report: per series (activation, kind, n) the fit at every reading
 * by the lowest-MSE measure, the same fit over the larger half of the widths only, the fit of the
 * MSE at the last step for comparison, and the optimisation check. Series are in the order
 * activation, n, kind, as the design lists them.
 *
 * <p>The fit over the larger widths is there because a power law need not hold over the whole
 * range: the smallest widths can sit far above the line (too few units to fit xⁿ at all) and the
 * largest can meet an optimiser floor. Where the two fits disagree, no single slope describes the
 * range, and the larger widths' slope is the nearer one to an asymptotic exponent.
 */
public final class ScalingResults {
    private final ScalingDesign design;
    private final SweepResult sweep;
    private final List<Series> series = new ArrayList<>();
    private final Map<Series, List<SlopeFit>> fits = new LinkedHashMap<>();
    private final Map<Series, SlopeFit> atStepFits = new LinkedHashMap<>();
    private final Map<Series, SlopeFit> largerWidthFits = new LinkedHashMap<>();

    private ScalingResults(ScalingDesign design, SweepResult sweep) {
        this.design = design;
        this.sweep = sweep;
    }

    /** @throws IllegalArgumentException if the sweep did not run the design's grid */
    public static ScalingResults of(ScalingDesign design, SweepResult sweep) {
        if (!sweep.grid().equals(design.grid())) {
            throw new IllegalArgumentException("the sweep ran another grid than the scaling design's");
        }
        ScalingResults results = new ScalingResults(design, sweep);
        for (Activation activation : design.activations()) {
            for (int degree : design.degrees()) {
                for (LayerKind kind : design.kinds()) {
                    results.add(new Series(activation, kind, degree));
                }
            }
        }
        return results;
    }

    private void add(Series s) {
        List<TrainingResult> runs = sweep.runs().stream().filter(s::contains).toList();
        List<SlopeFit> readings = new ArrayList<>();
        for (int steps : design.readings()) {
            readings.add(SlopeFit.of(s, runs, Measure.LOWEST, steps));
        }
        series.add(s);
        fits.put(s, List.copyOf(readings));
        atStepFits.put(s, SlopeFit.of(s, runs, Measure.AT_STEP, design.longSteps()));
        List<Integer> larger = largerWidths();
        largerWidthFits.put(s, SlopeFit.of(s, runs.stream().filter(r -> larger.contains(r.spec().model().width()))
                .toList(), Measure.LOWEST, design.longSteps()));
    }

    /** The larger half of the design's widths, smallest first: 4 of 7, 2 of 4 (too few for a fit). */
    public List<Integer> largerWidths() {
        List<Integer> sorted = design.widths().stream().sorted().toList();
        return sorted.subList(sorted.size() / 2, sorted.size());
    }

    public ScalingDesign design() {
        return design;
    }

    public SweepResult sweep() {
        return sweep;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    /** The series of one activation and degree, one per kind. */
    public List<Series> series(Activation activation, int degree) {
        return series.stream().filter(s -> s.activation() == activation && s.degree() == degree).toList();
    }

    /** The lowest-MSE fit at each reading, T first. */
    public List<SlopeFit> readings(Series s) {
        return fits.get(s);
    }

    /** The result: the lowest-MSE fit at the last reading. */
    public SlopeFit result(Series s) {
        List<SlopeFit> r = fits.get(s);
        return r.get(r.size() - 1);
    }

    /** The fit of the MSE at the last step itself, to show what the choice of measure does. */
    public SlopeFit atStep(Series s) {
        return atStepFits.get(s);
    }

    /** The result's fit over {@link #largerWidths()} only; no fit where they are fewer than 3. */
    public SlopeFit largerWidthFit(Series s) {
        return largerWidthFits.get(s);
    }

    /** The optimisation check, when the design has a second reading. */
    public Optional<SlopeCheck> check(Series s) {
        List<SlopeFit> r = fits.get(s);
        return r.size() < 2 ? Optional.empty() : Optional.of(new SlopeCheck(r.get(0), r.get(r.size() - 1)));
    }
}
