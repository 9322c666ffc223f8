package dev.polygate.report.throughput;

import static dev.polygate.model.Activation.RELU;
import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.accuracy.SyntheticSweeps;
import dev.polygate.report.runs.StoreFixtures;
import dev.polygate.report.runs.SweepStores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostVersusAccuracyTest {
    private static final List<LayerKind> KINDS = List.of(PLAIN, SQUARED, GATED);

    @TempDir
    Path tmp;

    /** Final MSE per kind, × 1, 2, ½ for seeds 0, 1, 2 (so the median is the first factor). */
    static double finalMse(LayerKind kind, int degree, long seed) {
        double base = switch (kind) {
            case PLAIN -> 1e-2;
            case SQUARED -> 4e-3;
            case GATED -> 1e-3;
            case BILINEAR -> throw new IllegalArgumentException("not in these sweeps");
        };
        return base * degree * new double[] {1, 2, 0.5}[(int) seed];
    }

    /** The store the last {@link #sweep} was written to. */
    private Path store;

    /** A hand-made sweep as the throughput command gets it: written to a run store and read back. */
    private SweepResult sweep(List<Integer> widths, int samples) throws IOException {
        Grid grid = new Grid(List.of(RELU), KINDS, Target.powers(List.of(1, 2)),
                widths.stream().map(Sizing::equalWidth).toList(), List.of(1), List.of(0.01), samples, 40, 3, 0);
        store = StoreFixtures.writeSweep(tmp.resolve("sweep-" + widths + "-" + samples).resolve("sweep-runs.jsonl"),
                SyntheticSweeps.sweep(grid, (a, k, n, s) -> finalMse(k, n, s)));
        return SweepStores.read(store);
    }

    private ThroughputResults steps(String shape) {
        return ThroughputResults.read(List.of(new SyntheticJmh()
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "plain", shape), SyntheticJmh.sixForks(12_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "squared", shape), SyntheticJmh.sixForks(13_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "gated", shape), SyntheticJmh.sixForks(20_000))
                .write(tmp.resolve("steps.json"))));
    }

    @Test
    void joinsMedianFinalMseWithTheStepTimeAtTheSweepsShape() throws IOException {
        CostVersusAccuracy c = CostVersusAccuracy.of(sweep(List.of(10), 1000), store, steps("1000x10x1"));

        CostVersusAccuracy.Row gated = c.row(RELU, GATED).orElseThrow();
        assertEquals(20_000, gated.nsPerStep());
        assertEquals(51, gated.parameters());
        assertEquals(2e-3, gated.finalMse().get(Target.power(2)).median(), 1e-15);
        assertEquals(0.8, c.runMilliseconds(gated), 1e-12, "40 steps × 20 µs");
        // Three seeds: the paired test cannot tell anything apart, and the sentence says so beside the medians.
        assertEquals("relu: gated costs 1.67× plain per step and reaches a 10.0× lower median MSE at n = 2 (paired "
                + "test at α = 0.0500: not distinguishable, p ≈ 0.149); it costs 1.54× squared per step and reaches a "
                + "4.00× lower median MSE at n = 2 (paired test at α = 0.0500: not distinguishable, p ≈ 0.149).",
                c.sentence(RELU));
        assertTrue(c.otherSettings().isEmpty());
    }

    @Test
    void aSingleSettingIsUsedWhateverItsShape() throws IOException {
        CostVersusAccuracy c = CostVersusAccuracy.of(sweep(List.of(32), 64), store, steps("64x32x1"));

        assertEquals(new dev.polygate.model.Shape(64, 32, 1), c.setting().shape());
        assertEquals(12_000, c.row(RELU, PLAIN).orElseThrow().nsPerStep(), "the step at the sweep's own shape");
    }

    @Test
    void ofSeveralSettingsTheOneAtTheBenchmarkShapeIsUsed() throws IOException {
        CostVersusAccuracy c = CostVersusAccuracy.of(sweep(List.of(32, 10), 1000), store, steps("1000x10x1"));

        assertEquals(10, c.setting().width());
        assertEquals(1, c.otherSettings().size());
        assertEquals(32, c.otherSettings().get(0).width());
    }

    @Test
    void severalSettingsNoneAtTheBenchmarkShapeIsBadInput() throws IOException {
        SweepResult sweep = sweep(List.of(16, 32), 1000);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CostVersusAccuracy.of(sweep, store, steps("1000x10x1")));
        assertTrue(e.getMessage().startsWith(store + " holds 2 settings"), e.getMessage());
        assertTrue(e.getMessage().contains("none at the benchmark shape 1000x10x1"), e.getMessage());
    }

    @Test
    void unmeasuredCostsAreSaidNotInvented() throws IOException {
        ThroughputResults onlyGated = ThroughputResults.read(List.of(new SyntheticJmh()
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "gated", "1000x10x1"), SyntheticJmh.sixForks(20_000))
                .write(tmp.resolve("gated.json"))));

        CostVersusAccuracy c = CostVersusAccuracy.of(sweep(List.of(10), 1000), store, onlyGated);

        assertTrue(Double.isNaN(c.row(RELU, PLAIN).orElseThrow().nsPerStep()));
        assertEquals("relu: gated reaches a 10.0× lower median MSE than plain at n = 2 (paired test at α = 0.0500: not "
                + "distinguishable, p ≈ 0.149) (step cost of plain not measured); it reaches a 4.00× lower median MSE "
                + "than squared at n = 2 (paired test at α = 0.0500: not distinguishable, p ≈ 0.149) (step cost of "
                + "squared not measured).", c.sentence(RELU));
    }
}
