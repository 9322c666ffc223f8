package dev.polygate.experiment.store;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.train.LossCurve;
import dev.polygate.train.Numerics;
import dev.polygate.train.TrainingResult;
import java.util.List;
import java.util.Random;

/** A small grid and made-up results for the store's unit tests (no training). */
final class StoreFixtures {
    static final Environment ENV = new Environment("0.1.0", "0123456789abcdef0123456789abcdef01234567", "17.0.15",
            "OpenJDK 64-Bit Server VM 17.0.15", "Test", "Linux 6 amd64", "Test CPU", 2, 512, 3);

    /** relu and silu, plain and gated, x^1 and x^2, width 10, 3 seeds, 300 steps: 24 runs. */
    static Grid grid(int seeds) {
        return new Grid(List.of(Activation.RELU, Activation.SILU), List.of(LayerKind.PLAIN, LayerKind.GATED),
                Target.powers(List.of(1, 2)), List.of(Sizing.equalWidth(10)), List.of(1), List.of(0.01), 100, 300,
                seeds, 0);
    }

    /** A finished run with a random decreasing curve of steps + 1 values, seeded by the spec. */
    static TrainingResult finished(RunSpec spec) {
        Random r = new Random(spec.id().hashCode());
        float[] curve = new float[spec.steps() + 1];
        for (int t = 0; t < curve.length; t++) {
            curve[t] = (float) (Math.exp(-t / 50.0) * (1 + 0.2 * r.nextDouble()));
        }
        return new TrainingResult(spec, spec.model().layout().size(), curve[spec.steps()], LossCurve.full(curve), false,
                -1, 0.25, new float[0]);
    }

    /** The stored record of {@link #finished}. */
    static RunRecord record(StoreDesign design, RunSpec spec) {
        return RunRecord.of(design, finished(spec), ENV);
    }

    static String numerics() {
        return Numerics.current();
    }

    private StoreFixtures() {
    }
}
