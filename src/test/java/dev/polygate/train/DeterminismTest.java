package dev.polygate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.Sweep;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void sameSpecAndSeedGiveTheSameBits() {
        RunSpec spec = new RunSpec(new ModelSpec(Activation.SILU, LayerKind.GATED, 13, 2), Target.power(3), 0.01, 37, 200, 7);
        TrainingResult a = Trainer.train(spec);
        TrainingResult b = Trainer.train(spec);
        assertEquals(Double.doubleToRawLongBits(a.finalMse()), Double.doubleToRawLongBits(b.finalMse()));
        assertArrayEquals(a.curve().values(), b.curve().values());
        assertArrayEquals(a.parameters(), b.parameters());
        // and the seed matters
        TrainingResult c = Trainer.train(new RunSpec(spec.model(), Target.power(3), 0.01, 37, 200, 8));
        assertNotEquals(a.finalMse(), c.finalMse());
    }

    @Test
    void threadCountDoesNotChangeAnyBit() {
        Grid grid = new Grid(List.of(Activation.RELU, Activation.SILU), List.of(LayerKind.PLAIN, LayerKind.GATED),
                Target.powers(List.of(2, 3)), List.of(Sizing.equalWidth(10)), List.of(1), List.of(0.01), 100, 150, 2, 3);
        SweepResult one = Sweep.inMemory(grid, 1);
        SweepResult two = Sweep.inMemory(grid, 2);
        assertEquals(16, one.runs().size());
        for (int i = 0; i < one.runs().size(); i++) {
            TrainingResult a = one.runs().get(i);
            TrainingResult b = two.runs().get(i);
            assertEquals(a.spec(), b.spec());
            assertArrayEquals(a.curve().values(), b.curve().values(), a.spec().id());
            assertEquals(Double.doubleToRawLongBits(a.finalMse()), Double.doubleToRawLongBits(b.finalMse()));
        }
    }

    /**
     * The scaling report reads a run of factor × T steps at step T in place of a separate run of
     * T steps (ScalingDesign): that holds only while nothing in a run depends on its step count.
     */
    @Test
    void aLongerRunPassesThroughTheShorterRunsEveryLoss() {
        ModelSpec model = new ModelSpec(Activation.RELU, LayerKind.GATED, 9, 1);
        TrainingResult shorter = Trainer.train(new RunSpec(model, Target.power(3), 0.01, 50, 120, 4));
        TrainingResult longer = Trainer.train(new RunSpec(model, Target.power(3), 0.01, 50, 480, 4));
        assertArrayEquals(shorter.curve().values(), java.util.Arrays.copyOf(longer.curve().values(), 121));
        assertEquals((float) shorter.finalMse(), longer.curve().at(120));
    }

    @Test
    void divergedRunIsRecordedNotThrown() {
        // lr 1e6 on x^8 blows up within a few steps.
        TrainingResult r = Trainer.train(new RunSpec(new ModelSpec(Activation.RELU, LayerKind.SQUARED, 10, 1),
                Target.power(8), 1e30, 100, 50, 0));
        assertEquals(true, r.diverged());
        assertEquals(Double.NaN, r.finalMse());
        assertEquals(r.divergedAt() + 1, r.curve().length());
    }
}
