package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.MemoryBudget;
import dev.polygate.kernel.RunMemory;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs too large for a Java array or for the heap are refused before any training, one line, exit 2. */
class MemoryCheckTest {
    @TempDir
    Path tmp;

    private static String[] train(int width, Path modelOut) {
        return new String[] {"train", "--activation", "relu", "--kind", "gated", "--degree", "2", "--width",
            Integer.toString(width), "--depth", "2", "--samples", "1000000", "--steps", "2", "--model-out",
            modelOut.toString()};
    }

    @Test
    void trainRefusesABufferOverTheArrayLimit() {
        Path model = tmp.resolve("m.json");
        CommandRun.run("", train(4096, model))
                .assertUsageError("train:", "buffer h", "4096000000", "2147483639", "--samples", "--width");
        assertFalse(Files.exists(model));
    }

    @Test
    void trainRefusesARunLargerThanTheHeapNamingNeedHeapAndHowToRaiseIt() {
        RunSpec spec = new RunSpec(new ModelSpec(Activation.RELU, LayerKind.GATED, 1024, 2), Target.power(2), 0.01,
                1_000_000, 2, 0);
        long need = RunMemory.of(spec).bytes();
        // 38.2 GiB: more than this test JVM's heap unless someone ran the tests with -Xmx48g or more.
        assertTrue(need > MemoryBudget.usableHeapBytes(), "precondition: the test heap is smaller than " + need);
        Path model = tmp.resolve("m.json");
        CommandRun.run("", train(1024, model)).assertUsageError("train: the run needs 38.2 GiB of heap",
                "(" + need + " bytes)", "max heap " + MemoryCheck.size(Runtime.getRuntime().maxMemory()),
                "POLYGATE_JAVA_OPTS=-Xmx");
        assertFalse(Files.exists(model));
    }

    @Test
    void sweepEquivalenceAndScalingRefuseAGridWithARunThatCannotFitAlone() {
        Path out = tmp.resolve("reports");
        CommandRun.run("", "sweep", "--activations", "relu", "--kinds", "plain,gated", "--degrees", "2",
                "--match", "width", "--width", "10,1024", "--depth", "2", "--samples", "1000000", "--steps", "2",
                "--seeds", "1", "--out", out.toString())
                .assertUsageError("sweep: run relu/gated/w1024/d2/n2/lr0.01/N1000000/T2/seed0 needs", "GiB of heap",
                        "max heap", "POLYGATE_JAVA_OPTS=-Xmx");
        CommandRun.run("", "equivalence", "--gates", "relu", "--degrees", "2", "--width", "2048", "--samples",
                "2000000", "--steps", "2", "--out", out.toString())
                .assertUsageError("equivalence: run ", "buffer h", "2147483639");
        CommandRun.run("", "scaling", "--kinds", "gated", "--degrees", "2", "--width", "1024,2048,4096",
                "--samples", "1000000", "--steps", "2", "--check-factor", "1", "--seeds", "1", "--out", out.toString())
                .assertUsageError("scaling: run relu/gated/w2048/d1/n2/lr0.01/N1000000/T2/seed0: buffer f",
                        "[rows 4096][padded batch 1000000]", "2147483639");
        assertFalse(Files.exists(out));
    }

    @Test
    void sizesReadInGibibytesOrWholeMebibytes() {
        assertEquals("42.0 GiB", MemoryCheck.size(45_118_718_096L));
        assertEquals("1.0 GiB", MemoryCheck.size(1L << 30));
        assertEquals("1023 MiB", MemoryCheck.size((1L << 30) - (1 << 20)));
        assertEquals("1 MiB", MemoryCheck.size(1));
    }
}
