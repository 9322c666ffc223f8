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

    /** What a run holds while it trains, its result (parameters and curve) included: nothing is counted up front. */
    private static long workingSet(RunSpec run) {
        return RunMemory.of(run).bytes();
    }

    /**
     * A budget one byte short of the two smallest runs together (their results included) lets no
     * two runs overlap, on two threads; the results are those of a budget that never binds, bit for
     * bit and in grid order.
     */
    @Test
    void aBudgetForOneRunAtATimeRunsThemOneAtATimeWithTheSameBits() {
        List<Long> sets = GRID.runs().stream().map(MemoryBudgetTest::workingSet).sorted().toList();
        long largest = sets.get(sets.size() - 1);
        long smallestPair = sets.get(0) + sets.get(1);
        assertTrue(largest < smallestPair, "the budget below must admit every run alone");
        MemoryBudget oneAtATime = new MemoryBudget(smallestPair - 1);
        MemoryBudget unlimited = new MemoryBudget(Long.MAX_VALUE);

        SweepResult serial = Sweep.inMemory(GRID, 2, oneAtATime, dev.polygate.train.Trainer::train);
        SweepResult free = Sweep.inMemory(GRID, 2, unlimited, dev.polygate.train.Trainer::train);

        assertEquals(1, oneAtATime.peakRunning());
        assertEquals(8, serial.runs().size());
        for (int i = 0; i < serial.runs().size(); i++) {
            TrainingResult a = serial.runs().get(i);
            TrainingResult b = free.runs().get(i);
            assertEquals(GRID.runs().get(i), a.spec());
            assertEquals(a.spec(), b.spec());
            assertArrayEquals(a.curve().values(), b.curve().values(), a.spec().id());
            assertArrayEquals(a.parameters(), b.parameters(), a.spec().id());
        }
    }

    /** A run larger than the whole budget still trains once nothing else runs: the sweep cannot hang. */
    @Test
    void aRunOverTheWholeBudgetRunsAlone() {
        MemoryBudget none = new MemoryBudget(0);
        SweepResult result = Sweep.inMemory(GRID, 2, none, dev.polygate.train.Trainer::train);
        assertEquals(8, result.runs().size());
        assertEquals(1, none.peakRunning());
    }

    /**
     * What a finished run keeps until the run store has it: its parameters and its curve of 81
     * floats (16-byte header, rounded up to 8): plain width 10 has 31 parameters (144 bytes), gated
     * 51 (224 bytes), the curve 344 bytes; four runs of each kind. No longer reserved for the whole
     * grid up front (MemoryBudget.resultBytes is gone with the in-memory results), it is part of each
     * run's working set while it trains.
     */
    @Test
    void resultBytesAreEveryRunsParametersAndCurveWithinItsWorkingSet() {
        long sum = 0;
        for (RunSpec run : GRID.runs()) {
            RunMemory m = RunMemory.of(run);
            assertEquals((run.model().kind() == LayerKind.PLAIN ? 144 : 224) + 344, m.resultBytes(), run.id());
            assertTrue(m.resultBytes() < workingSet(run), run.id());
            sum += m.resultBytes();
        }
        assertEquals(4 * (144 + 344) + 4 * (224 + 344), sum);
    }
}
