package dev.polygate.report.scaling;

import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.ScalingDesign;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.report.stats.PowerLawFit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingResultsTest {
    private static final Series PLAIN_X3 = new Series(Activation.RELU, PLAIN, 3);
    private static final Series GATED_X3 = new Series(Activation.RELU, GATED, 3);

    @Test
    void anExactPowerLawReachedEarlyGivesItsSlopeAtBothReadingsAndSettles() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN, GATED), 4);
        // plain: MSE = 0.5 P^-2; gated: 0.25 P^-3; each reached at step 1 and held.
        ScalingResults results = ScalingResults.of(design, ScalingFixtures.sweep(design, (spec, p) ->
                ScalingFixtures.settledAt(spec, spec.model().kind() == PLAIN ? 0.5 * Math.pow(p, -2)
                        : 0.25 * Math.pow(p, -3))));
        for (Series s : List.of(PLAIN_X3, GATED_X3)) {
            double exponent = s.kind() == PLAIN ? -2 : -3;
            assertEquals(2, results.readings(s).size());
            for (SlopeFit reading : results.readings(s)) {
                PowerLawFit fit = reading.fit().orElseThrow();
                // float curves: log10 of a float is exact to about 3e-8, so the slope is too
                assertEquals(exponent, fit.slope(), 1e-6, s.label());
                assertTrue(fit.slopeHigh() - fit.slopeLow() < 1e-5, "interval " + fit);
                assertEquals(12, fit.points(), "4 widths × 3 seeds");
                assertEquals(0, reading.leftOut());
            }
            SlopeCheck check = results.check(s).orElseThrow();
            assertEquals(SlopeCheck.Verdict.SETTLED, check.verdict());
            assertEquals(1.0, check.medianRatioAt(32), 0);
            assertEquals(List.of(10, 40), List.of(check.early().steps(), check.late().steps()));
        }
        // Width 4: plain has 3·4 + 1 = 13 parameters, gated 5·4 + 1 = 21.
        assertEquals(13, results.result(PLAIN_X3).widths().get(0).parameterCount());
        assertEquals((float) (0.5 / (13.0 * 13.0)), results.result(PLAIN_X3).medianAt(4), 0);
        assertEquals(21, results.result(GATED_X3).widths().get(0).parameterCount());
    }

    @Test
    void aSlopeThatKeepsSteepeningWithMoreStepsIsCaught() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN), 4);
        // The loss falls geometrically to 0.5 P^-2 at step 40, so at step 10 it is (0.5 P^-2)^(1/4):
        // slope -0.5 at T and -2 at 4T, the optimisation-limited case the check is for.
        ScalingResults results = ScalingResults.of(design, ScalingFixtures.sweep(design,
                (spec, p) -> ScalingFixtures.geometric(spec, 0.5 * Math.pow(p, -2))));
        SlopeCheck check = results.check(PLAIN_X3).orElseThrow();
        assertEquals(-0.5, check.early().fit().orElseThrow().slope(), 1e-5);
        assertEquals(-2, check.late().fit().orElseThrow().slope(), 1e-5);
        assertEquals(SlopeCheck.Verdict.STEEPENED, check.verdict());
        assertEquals(-1.5, check.slopeChange(), 1e-5);
        double last = 0.5 / (97.0 * 97.0);   // width 32: 97 parameters
        assertEquals(last / Math.pow(last, 0.25), check.medianRatioAt(32), 1e-5 * last / Math.pow(last, 0.25));
        // the result is the later reading
        assertEquals(40, results.result(PLAIN_X3).steps());
    }

    @Test
    void aSlopeThatFlattensWithMoreStepsIsNamedSo() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN), 4);
        // Small widths keep improving, large ones are stuck: the slope at 4T is flatter than at T.
        ScalingResults results = ScalingResults.of(design, ScalingFixtures.sweep(design, (spec, p) -> {
            float[] curve = ScalingFixtures.settledAt(spec, 0.5 * Math.pow(p, -2));
            for (int t = 11; t < curve.length; t++) {
                curve[t] = (float) (0.5 * Math.pow(p, -2) * Math.pow(spec.model().width() / 32.0, 2));
            }
            return curve;
        }));
        SlopeCheck check = results.check(PLAIN_X3).orElseThrow();
        assertEquals(SlopeCheck.Verdict.FLATTENED, check.verdict());
        assertTrue(check.medianRatioAt(4) < check.medianRatioAt(32));
    }

    @Test
    void anUnchangedSlopeWhoseLargestWidthStillMoreThanHalvesIsNotCalledSettled() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN), 4);
        // Every width's loss falls 4-fold after step 10: the slope stays -2, but the runs were
        // still training, so the check must not call it settled. Seeds differ by factors of 2, so
        // the intervals have a width that float rounding cannot pull apart.
        ScalingResults results = ScalingResults.of(design, ScalingFixtures.sweep(design, (spec, p) -> {
            float[] curve = ScalingFixtures.settledAt(spec, 0.01 * Math.pow(2, spec.seed()) * Math.pow(p, -2));
            for (int t = 1; t <= 10; t++) {
                curve[t] *= 4;
            }
            return curve;
        }));
        SlopeCheck check = results.check(PLAIN_X3).orElseThrow();
        assertEquals(0, check.slopeChange(), 1e-5);
        assertEquals(0.25, check.medianRatioAt(32), 1e-6);
        assertTrue(check.early().fit().orElseThrow().slopeHigh() - check.early().fit().orElseThrow().slopeLow() > 0.1);
        assertEquals(SlopeCheck.Verdict.STILL_IMPROVING, check.verdict());
    }

    @Test
    void theLargestWidthOfACheckIsTheLargestWithAMedianAtBothReadings() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN), 4);
        // Width 32 diverges in every seed; the others fall 4-fold after T, which the check must
        // see at width 16 rather than find nothing at width 32 and call the slope settled.
        ScalingResults results = ScalingResults.of(design, ScalingFixtures.sweep(design, (spec, p) -> {
            if (spec.model().width() == 32) {
                return ScalingFixtures.divergingAt(spec, 0.01, 2);
            }
            float[] curve = ScalingFixtures.settledAt(spec, 0.01 * Math.pow(2, spec.seed()) * Math.pow(p, -2));
            for (int t = 1; t <= 10; t++) {
                curve[t] *= 4;
            }
            return curve;
        }));
        SlopeCheck check = results.check(PLAIN_X3).orElseThrow();
        assertEquals(16, check.largestWidth());
        assertEquals(SlopeCheck.Verdict.STILL_IMPROVING, check.verdict());
    }

    @Test
    void divergedRunsAreCountedAndLeftOutAndTooFewWidthsGiveNoFit() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN, GATED), 4);
        ScalingResults results = ScalingResults.of(design, ScalingFixtures.sweep(design, (spec, p) -> {
            double mse = 0.5 * Math.pow(p, -2);
            int width = spec.model().width();
            if (spec.model().kind() == PLAIN) {
                // seed 0 diverges at width 8 before T; seed 1 at width 16 between T and 4T
                if (width == 8 && spec.seed() == 0) {
                    return ScalingFixtures.divergingAt(spec, mse, 5);
                }
                if (width == 16 && spec.seed() == 1) {
                    return ScalingFixtures.divergingAt(spec, mse, 25);
                }
                return ScalingFixtures.settledAt(spec, mse);
            }
            // gated: every seed at widths 16 and 32 diverges before T, leaving two widths
            return width >= 16 ? ScalingFixtures.divergingAt(spec, mse, 3) : ScalingFixtures.settledAt(spec, mse);
        }));
        SlopeFit early = results.readings(PLAIN_X3).get(0);
        SlopeFit late = results.readings(PLAIN_X3).get(1);
        assertEquals(1, early.diverged());
        assertEquals(11, early.points().size());
        assertEquals(2, late.diverged());
        assertEquals(10, late.points().size());
        assertEquals(10, late.fit().orElseThrow().points());
        assertEquals(-2, late.fit().orElseThrow().slope(), 1e-6, "leaving runs out does not bend an exact law");
        assertEquals(2, late.widths().get(1).points(), "width 8 keeps 2 of its 3 seeds");
        assertEquals(3, late.widths().get(1).runs());

        SlopeFit gated = results.result(GATED_X3);
        assertTrue(gated.fit().isEmpty(), "two widths cannot fit a slope");
        assertEquals(6, gated.diverged());
        assertTrue(Double.isNaN(gated.medianAt(32)));
        assertEquals(SlopeCheck.Verdict.NO_FIT, results.check(GATED_X3).orElseThrow().verdict());
        assertTrue(Double.isNaN(results.check(GATED_X3).orElseThrow().medianRatioAt(32)));
    }

    @Test
    void aLawThatBendsShowsInTheFitOverTheLargerWidths(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        ScalingDesign design = new ScalingDesign(List.of(Activation.RELU), List.of(PLAIN), List.of(3),
                List.of(4, 8, 16, 32, 64, 128, 256), 1, 0.01, 64, 10, 4, 3, 0);
        // MSE ∝ P^-2 from width 32 up, and far above that line below (P^-6, meeting it at width 32):
        // the larger widths' slope is -2, the whole range's much steeper. Seeds spread by 2×.
        var sweep = ScalingFixtures.sweep(design, (spec, p) -> {
            double law = 1e-2 * Math.pow(2, spec.seed()) * Math.pow(p, -2);
            double bent = spec.model().width() < 32 ? law * Math.pow(97.0 / p, 4) : law;
            return ScalingFixtures.settledAt(spec, bent);
        });
        ScalingResults results = ScalingResults.of(design, sweep);
        assertEquals(List.of(32, 64, 128, 256), results.largerWidths());
        SlopeFit larger = results.largerWidthFit(PLAIN_X3);
        assertEquals(12, larger.points().size());
        assertEquals(-2, larger.fit().orElseThrow().slope(), 1e-5);
        assertTrue(results.result(PLAIN_X3).fit().orElseThrow().slope() < -3, results.result(PLAIN_X3).fit().toString());
        ScalingReport.writeAll(design, sweep, dir);
        // Flatter than over all widths, intervals apart.
        assertTrue(larger.fit().orElseThrow().slopeLow() > results.result(PLAIN_X3).fit().orElseThrow().slopeHigh());
        assertTrue(java.nio.file.Files.readString(dir.resolve("scaling.md")).contains("32–256"), "the larger widths");
    }

    @Test
    void withoutACheckFactorThereIsOneReadingAndNoCheck() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN), 1);
        ScalingResults results = ScalingResults.of(design,
                ScalingFixtures.sweep(design, (spec, p) -> ScalingFixtures.settledAt(spec, 0.1 / p)));
        assertEquals(1, results.readings(PLAIN_X3).size());
        assertTrue(results.check(PLAIN_X3).isEmpty());
        assertEquals(10, results.result(PLAIN_X3).steps());
        assertEquals(-1, results.result(PLAIN_X3).fit().orElseThrow().slope(), 1e-6);
    }

    @Test
    void theMeasureOfAtStepKeepsASpikeThatTheLowestLeavesOut() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN), 4);
        // Every run spikes 1000-fold at its last step, except at width 4: the slope of the
        // last-step MSE is then far off the law the runs had reached.
        ScalingResults results = ScalingResults.of(design, ScalingFixtures.sweep(design, (spec, p) -> {
            float[] curve = ScalingFixtures.settledAt(spec, 1e-3 * Math.pow(p, -2));
            if (spec.model().width() > 4) {
                curve[spec.steps()] *= 1000;
            }
            return curve;
        }));
        assertEquals(-2, results.result(PLAIN_X3).fit().orElseThrow().slope(), 1e-6);
        SlopeFit atStep = results.atStep(PLAIN_X3);
        assertEquals(Measure.AT_STEP, atStep.measure());
        assertTrue(atStep.fit().orElseThrow().slope() > -1.5, "spikes flatten the last-step slope: " + atStep.fit());
    }

    @Test
    void measuresReadTheCurveUpToTheirStep() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN), 4);
        var spec = design.grid().runs().get(0);
        float[] curve = {1f, 0.25f, 0.5f, 0.125f, 2f, Float.NaN};
        var run = ScalingFixtures.run(spec, 13, curve);
        assertEquals(0.25, Measure.LOWEST.of(run, 2).getAsDouble(), 0);
        assertEquals(0.5, Measure.AT_STEP.of(run, 2).getAsDouble(), 0);
        assertEquals(0.125, Measure.LOWEST.of(run, 4).getAsDouble(), 0);
        assertEquals(2, Measure.AT_STEP.of(run, 4).getAsDouble(), 0);
        assertTrue(Measure.LOWEST.of(run, 5).isEmpty(), "diverged at step 5");
        assertTrue(Measure.AT_STEP.of(run, 9).isEmpty(), "past the end of a diverged curve");
    }

    @Test
    void aSweepOfAnotherGridIsRefused() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN), 4);
        ScalingDesign other = ScalingFixtures.design(List.of(PLAIN), 2);
        var sweep = ScalingFixtures.sweep(other, (spec, p) -> ScalingFixtures.settledAt(spec, 0.1 / p));
        assertThrows(IllegalArgumentException.class, () -> ScalingResults.of(design, sweep));
    }

    @Test
    void aRunOfAnotherSeriesIsRefusedByAFit() {
        ScalingDesign design = ScalingFixtures.design(List.of(PLAIN, GATED), 4);
        var sweep = ScalingFixtures.sweep(design, (spec, p) -> ScalingFixtures.settledAt(spec, 0.1 / p));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlopeFit.of(PLAIN_X3, sweep.runs(), Measure.LOWEST, 10));
        assertTrue(e.getMessage().contains("gated"), e.getMessage());
    }
}
