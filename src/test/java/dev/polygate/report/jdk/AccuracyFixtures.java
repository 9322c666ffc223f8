package dev.polygate.report.jdk;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.report.runs.StoreFixtures;
import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sweep run stores (sweep-runs.jsonl) written by the real writer ({@link StoreFixtures}): relu,
 * plain and gated, degree 1..2, seeds 0..1 (8 runs) of 3 steps, each curve 1, 0.5, 0.25 and its
 * final MSE as a float (a diverged run: 1, 0.5, NaN, diverged at step 2), in a test environment of
 * the given Java version and vector width (the records' numerics follow the width).
 */
public final class AccuracyFixtures {
    private AccuracyFixtures() {
    }

    /** Chooses a run's final MSE (null: diverged); the default gives every run a distinct value. */
    @FunctionalInterface
    public interface FinalMse {
        Double of(String kind, int degree, long seed);
    }

    public static final FinalMse DEFAULT = (kind, degree, seed) -> (kind.equals("gated") ? 1e-4 : 1e-3)
            * degree * (seed + 1) * 1.2345678901234567;

    /** The fixtures' grid with seeds {@code firstSeed}, {@code firstSeed} + 1. */
    public static Grid grid(long firstSeed) {
        return new Grid(List.of(Activation.RELU), List.of(LayerKind.PLAIN, LayerKind.GATED),
                Target.powers(List.of(1, 2)), List.of(Sizing.equalWidth(10)), List.of(1), List.of(0.01), 1000, 3, 2,
                firstSeed);
    }

    /** The environment a side's sweep ran in. */
    public static Environment environment(String javaVersion, int vectorBits) {
        return new Environment("0.1.0", "unknown", javaVersion, "OpenJDK 64-Bit Server VM " + javaVersion, "Test",
                "Linux 6 amd64", "Test CPU", 2, vectorBits, vectorBits == 512 ? 3 : 2);
    }

    /** Seeds 0 and 1: the store of a sweep at {@code file} (its directory created). */
    public static Path write(Path file, String javaVersion, int vectorBits, FinalMse mse) throws IOException {
        return write(file, javaVersion, vectorBits, 0, mse);
    }

    /** Seeds {@code firstSeed} and {@code firstSeed} + 1. */
    public static Path write(Path file, String javaVersion, int vectorBits, long firstSeed, FinalMse mse)
            throws IOException {
        Grid grid = grid(firstSeed);
        List<TrainingResult> runs = new ArrayList<>();
        for (RunSpec spec : grid.runs()) {
            runs.add(run(spec, mse.of(spec.model().kind().cliName(), spec.target().degree(), spec.seed())));
        }
        return StoreFixtures.write(file, grid, runs, environment(javaVersion, vectorBits), 1);
    }

    private static TrainingResult run(RunSpec spec, Double mse) {
        int parameters = spec.model().layout().size();
        if (mse == null) {
            return new TrainingResult(spec, parameters, Double.NaN, LossCurve.full(new float[] {1f, 0.5f, Float.NaN}),
                    true, 2, 0.5, new float[0]);
        }
        return new TrainingResult(spec, parameters, mse, LossCurve.full(new float[] {1f, 0.5f, 0.25f, mse.floatValue()}),
                false, -1, 0.5, new float[0]);
    }
}
