package dev.polygate.experiment;

import static dev.polygate.model.Activation.RELU;
import static dev.polygate.model.Activation.SILU;
import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.kernel.FlopCount;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizingTest {

    @Test
    void equalParametersPicksTheClosestWidthPerKind() {
        // depth 1: plain and squared have 3w + 1 parameters, gated 5w + 1.
        Sizing like = Sizing.likeGated(Sizing.Match.PARAMS, 10);
        assertEquals(51, like.budget(RELU, 1, 1000));
        assertEquals(17, like.width(RELU, PLAIN, 1, 1000), "3·17 + 1 = 52 is 1 from 51; 3·16 + 1 = 49 is 2");
        assertEquals(17, like.width(SILU, SQUARED, 1, 1000));
        assertEquals(10, like.width(RELU, GATED, 1, 1000));
        // depth 2 adds a w×w (plain) or 2w×w (gated) layer: budget of gated w = 8 is 5·8 + 2·8·8 + 2·8 + 1 = 185
        Sizing deep = Sizing.likeGated(Sizing.Match.PARAMS, 8);
        assertEquals(185, deep.budget(RELU, 2, 1000));
        int w = deep.width(RELU, PLAIN, 2, 1000);
        long at = new ModelSpec(RELU, PLAIN, w, 2).layout().size();
        for (int other = 1; other < 64; other++) {
            long gap = Math.abs(new ModelSpec(RELU, PLAIN, other, 2).layout().size() - 185);
            assertTrue(Math.abs(at - 185) <= gap, "width " + w + " (" + at + ") beats width " + other);
        }
    }

    @Test
    void equalFlopsUsesTheTrainingStepCount() {
        Sizing flops = Sizing.budget(Sizing.Match.FLOPS, 2_000_000);
        for (var kind : List.of(PLAIN, SQUARED, GATED)) {
            int w = flops.width(SILU, kind, 1, 1000);
            long here = FlopCount.trainingStep(new ModelSpec(SILU, kind, w, 1), 1000);
            long below = FlopCount.trainingStep(new ModelSpec(SILU, kind, w - 1, 1), 1000);
            long above = FlopCount.trainingStep(new ModelSpec(SILU, kind, w + 1, 1), 1000);
            assertTrue(Math.abs(here - 2_000_000) <= Math.abs(below - 2_000_000)
                    && Math.abs(here - 2_000_000) <= Math.abs(above - 2_000_000), kind + " width " + w);
        }
    }

    @Test
    void aBudgetNoWidthMeetsIsRefusedWithTheReachableRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sizing.budget(Sizing.Match.PARAMS, 3).width(RELU, PLAIN, 1, 1000));
        assertTrue(e.getMessage().contains("no width meets a budget of 3 parameters"), e.getMessage());
        assertTrue(e.getMessage().contains("give 4.."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Grid(List.of(RELU), List.of(PLAIN),
                Target.powers(List.of(2)), List.of(Sizing.budget(Sizing.Match.PARAMS, 3)), List.of(1), List.of(0.01),
                100, 10, 1, 0), "the grid refuses it before any run");
    }

    @Test
    void textRoundTrips() {
        for (Sizing s : List.of(Sizing.equalWidth(10), Sizing.likeGated(Sizing.Match.FLOPS, 7),
                Sizing.budget(Sizing.Match.PARAMS, 51))) {
            assertEquals(s, Sizing.parse(s.text()));
        }
        assertThrows(IllegalArgumentException.class, () -> Sizing.parse("params:many"));
        assertThrows(IllegalArgumentException.class, () -> Sizing.parse("size:3"));
    }

    @Test
    void aModelInTwoCellsIsTrainedOnce() {
        Grid grid = new Grid(List.of(RELU), List.of(PLAIN, GATED), Target.powers(List.of(2)),
                List.of(Sizing.equalWidth(10), Sizing.likeGated(Sizing.Match.PARAMS, 10)), List.of(1), List.of(0.01),
                100, 10, 2, 0);
        assertEquals(4, grid.cells().size());
        List<RunSpec> runs = grid.runs();
        assertEquals(6, runs.size(), "plain w10, gated w10, plain w17 — gated w10 is in both sizings");
        assertEquals(List.of(10, 10, 10, 10, 17, 17), runs.stream().map(r -> r.model().width()).toList());
    }
}
