package dev.polygate.report.scaling;

import dev.polygate.experiment.ScalingDesign;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.report.accuracy.SyntheticSweeps;
import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-made scaling sweeps: every run's loss curve is chosen by the test, no training happens. */
final class ScalingFixtures {
    private ScalingFixtures() {
    }

    /** Makes a run's loss curve (steps + 1 values); a NaN ends it there as a divergence. */
    @FunctionalInterface
    interface Curve {
        float[] of(RunSpec spec, int parameterCount);
    }

    /** relu, the given kinds, x³ only, widths 4, 8, 16, 32; T = 10 with a check at 40; 3 seeds. */
    static ScalingDesign design(List<LayerKind> kinds, int checkFactor) {
        return new ScalingDesign(List.of(Activation.RELU), kinds, List.of(3), List.of(4, 8, 16, 32), 1, 0.01, 64, 10,
                checkFactor, 3, 0);
    }

    static SweepResult sweep(ScalingDesign design, Curve curve) {
        List<TrainingResult> runs = new ArrayList<>();
        for (RunSpec spec : design.grid().runs()) {
            int parameters = spec.model().layout().size();
            runs.add(run(spec, parameters, curve.of(spec, parameters)));
        }
        return new SweepResult(design.grid(), runs, List.of(SyntheticSweeps.ENVIRONMENT));
    }

    /** A run with this curve: diverged at its first NaN, which ends the curve as the trainer ends it. */
    static TrainingResult run(RunSpec spec, int parameters, float[] curve) {
        for (int t = 0; t < curve.length; t++) {
            if (!Float.isFinite(curve[t])) {
                return new TrainingResult(spec, parameters, Double.NaN, LossCurve.full(Arrays.copyOf(curve, t + 1)), true,
                        t, 0.1, new float[0]);
            }
        }
        return new TrainingResult(spec, parameters, curve[spec.steps()], LossCurve.full(curve), false, -1, 0.1,
                new float[0]);
    }

    /** Loss 1 at step 0, then {@code value} from step 1 on: settled long before any reading. */
    static float[] settledAt(RunSpec spec, double value) {
        float[] curve = new float[spec.steps() + 1];
        Arrays.fill(curve, (float) value);
        curve[0] = 1f;
        return curve;
    }

    /** Loss falling geometrically from 1 at step 0 to {@code last} at the last step: value^(t / steps). */
    static float[] geometric(RunSpec spec, double last) {
        float[] curve = new float[spec.steps() + 1];
        for (int t = 0; t <= spec.steps(); t++) {
            curve[t] = (float) Math.pow(last, (double) t / spec.steps());
        }
        return curve;
    }

    /** Settled at {@code value}, then NaN from {@code at}. */
    static float[] divergingAt(RunSpec spec, double value, int at) {
        float[] curve = settledAt(spec, value);
        curve[at] = Float.NaN;
        return curve;
    }
}
