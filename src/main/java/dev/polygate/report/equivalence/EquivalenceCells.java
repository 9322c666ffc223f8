package dev.polygate.report.equivalence;

import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.EquivalenceDesign.Arm;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.Target;
import dev.polygate.report.accuracy.CellStats;
import dev.polygate.report.stats.PairedTest;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The equivalence sweep by cell (a cell: the runs that differ only by seed): per (gate, sizing, n)
 * the final-MSE statistics of its four arms' cells and
 * the two seed-paired comparisons the report reads — gated g against plain ∫g (the study's
 * equivalence) and plain g against plain ∫g (what integrating the gate buys a plain layer).
 */
final class EquivalenceCells {

    /** One row of a table: a gate at one sizing and degree. */
    record Row(Activation gate, Sizing sizing, Target target, Map<Arm, CellStats> arms,
               Optional<PairedTest> gatedVsIntegral, Optional<PairedTest> plainVsIntegral) {
        CellStats arm(Arm arm) {
            return arms.get(arm);
        }
    }

    private final EquivalenceDesign design;
    private final SweepResult result;
    private final List<Row> rows = new ArrayList<>();

    EquivalenceCells(EquivalenceDesign design, SweepResult result) {
        this.design = design;
        this.result = result;
        List<Grid.Cell> cells = result.grid().cells();
        var cellRuns = result.cellRuns();
        for (Activation gate : design.gates()) {
            for (Sizing sizing : design.sizings()) {
                for (Target target : result.grid().targets()) {
                    Map<Arm, List<TrainingResult>> runs = new EnumMap<>(Arm.class);
                    for (Arm arm : Arm.values()) {
                        Grid.Cell cell = cells.stream()
                                .filter(c -> c.activation() == arm.activation(gate) && c.kind() == arm.kind()
                                        && c.sizing().equals(sizing) && c.target().equals(target))
                                .findFirst().orElseThrow(() -> new IllegalStateException("the grid lacks "
                                        + arm.label() + " for " + gate.cliName() + " at " + target));
                        runs.put(arm, cellRuns.apply(cell));
                    }
                    Map<Arm, CellStats> stats = new EnumMap<>(Arm.class);
                    runs.forEach((arm, list) -> stats.put(arm, CellStats.of(list)));
                    rows.add(new Row(gate, sizing, target, stats,
                            paired(runs.get(Arm.GATED_G), runs.get(Arm.PLAIN_INTEGRAL)),
                            paired(runs.get(Arm.PLAIN_G), runs.get(Arm.PLAIN_INTEGRAL))));
                }
            }
        }
    }

    /** Seed-paired: every arm of one seed sees the same data, and the grid lists seeds in order. */
    private static Optional<PairedTest> paired(List<TrainingResult> a, List<TrainingResult> b) {
        double[] x = new double[a.size()];
        double[] y = new double[b.size()];
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).spec().seed() != b.get(i).spec().seed()) {
                throw new IllegalStateException("runs are not in seed order");
            }
            x[i] = CellStats.finished(a.get(i)) ? a.get(i).finalMse() : Double.NaN;
            y[i] = CellStats.finished(b.get(i)) ? b.get(i).finalMse() : Double.NaN;
        }
        return PairedTest.of(x, y);
    }

    EquivalenceDesign design() {
        return design;
    }

    SweepResult result() {
        return result;
    }

    List<Row> rows() {
        return rows;
    }

    List<Row> rows(Activation gate, Sizing sizing) {
        return rows.stream().filter(r -> r.gate() == gate && r.sizing().equals(sizing)).toList();
    }
}
