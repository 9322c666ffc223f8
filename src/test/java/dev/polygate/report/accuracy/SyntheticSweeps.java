package dev.polygate.report.accuracy;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Hand-made sweep results: every run's final MSE is chosen by the test, its curve decays
 * geometrically from 1 to that value; no training happens, so the report's numbers are known.
 * Public for the throughput report's tests, which write one as a sweep's run store
 * ({@link dev.polygate.report.runs.StoreFixtures#writeSweep}).
 */
public final class SyntheticSweeps {
    public static final Environment ENVIRONMENT = new Environment("9.9.9-test", "17.0.0", "Test VM 17", "Test Vendor",
            "TestOS 1.0 amd64", "Test CPU @ 1 GHz", 4, 256);

    private SyntheticSweeps() {
    }

    /** Chooses a run's final MSE; NaN makes the run diverge halfway through. */
    @FunctionalInterface
    public interface FinalMse {
        double of(Activation activation, LayerKind kind, int degree, long seed);
    }

    /** relu only, all three kinds, n = 1..3, width 10, depth 1, lr 0.01, 40 steps, seeds 0..2. */
    public static Grid smallGrid(List<LayerKind> kinds) {
        return new Grid(List.of(Activation.RELU), kinds, Target.powers(List.of(1, 2, 3)), List.of(Sizing.equalWidth(10)),
                List.of(1), List.of(0.01),
                64, 40, 3, 0);
    }

    public static SweepResult sweep(Grid grid, FinalMse finalMse) {
        return sweepOf(grid, spec -> run(spec,
                finalMse.of(spec.model().activation(), spec.model().kind(), spec.target().degree(), spec.seed())));
    }

    /** A finished run with this final MSE, or for NaN a run that diverges halfway through. */
    static TrainingResult run(RunSpec spec, double finalMse) {
        return Double.isNaN(finalMse) ? diverged(spec, spec.steps() / 2) : finished(spec, finalMse);
    }

    /** Every run of the grid, in grid order, made by {@code run}. */
    static SweepResult sweepOf(Grid grid, Function<RunSpec, TrainingResult> run) {
        List<TrainingResult> runs = new ArrayList<>();
        for (RunSpec spec : grid.runs()) {
            runs.add(run.apply(spec));
        }
        return new SweepResult(grid, runs, List.of(ENVIRONMENT));
    }

    /** A run whose loss falls geometrically from 1 to {@code finalMse} over its steps. */
    static TrainingResult finished(RunSpec spec, double finalMse) {
        float[] curve = new float[spec.steps() + 1];
        for (int t = 0; t <= spec.steps(); t++) {
            curve[t] = (float) Math.exp(Math.log(finalMse) * t / spec.steps());
        }
        curve[spec.steps()] = (float) finalMse;
        return new TrainingResult(spec, spec.model().layout().size(), finalMse, LossCurve.full(curve), false, -1,
                0.25, new float[0]);
    }

    /** A run whose loss is 1 until it turns NaN at step {@code at}, as the trainer records it. */
    static TrainingResult diverged(RunSpec spec, int at) {
        float[] curve = new float[at + 1];
        Arrays.fill(curve, 1f);
        curve[at] = Float.NaN;
        return new TrainingResult(spec, spec.model().layout().size(), Double.NaN, LossCurve.full(curve), true, at,
                0.125, new float[0]);
    }
}
