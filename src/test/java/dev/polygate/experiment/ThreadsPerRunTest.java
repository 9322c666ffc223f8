package dev.polygate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.kernel.FlopCount;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import org.junit.jupiter.api.Test;

class ThreadsPerRunTest {
    /** The study's cell, about 3 µs a step: splitting it could only cost. */
    private static final RunSpec SMALL = run(1000, 10, 1, TrainingSetup.DEFAULT);
    /** The benchmarks' large shape, about 14 ms a step on one core. */
    private static final RunSpec LARGE = run(4096, 256, 2, TrainingSetup.DEFAULT);

    private static RunSpec run(int samples, int width, int depth, TrainingSetup setup) {
        return new RunSpec(new ModelSpec(Activation.RELU, LayerKind.PLAIN, width, depth), Target.power(3), 0.01,
                samples, 10, 1, setup);
    }

    @Test
    void autoSplitsOnlyRunsAboveTheThresholdOverTheCoresParallelRunsLeave() {
        ThreadsPerRun auto = ThreadsPerRun.AUTO;
        assertTrue(FlopCount.trainingStep(SMALL.model(), SMALL.samples()) < ThreadsPerRun.AUTO_MIN_FLOPS_PER_STEP);
        assertTrue(FlopCount.trainingStep(LARGE.model(), LARGE.samples()) >= ThreadsPerRun.AUTO_MIN_FLOPS_PER_STEP);
        assertEquals(1, auto.forRun(SMALL, 16, 1, 1));
        assertEquals(16, auto.forRun(LARGE, 16, 1, 1), "one run: every core");
        assertEquals(4, auto.forRun(LARGE, 16, 4, 100), "4 runs at a time: 4 cores each");
        assertEquals(8, auto.forRun(LARGE, 16, 4, 2), "2 runs to train: 8 cores each");
        assertEquals(2, auto.forRun(LARGE, 16, 6, 100), "cores / parallel runs, rounded down");
        assertEquals(1, auto.forRun(LARGE, 2, 4, 100), "more parallel runs than cores: 1");
        assertEquals(16, auto.forRun(LARGE, 16, 1, 0), "no runs (a resumed store): no division by zero");
        // Trainers that do not split steps get 1 whatever their size.
        assertEquals(1, auto.forRun(run(4096, 256, 2, TrainingSetup.DEFAULT.withPrecision(TrainingSetup.Precision.FLOAT64)),
                16, 1, 1));
    }

    @Test
    void aFixedCountIsEveryRunsWhateverItsSize() {
        ThreadsPerRun three = ThreadsPerRun.of(3);
        assertEquals(3, three.forRun(SMALL, 2, 2, 100));
        assertEquals(3, three.forRun(LARGE, 64, 1, 1));
        assertEquals(3, three.count());
        assertEquals("3", three.toString());
        assertEquals("auto", ThreadsPerRun.AUTO.toString());
        assertThrows(IllegalStateException.class, ThreadsPerRun.AUTO::count);
        assertThrows(IllegalArgumentException.class, () -> ThreadsPerRun.of(0));
    }
}
