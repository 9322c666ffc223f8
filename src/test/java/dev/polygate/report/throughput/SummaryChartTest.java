package dev.polygate.report.throughput;

import static dev.polygate.model.Activation.RELU;
import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Activation;
import dev.polygate.model.Target;
import dev.polygate.report.format.ChartChecks;
import dev.polygate.report.accuracy.SyntheticSweeps;
import dev.polygate.report.runs.StoreFixtures;
import dev.polygate.report.runs.SweepStores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryChartTest {
    @TempDir
    Path tmp;

    @Test
    void everyPanelIsReadableWhenStepTimesSpanLessThanADecade() throws IOException {
        Grid grid = new Grid(List.of(RELU), List.of(PLAIN, SQUARED, GATED), Target.powers(List.of(1, 2)),
                List.of(Sizing.equalWidth(10)), List.of(1), List.of(0.01), 1000, 40, 3, 0);
        // Step times 12–20 µs: within one decade, where XChart's own log axis labelled only 1E4.
        ThroughputResults steps = ThroughputResults.read(List.of(new SyntheticJmh()
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "plain", "1000x10x1"), SyntheticJmh.sixForks(12_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "squared", "1000x10x1"), SyntheticJmh.sixForks(13_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "gated", "1000x10x1"), SyntheticJmh.sixForks(20_000))
                .write(tmp.resolve("steps.json"))));
        Path store = StoreFixtures.writeSweep(tmp.resolve("sweep/sweep-runs.jsonl"),
                SyntheticSweeps.sweep(grid, (a, k, n, s) -> CostVersusAccuracyTest.finalMse(k, n, s)));
        CostVersusAccuracy summary = CostVersusAccuracy.of(SweepStores.read(store), store, steps);
        int panelWidth = SummaryChart.panelWidth(summary);
        for (Activation activation : summary.activations()) {
            ChartChecks.assertReadable(SummaryChart.panel(summary, activation, panelWidth).orElseThrow());
        }
    }
}
