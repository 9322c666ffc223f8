package dev.polygate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Trainer on several threads per run: the same results, bit for bit, and no thread left behind. */
class TrainerThreadsTest {
    private static final ModelSpec GATED = new ModelSpec(Activation.GELU, LayerKind.GATED, 70, 2);

    @Test
    void threadsPerRunChangeNoBitOfAResult() {
        TrainingSetup other = TrainingSetup.DEFAULT.withInputs(TrainingSetup.Inputs.uniform(-1, 1))
                .withTestSamples(77).withOptimizer(TrainingSetup.Optimizer.sgd(0.9))
                .withSchedule(TrainingSetup.Schedule.parse("cosine+warmup:3"));
        for (TrainingSetup setup : new TrainingSetup[] {TrainingSetup.DEFAULT, other}) {
            RunSpec spec = new RunSpec(GATED, Target.power(3), 0.01, 333, 12, 4, setup);
            TrainingResult one = Trainer.train(spec);
            for (int threads : new int[] {2, 3}) {
                TrainingResult many = Trainer.train(spec, threads);
                String what = spec.id() + " on " + threads + " threads";
                assertEquals(Double.doubleToRawLongBits(one.finalMse()), Double.doubleToRawLongBits(many.finalMse()), what);
                assertEquals(Double.doubleToRawLongBits(one.testMse()), Double.doubleToRawLongBits(many.testMse()), what);
                assertArrayEquals(one.curve().values(), many.curve().values(), what);
                assertArrayEquals(one.parameters(), many.parameters(), what);
            }
        }
    }

    /** A diverged run returns early: its threads end all the same. */
    @Test
    void aDivergedRunEndsItsThreads() {
        Set<Thread> before = workers();
        TrainingResult r = Trainer.train(new RunSpec(new ModelSpec(Activation.RELU, LayerKind.SQUARED, 10, 2),
                Target.power(8), 1e30, 100, 50, 0), 3);
        assertTrue(r.diverged());
        Set<Thread> after = workers();
        after.removeAll(before);
        assertTrue(after.isEmpty(), "threads left running: " + after);
    }

    @Test
    void onlyTheFloatFirstOrderTrainerSplitsSteps() {
        RunSpec adam = new RunSpec(GATED, Target.power(3), 0.01, 100, 5, 1);
        assertTrue(Trainer.splitsSteps(adam));
        assertFalse(Trainer.splitsSteps(new RunSpec(GATED, Target.power(3), 0.01, 100, 5, 1,
                TrainingSetup.DEFAULT.withPrecision(TrainingSetup.Precision.FLOAT64))));
        assertFalse(Trainer.splitsSteps(new RunSpec(GATED, Target.power(3), 0.01, 100, 5, 1,
                TrainingSetup.DEFAULT.withOptimizer(TrainingSetup.Optimizer.parse("lm")))));
        assertThrows(IllegalArgumentException.class, () -> Trainer.train(adam, 0));
    }

    private static Set<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("polygate-run-part-") && t.isAlive()).collect(Collectors.toSet());
    }
}
