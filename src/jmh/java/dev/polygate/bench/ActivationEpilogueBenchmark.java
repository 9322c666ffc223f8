package dev.polygate.bench;

import dev.polygate.text.FloatText;
import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.kernel.VectorKernels;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterLayout;
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
 * What each activation costs where it is nearly all the work: the first hidden layer's fused
 * forward (z = w·x + b, σ, σ′ into h and the backward factors), closed forms against integrated
 * ones (table gather + cubic Hermite for σ, the gate's closed form for σ′).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 6, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ActivationEpilogueBenchmark {
    @Param({"relu", "silu", "gelu", "int-relu", "int-silu", "int-gelu"})
    public String activation;
    @Param({"plain"})
    public String kind;
    @Param({"256"})
    public int width;
    @Param({"4096"})
    public int samples;

    private ModelSpec spec;
    private ParameterLayout layout;
    private int ld;
    private float[] p;
    private float[] x;
    private float[] h;
    private float[] f;
    private int[] knots;

    @Setup
    public void setup() {
        spec = BenchModels.spec(activation, kind, width, 1);
        layout = spec.layout();
        ld = VectorKernels.paddedBatch(samples);
        p = BenchModels.parameters(spec);
        Dataset data = BenchModels.data(samples);
        x = new float[ld];
        System.arraycopy(data.x(), 0, x, 0, samples);
        h = new float[spec.width() * ld];
        f = new float[layout.rows() * ld];
        knots = VectorKernels.activationScratch(spec.activation());
        BenchModels.checkAgainstReference(spec, p, data);
        checkEpilogue();
    }

    /** Every h and f entry of the kernel against the scalar reference's σ and backward factor. */
    private void checkEpilogue() {
        forward();
        double[] xd = new double[samples];
        for (int i = 0; i < samples; i++) {
            xd[i] = x[i];
        }
        ReferenceMlp ref = new ReferenceMlp(spec, xd, new double[samples]);
        double[] pd = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            pd[i] = p[i];
        }
        ref.forward(pd);
        for (int r = 0; r < layout.rows(); r++) {
            for (int i = 0; i < samples; i++) {
                if (r < spec.width()) {
                    check("h", ref.h[0][r * samples + i], h[r * ld + i], r, i);
                }
                check("f", ref.factor(0, r, i), f[r * ld + i], r, i);
            }
        }
    }

    private void check(String what, double want, float got, int r, int i) {
        if (!(Math.abs(got - want) <= 2e-6 * Math.max(1, Math.abs(want)))) {
            throw new IllegalStateException(what + "[" + r + "][" + i + "] = " + FloatText.shortest(got) + ", reference " + FloatText.shortest(want)
                    + " for " + spec.id());
        }
    }

    @Benchmark
    public float[] forward() {
        VectorKernels.firstLayerForward(h, f, x, p, layout.weightOffset(0), layout.biasOffset(0), spec.activation(),
                spec.kind(), width, ld, 0, 1, knots);
        return h;
    }
}
