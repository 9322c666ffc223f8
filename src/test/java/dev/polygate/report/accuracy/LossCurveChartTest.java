package dev.polygate.report.accuracy;

import dev.polygate.report.format.ChartChecks;

import static dev.polygate.model.Activation.RELU;
import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossCurveChartTest {
    @Test
    void everyPanelNamesItsCellInFullAndLabelsItsLossAxisTwice() {
        // Equal parameters makes the longest row titles; n = 1 falls over ten decades, n = 4 only
        // from 1 to 0.3, a range XChart's own log axis labels once.
        Grid grid = new Grid(List.of(RELU), List.of(PLAIN, GATED), Target.powers(List.of(1, 4)),
                List.of(Sizing.equalWidth(10), Sizing.parse("params:like-gated-10")), List.of(1), List.of(0.01),
                64, 40, 3, 0);
        SweepCells sweep = SweepCells.of(SyntheticSweeps.sweep(grid, (a, k, n, s) -> n == 1 ? 1e-10 : 0.3));
        int panelWidth = LossCurveChart.panelWidth(sweep);
        for (Setting setting : sweep.settings()) {
            for (Target degree : sweep.targets()) {
                ChartChecks.assertReadable(LossCurveChart.panel(sweep, setting, degree, panelWidth).orElseThrow());
            }
        }
    }
}
