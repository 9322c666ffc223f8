package dev.polygate.report.equivalence;

import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.report.format.ChartChecks;
import dev.polygate.report.accuracy.SyntheticSweeps;
import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquivalenceChartTest {
    @Test
    void everyPanelIsReadableWhenEveryRatioIsNearATie() {
        EquivalenceDesign design = new EquivalenceDesign(List.of(Activation.RELU, Activation.SILU), List.of(1, 2, 3),
                4, 1, 0.01, 50, 10, 8, 0);
        // Every arm within a few per cent of the others: ratios about 0.97–1.03, inside one decade.
        Grid grid = design.grid();
        List<TrainingResult> runs = new ArrayList<>();
        for (RunSpec spec : grid.runs()) {
            double mse = 1e-3 * spec.target().degree() * (1 + 0.004 * spec.seed())
                    * (spec.model().kind() == LayerKind.GATED ? 1.01 : 1);
            runs.add(new TrainingResult(spec, spec.model().layout().size(), mse, LossCurve.full(new float[] {1f, (float) mse}), false,
                    -1, 0.1, new float[0]));
        }
        EquivalenceCells cells = new EquivalenceCells(design,
                new SweepResult(grid, runs, List.of(SyntheticSweeps.ENVIRONMENT)));
        int panelWidth = EquivalenceChart.panelWidth(design);
        for (Sizing sizing : design.sizings()) {
            for (Activation gate : design.gates()) {
                ChartChecks.assertReadable(EquivalenceChart.panel(cells.rows(gate, sizing),
                        EquivalenceChart.title(gate, sizing), panelWidth).orElseThrow());
            }
        }
    }

    /** One gate is one column of panels, narrower than the legend's note: the figure widens to hold it. */
    @Test
    void aOneGateFigureIsWideEnoughForItsLegend() {
        EquivalenceDesign design = new EquivalenceDesign(List.of(Activation.SILU), List.of(2, 4), 4, 1, 0.01, 50, 10,
                2, 0);
        List<TrainingResult> runs = new ArrayList<>();
        for (RunSpec spec : design.grid().runs()) {
            double mse = 1e-3 * (1 + spec.seed());
            runs.add(new TrainingResult(spec, spec.model().layout().size(), mse, LossCurve.full(new float[] {1f, (float) mse}), false,
                    -1, 0.1, new float[0]));
        }
        java.awt.image.BufferedImage image = EquivalenceChart.render(new EquivalenceCells(design,
                new SweepResult(design.grid(), runs, List.of(SyntheticSweeps.ENVIRONMENT))));
        int note = dev.polygate.report.format.ChartStyle.textWidth(dev.polygate.report.format.ChartStyle.AXIS_FONT,
                EquivalenceChart.legendNote(2));
        org.junit.jupiter.api.Assertions.assertTrue(image.getWidth() >= 12 + note,
                "figure " + image.getWidth() + " px, legend note " + note + " px from x = 12");
        org.junit.jupiter.api.Assertions.assertTrue(EquivalenceChart.panelWidth(design) < 12 + note,
                "the case is one where one panel alone is narrower than the note");
    }
}
