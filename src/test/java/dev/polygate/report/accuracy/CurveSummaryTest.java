package dev.polygate.report.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurveSummaryTest {
    private static final int STEPS = 1000;

    /** A run of {@code steps} with this full curve (diverged if its last loss is not finite). */
    private static TrainingResult run(long seed, int steps, float[] curve) {
        RunSpec spec = new RunSpec(new ModelSpec(Activation.RELU, LayerKind.GATED, 10, 1), Target.power(2), 0.01, 64, steps, seed);
        boolean diverged = !Float.isFinite(curve[curve.length - 1]);
        return new TrainingResult(spec, 41, diverged ? Double.NaN : curve[curve.length - 1], LossCurve.full(curve),
                diverged, diverged ? curve.length - 1 : -1, 1.0, new float[0]);
    }

    private static TrainingResult run(long seed, float[] curve) {
        return run(seed, STEPS, curve);
    }

    /** The run as a store keeps it: its curve thinned to blocks of {@code block} steps. */
    private static TrainingResult thinned(TrainingResult run, int block) {
        return run.stored(block);
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
        spiky[15] = 5f; // inside the window [11, 22], not at a sampled step
        CurveSummary summary = CurveSummary.of(List.of(run(0, spiky)), 100);

        assertEquals(11, summary.steps()[1]);
        assertEquals(5.0, summary.high()[1]);
        assertEquals(1e-3f, (float) summary.median()[1]);
        assertEquals(1e-3f, (float) summary.high()[0]);
        assertEquals(1e-3f, (float) summary.high()[2]);
    }

    /** A window [s, s + k] is closed: a spike at the step two windows share shows in both bands, and as the later one's median. */
    @Test
    void aWindowsBandIncludesItsLastStep() {
        float[] spiky = constant(1e-3f, STEPS + 1);
        spiky[22] = 5f; // the last step of [11, 22] and the first of [22, 33]
        CurveSummary summary = CurveSummary.of(List.of(run(0, spiky)), 100);

        assertEquals(22, summary.steps()[2]);
        assertEquals(5.0, summary.high()[1]);
        assertEquals(1e-3f, (float) summary.median()[1]);
        assertEquals(5.0, summary.high()[2]);
        assertEquals(5.0, summary.median()[2]);
        assertEquals(1e-3f, (float) summary.high()[3]);
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
        assertEquals(100.0, summary.high()[299]); // the window [299, 300]: the NaN at 300 left out
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

    // --- curves as a run store keeps them: thinned to blocks of B steps ----------------------------

    /** Windows are whole blocks: 1001 values in about 100 windows would be 11 steps, in blocks of 10 they are 20. */
    @Test
    void thinnedCurvesAreCutIntoWholeBlocks() {
        CurveSummary summary = CurveSummary.of(List.of(thinned(run(0, constant(1f, STEPS + 1)), 10)), 100);

        assertEquals(51, summary.size()); // 0, 20, …, 1000: the last step is a window start
        for (int i = 0; i < summary.size(); i++) {
            assertEquals(20.0 * i, summary.steps()[i]);
        }
    }

    /** A one-step spike between two stored points is kept in its block's high, and so in its window's band. */
    @Test
    void aSpikeInsideABlockShowsInTheBand() {
        float[] spiky = constant(1e-3f, STEPS + 1);
        spiky[37] = 5f; // block (30, 40] of 10; window [20, 40] of 20 steps
        TrainingResult stored = thinned(run(0, spiky), 10);
        assertTrue(!stored.curve().holds(37), "the spike's step itself is not stored");
        CurveSummary summary = CurveSummary.of(List.of(stored), 100);

        assertEquals(20, summary.steps()[1]);
        assertEquals(5.0, summary.high()[1]);
        assertEquals(1e-3f, (float) summary.median()[1]);
        assertEquals(1e-3f, (float) summary.low()[1]);
        assertEquals(1e-3f, (float) summary.high()[0]);
        assertEquals(1e-3f, (float) summary.high()[2]);
    }

    /**
     * On thinned curves of three seeds, every point is what the full curves give: the median over
     * seeds of the loss at the window's first step, and the min and max over the closed window
     * and the seeds; the last step closes the line. 1001 values in blocks of 30, windows of 30.
     */
    @Test
    void theMedianAtAWindowsFirstStepIsTheValueThereAndTheBandTheWindowsRange() {
        float[][] full = new float[3][STEPS + 1];
        for (int seed = 0; seed < 3; seed++) {
            for (int t = 0; t <= STEPS; t++) {
                // Falling, with a wiggle of period 7 so that no block's extremes sit at its ends.
                full[seed][t] = (float) ((seed + 1) * Math.exp(-t / 300.0) * (1 + 0.2 * Math.sin(t * 2 * Math.PI / 7)));
            }
        }
        List<TrainingResult> runs = List.of(thinned(run(0, full[0]), 30), thinned(run(1, full[1]), 30),
                thinned(run(2, full[2]), 30));
        CurveSummary summary = CurveSummary.of(runs, 40);

        assertEquals(0, summary.steps()[0]);
        assertEquals(30, summary.steps()[1]); // ceil(1001 / 40) = 26 steps, a whole block: 30
        assertEquals(STEPS, summary.steps()[summary.size() - 1]);
        assertEquals(34 + 1, summary.size()); // 0, 30, …, 990, and the last step 1000
        for (int i = 0; i < summary.size(); i++) {
            int s = (int) summary.steps()[i];
            int end = Math.min(s + 30, STEPS);
            double[] atStart = new double[3];
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int seed = 0; seed < 3; seed++) {
                atStart[seed] = full[seed][s];
                for (int t = s; t <= end; t++) {
                    low = Math.min(low, full[seed][t]);
                    high = Math.max(high, full[seed][t]);
                }
            }
            Arrays.sort(atStart);
            assertEquals(atStart[1], summary.median()[i], "median at step " + s);
            assertEquals(low, summary.low()[i], "low over [" + s + ", " + end + "]");
            assertEquals(high, summary.high()[i], "high over [" + s + ", " + end + "]");
        }
    }

    /**
     * Windows line up with {@code align} (a chart's label step) where a whole number of blocks
     * divides it, so every labelled step is a point: 2500 steps in blocks of 10 and about 100
     * windows need 26 steps, 3 blocks; labels every 500 steps make it 5 blocks. Blocks of 30 never
     * divide 500: the smallest whole number of blocks, 30, stays.
     */
    @Test
    void windowsAlignToTheLabelStepWhenPossible() {
        int steps = 2500;
        assertEquals(500, LossCurveChart.labelStep(steps));
        TrainingResult tens = thinned(run(0, steps, constant(1f, steps + 1)), 10);

        assertEquals(30, CurveSummary.of(List.of(tens), 100).steps()[1]);
        CurveSummary aligned = CurveSummary.of(List.of(tens), 100, 500);
        assertEquals(50, aligned.steps()[1]);
        assertEquals(51, aligned.size());
        for (int label = 0; label <= steps; label += 500) {
            assertTrue(Arrays.binarySearch(aligned.steps(), label) >= 0, "labelled step " + label + " is a point");
        }

        TrainingResult thirties = thinned(run(0, steps, constant(1f, steps + 1)), 30);
        CurveSummary unaligned = CurveSummary.of(List.of(thirties), 100, 500);
        assertEquals(30, unaligned.steps()[1]);
        assertEquals(steps, unaligned.steps()[unaligned.size() - 1], "the last step, 2500, is not a multiple of 30");

        // Full curves align too: 26 steps would be the window; 50 is the first that divides 500.
        assertEquals(50, CurveSummary.of(List.of(run(0, steps, constant(1f, steps + 1))), 100, 500).steps()[1]);
    }

    @Test
    void curvesOfOneCellInDifferentBlocksAreRefused() {
        TrainingResult a = thinned(run(0, constant(1f, STEPS + 1)), 10);
        TrainingResult b = thinned(run(1, constant(1f, STEPS + 1)), 20);
        assertThrows(IllegalArgumentException.class, () -> CurveSummary.of(List.of(a, b), 100));
    }
}
