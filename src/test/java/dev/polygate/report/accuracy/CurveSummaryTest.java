package dev.polygate.report.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.train.TrainingResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurveSummaryTest {
    private static final int STEPS = 1000;

    private static TrainingResult run(long seed, float[] curve) {
        RunSpec spec = new RunSpec(new ModelSpec(Activation.RELU, LayerKind.GATED, 10, 1), Target.power(2), 0.01, 64, STEPS, seed);
        boolean diverged = !Float.isFinite(curve[curve.length - 1]);
        return new TrainingResult(spec, 41, diverged ? Double.NaN : curve[curve.length - 1], curve, diverged,
                diverged ? curve.length - 1 : -1, 1.0, new float[0]);
    }

    private static float[] constant(float value, int length) {
        float[] curve = new float[length];
        Arrays.fill(curve, value);
        return curve;
    }

    @Test
    void thinsToAboutTheRequestedPointsAndKeepsTheLastStep() {
        CurveSummary summary = CurveSummary.of(List.of(run(0, constant(1f, STEPS + 1))), 100);

        // 1001 steps in windows of 11: 91 windows starting at 0, 11, …, 990, plus the last step.
        assertEquals(92, summary.size());
        assertEquals(0, summary.steps()[0]);
        assertEquals(11, summary.steps()[1]);
        assertEquals(STEPS, summary.steps()[summary.size() - 1]);
    }

    @Test
    void aSpikeBetweenSampledStepsStaysInTheBand() {
        float[] spiky = constant(1e-3f, STEPS + 1);
        spiky[15] = 5f; // inside the window [11, 22), not at a sampled step
        CurveSummary summary = CurveSummary.of(List.of(run(0, spiky)), 100);

        assertEquals(11, summary.steps()[1]);
        assertEquals(5.0, summary.high()[1]);
        assertEquals(1e-3f, (float) summary.median()[1]);
        assertEquals(1e-3f, (float) summary.high()[0]);
    }

    @Test
    void medianIsAtTheSampledStepAndBandSpansTheSeeds() {
        List<TrainingResult> runs = List.of(run(0, constant(1f, STEPS + 1)), run(1, constant(2f, STEPS + 1)),
                run(2, constant(10f, STEPS + 1)));
        CurveSummary summary = CurveSummary.of(runs, 500);

        for (int i = 0; i < summary.size(); i++) {
            assertEquals(2.0, summary.median()[i]);
            assertEquals(1.0, summary.low()[i]);
            assertEquals(10.0, summary.high()[i]);
        }
    }

    @Test
    void divergedValuesAndStoppedRunsAreLeftOut() {
        float[] diverged = constant(100f, 301);
        diverged[300] = Float.NaN;
        List<TrainingResult> runs = List.of(run(0, constant(1f, STEPS + 1)), run(1, constant(3f, STEPS + 1)),
                run(2, diverged));
        CurveSummary summary = CurveSummary.of(runs, STEPS + 1);

        assertEquals(STEPS + 1, summary.size());
        assertEquals(3.0, summary.median()[299]); // median of 1, 3, 100
        assertEquals(100.0, summary.high()[299]);
        assertEquals(2.0, summary.median()[300]); // NaN left out: median of 1, 3
        assertEquals(3.0, summary.high()[300]);
        assertEquals(2.0, summary.median()[STEPS]);
    }

    @Test
    void cellWhereEverySeedDivergedAtOnceHasNoPoints() {
        float[] immediately = {Float.NaN};
        CurveSummary summary = CurveSummary.of(List.of(run(0, immediately), run(1, immediately)), 500);

        assertEquals(0, summary.size());
        assertArrayEquals(new double[0], summary.steps());
        assertTrue(CurveSummary.of(List.of(), 500).size() == 0);
    }
}
