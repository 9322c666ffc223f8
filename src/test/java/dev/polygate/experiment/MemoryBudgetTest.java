package dev.polygate.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.kernel.RunMemory;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.train.TrainingResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    private static final Grid GRID = new Grid(List.of(Activation.RELU, Activation.SILU),
            List.of(LayerKind.PLAIN, LayerKind.GATED), Target.powers(List.of(2, 3)), List.of(Sizing.equalWidth(10)),
            List.of(1), List.of(0.01), 100, 80, 1, 3);

    private static long workingSet(RunSpec run) {
        RunMemory m = RunMemory.of(run);
        return m.bytes() - m.resultBytes();
    }

    /**
     * A budget one byte short of the two smallest runs together lets no two runs overlap, on two
     * threads; the results are those of a budget that never binds, bit for bit and in grid order.
     */
    @Test
    void aBudgetForOneRunAtATimeRunsThemOneAtATimeWithTheSameBits() {
        List<Long> sets = GRID.runs().stream().map(MemoryBudgetTest::workingSet).sorted().toList();
        long largest = sets.get(sets.size() - 1);
        long smallestPair = sets.get(0) + sets.get(1);
        assertTrue(largest < smallestPair, "the budget below must admit every run alone");
        MemoryBudget oneAtATime = new MemoryBudget(smallestPair - 1);
        MemoryBudget unlimited = new MemoryBudget(Long.MAX_VALUE);

        SweepResult serial = Sweep.run(GRID, 2, oneAtATime, done -> { }, dev.polygate.train.Trainer::train);
        SweepResult free = Sweep.run(GRID, 2, unlimited, done -> { }, dev.polygate.train.Trainer::train);

        assertEquals(1, oneAtATime.peakRunning());
        assertEquals(8, serial.runs().size());
        for (int i = 0; i < serial.runs().size(); i++) {
            TrainingResult a = serial.runs().get(i);
            TrainingResult b = free.runs().get(i);
            assertEquals(GRID.runs().get(i), a.spec());
            assertEquals(a.spec(), b.spec());
            assertArrayEquals(a.curve(), b.curve(), a.spec().id());
            assertArrayEquals(a.parameters(), b.parameters(), a.spec().id());
        }
    }

    /** A run larger than the whole budget still trains once nothing else runs: the sweep cannot hang. */
    @Test
    void aRunOverTheWholeBudgetRunsAlone() {
        MemoryBudget none = new MemoryBudget(0);
        SweepResult result = Sweep.run(GRID, 2, none, done -> { }, dev.polygate.train.Trainer::train);
        assertEquals(8, result.runs().size());
        assertEquals(1, none.peakRunning());
    }

    /**
     * What the grid's finished runs keep: per run its parameters and its curve of 81 floats
     * (16-byte header, rounded up to 8): plain width 10 has 31 parameters (144 bytes), gated 51
     * (224 bytes), the curve 344 bytes; four runs of each kind.
     */
    @Test
    void resultBytesAreEveryRunsParametersAndCurve() {
        assertEquals(4 * (144 + 344) + 4 * (224 + 344), MemoryBudget.resultBytes(GRID.runs()));
    }
}
