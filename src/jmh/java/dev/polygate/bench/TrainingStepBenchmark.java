package dev.polygate.bench;

import dev.polygate.kernel.VectorMlp;
import dev.polygate.train.Adam;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one full-batch training step costs, and its parts: forward (with the loss), backward, and
 * the whole step (forward + backward + Adam). FLOPs: {@link dev.polygate.kernel.FlopCount}.
 * kind "gated-matched" is gated at the width whose parameter count matches squared at this width.
 * threadsPerRun splits each pass over that many threads, as {@code --threads-per-run} does in
 * training (e.g. {@code -p shape=4096x256x2 -p threadsPerRun=1,2} for the speed-up); Adam stays on
 * the benchmark's thread, as in training. On several threads, step also reports where its parallel
 * regions' time went ({@link RegionCounters}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 6, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class TrainingStepBenchmark {
    @Param({"relu", "silu"})
    public String activation;
    @Param({"plain", "squared", "gated", "gated-matched"})
    public String kind;
    /** SAMPLESxWIDTHxDEPTH: the study's size, and a large one where the hidden×hidden product dominates. */
    @Param({"1000x10x1", "4096x256x2"})
    public String shape;
    /** Threads of the passes (the report reads a result without it as 1). */
    @Param({"1"})
    public int threadsPerRun;

    private VectorMlp mlp;
    private float[] p;
    private float[] g;
    private Adam adam;

    @Setup
    public void setup() {
        BenchModels.Workbench w = BenchModels.checked(activation, kind, shape);
        p = w.parameters();
        g = new float[p.length];
        mlp = new VectorMlp(w.spec(), w.data().x(), w.data().t(), threadsPerRun);
        adam = new Adam(0.01, p.length);
        mlp.forwardLoss(p);   // backward() alone needs a forward pass's state
    }

    @TearDown
    public void endThreads() {
        mlp.close();
    }

    @Benchmark
    public double forward() {
        return mlp.forwardLoss(p);
    }

    @Benchmark
    public float[] backward() {
        mlp.backward(g, p);
        return g;
    }

    /** The whole step; on several threads its regions' times go to {@link RegionCounters} (secondary metrics). */
    @Benchmark
    public double step(RegionCounters regions) {
        double loss = mlp.forwardLoss(p);
        mlp.backward(g, p);
        adam.step(p, g);
        regions.afterStep(mlp.regionTimes());
        return loss;
    }
}
