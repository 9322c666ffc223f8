package dev.polygate.report.scaling;

import dev.polygate.experiment.ScalingDesign;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.report.format.ChartChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingChartTest {
    @Test
    void everyPanelIsReadableWhenTheMseSpansLessThanADecade() {
        ScalingDesign design = ScalingFixtures.design(List.of(LayerKind.PLAIN, LayerKind.GATED), 4);
        // MSE 0.54–0.82 over the widths: padded, still within one decade.
        ScalingResults results = ScalingResults.of(design, ScalingFixtures.sweep(design,
                (spec, parameters) -> ScalingFixtures.settledAt(spec, 0.5 + 0.01 * spec.model().width()
                        + 0.001 * spec.seed())));
        int panelWidth = ScalingChart.panelWidth(results);
        for (Activation activation : design.activations()) {
            for (int degree : design.degrees()) {
                ChartChecks.assertReadable(
                        ScalingChart.panel(results, results.series(activation, degree), panelWidth).orElseThrow());
            }
        }
    }
}
