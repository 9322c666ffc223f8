package dev.polygate.report.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.SweepResult;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.report.runs.SweepStores;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyComparisonTest {
    @TempDir
    Path tmp;

    private SweepResult runs(String name, AccuracyFixtures.FinalMse mse) throws IOException {
        return SweepStores.read(AccuracyFixtures.write(tmp.resolve(name).resolve("sweep-runs.jsonl"), "17.0.15", 512,
                mse));
    }

    @Test
    void identicalSweepsAgreeToTheBit() throws IOException {
        AccuracyComparison c = AccuracyComparison.of(runs("a", AccuracyFixtures.DEFAULT),
                runs("b", AccuracyFixtures.DEFAULT));
        assertEquals(8, c.matched());
        assertEquals(8, c.identicalFinalMse());
        assertEquals(8, c.identicalCurves());
        assertTrue(c.allIdentical());
        assertNull(c.maxRelativeDifferenceRun());
        assertEquals(0, c.maxRelativeDifference());
    }

    @Test
    void oneDifferingRunGivesItsRelativeDifference() throws IOException {
        // B differs in two runs: gated n=2 seed 1 by a relative 1e-3, plain n=1 seed 0 by one ulp.
        AccuracyFixtures.FinalMse changed = (kind, degree, seed) -> {
            double v = AccuracyFixtures.DEFAULT.of(kind, degree, seed);
            if (kind.equals("gated") && degree == 2 && seed == 1) {
                return v * (1 + 1e-3);
            }
            if (kind.equals("plain") && degree == 1 && seed == 0) {
                return Math.nextUp(v);    // one ulp: differs in the bits, not in the float curve
            }
            return v;
        };
        AccuracyComparison c = AccuracyComparison.of(runs("a", AccuracyFixtures.DEFAULT), runs("b", changed));
        assertEquals(8, c.matched());
        assertEquals(6, c.identicalFinalMse());
        assertEquals(7, c.identicalCurves(), "the one-ulp double rounds to the same float in the curve");
        assertFalse(c.allIdentical());
        assertEquals(1e-3, c.maxRelativeDifference(), 1e-12);
        assertEquals(LayerKind.GATED, c.maxRelativeDifferenceRun().model().kind());
        assertEquals(Target.power(2), c.maxRelativeDifferenceRun().target());
        assertEquals(1, c.maxRelativeDifferenceRun().seed());
        assertEquals("relu gated w10 d1 x^2 lr0.01 1000 samples 3 steps seed 1",
                AccuracyComparison.label(c.maxRelativeDifferenceRun()));
    }

    @Test
    void divergedRunsCompareNullToNullAndFlagOneSidedDivergence() throws IOException {
        AccuracyFixtures.FinalMse bothDiverge = (kind, degree, seed) -> kind.equals("plain") && degree == 2 && seed == 0
                ? null : AccuracyFixtures.DEFAULT.of(kind, degree, seed);
        AccuracyFixtures.FinalMse alsoOther = (kind, degree, seed) -> kind.equals("gated") && degree == 1 && seed == 1
                ? null : bothDiverge.of(kind, degree, seed);
        AccuracyComparison same = AccuracyComparison.of(runs("a", bothDiverge), runs("b", bothDiverge));
        assertTrue(same.allIdentical(), "null = null and NaN curve entries = NaN");
        AccuracyComparison c = AccuracyComparison.of(runs("a2", bothDiverge), runs("b2", alsoOther));
        assertEquals(7, c.identicalFinalMse());
        assertEquals(1, c.finiteOnOneSideOnly().size());
        assertEquals(LayerKind.GATED, c.finiteOnOneSideOnly().get(0).model().kind());
        assertNull(c.maxRelativeDifferenceRun(), "a null against a number has no relative difference");
    }

    @Test
    void unmatchedRunsAreCountedPerSide() throws IOException {
        Path a = AccuracyFixtures.write(tmp.resolve("a/sweep-runs.jsonl"), "17", 512, AccuracyFixtures.DEFAULT);
        // B ran seeds 1 and 2 instead of seeds 0 and 1 (a store holds the runs of its own grid only).
        Path b = AccuracyFixtures.write(tmp.resolve("b/sweep-runs.jsonl"), "17", 512, 1, AccuracyFixtures.DEFAULT);
        AccuracyComparison c = AccuracyComparison.of(SweepStores.read(a), SweepStores.read(b));
        assertEquals(4, c.matched());
        assertEquals(4, c.onlyInA().size());
        assertEquals(0, c.onlyInA().get(0).seed());
        assertEquals(4, c.onlyInB().size());
        assertEquals(2, c.onlyInB().get(0).seed());
        assertTrue(c.allIdentical(), "the matched runs agree");
    }

    @Test
    void relativeDifference() {
        assertEquals(0.5, AccuracyComparison.relativeDifference(2, 3));
        assertEquals(0.5, AccuracyComparison.relativeDifference(2, 1));
        assertEquals(0, AccuracyComparison.relativeDifference(0, 0));
        assertEquals(Double.POSITIVE_INFINITY, AccuracyComparison.relativeDifference(0, 1e-9));
    }
}
