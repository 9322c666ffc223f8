package dev.polygate.bench;

import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.kernel.VectorMlp;
import dev.polygate.model.ModelSpec;
import dev.polygate.train.Dataset;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward + backward, the Vector API kernels (float32) against the plain scalar reference (the
 * textbook loops, in double). Same math, same FLOP count; scalar double and float arithmetic cost
 * the same per operation on x86, so the ratio is the vectorization's (and the fusion's) gain.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 6, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class VectorVsScalarBenchmark {
    @Param({"relu", "silu"})
    public String activation;
    @Param({"plain", "gated"})
    public String kind;
    /** The study's size, and a width-64 depth-2 model where the target of 6× applies. */
    @Param({"1000x10x1", "1000x64x2"})
    public String shape;

    private VectorMlp mlp;
    private ReferenceMlp ref;
    private float[] p;
    private double[] pd;
    private float[] g;

    @Setup
    public void setup() {
        BenchModels.Workbench w = BenchModels.checked(activation, kind, shape);
        ModelSpec spec = w.spec();
        Dataset data = w.data();
        p = w.parameters();
        g = new float[p.length];
        mlp = new VectorMlp(spec, data.x(), data.t());
        double[] x = new double[data.x().length];
        double[] t = new double[data.x().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.x()[i];
            t[i] = data.t()[i];
        }
        ref = new ReferenceMlp(spec, x, t);
        pd = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            pd[i] = p[i];
        }
    }

    @Benchmark
    public float[] vector() {
        mlp.forwardLoss(p);
        mlp.backward(g, p);
        return g;
    }

    @Benchmark
    public double[] scalar() {
        ref.forward(pd);
        return ref.backward(pd);
    }
}
