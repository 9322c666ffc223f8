package dev.polygate.report.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.report.accuracy.PairedComparison.Win;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellStatsTest {

    /** One run per value, seeds 0, 1, …; NaN makes that seed diverge. */
    private static List<TrainingResult> runs(LayerKind kind, double... finalMse) {
        List<TrainingResult> out = new ArrayList<>();
        for (int seed = 0; seed < finalMse.length; seed++) {
            RunSpec spec = new RunSpec(new ModelSpec(Activation.SILU, kind, 10, 1), Target.power(3), 0.01, 64, 40, seed);
            out.add(SyntheticSweeps.run(spec, finalMse[seed]));
        }
        return out;
    }

    @Test
    void medianMinAndMaxAreOverFinishedSeeds() {
        CellStats stats = CellStats.of(runs(LayerKind.PLAIN, 5e-3, 1e-3, Double.NaN, 2e-3, 4e-3));

        assertEquals(5, stats.runs());
        assertEquals(1, stats.diverged());
        assertEquals(3e-3, stats.median(), 1e-15); // even count: mean of 2e-3 and 4e-3
        assertEquals(1e-3, stats.min());
        assertEquals(5e-3, stats.max());
        assertEquals("3.00e-03 [1.00e-03–5.00e-03] (1 diverged)", stats.text());
    }

    @Test
    void aCellWhereEverySeedDivergedHasNoNumbers() {
        CellStats stats = CellStats.of(runs(LayerKind.PLAIN, Double.NaN, Double.NaN));

        assertFalse(stats.hasFinished());
        assertTrue(Double.isNaN(stats.median()));
        assertEquals("all 2 diverged", stats.text());
    }

    @Test
    void pairedComparisonMatchesSeedsAndLeavesOutDivergedPairs() {
        CellStats gated = CellStats.of(runs(LayerKind.GATED, 1e-3, 4e-3, 1e-3, Double.NaN));
        CellStats plain = CellStats.of(runs(LayerKind.PLAIN, 2e-3, 2e-3, 1e-3, 1e-3));

        PairedComparison strict = PairedComparison.of(gated, plain, Win.STRICTLY_LOWER);
        assertEquals(3, strict.pairs());
        assertEquals(1, strict.excluded());
        assertEquals(1, strict.wins()); // seed 0 only: seed 2 is a tie
        assertEquals(1.0, strict.medianRatio(), 1e-12); // ratios 0.5, 2, 1
        assertFalse(strict.wonEverySeed());

        PairedComparison ties = PairedComparison.of(gated, plain, Win.LOWER_OR_EQUAL);
        assertEquals(2, ties.wins());
    }
}
