package dev.polygate.bench;

import dev.polygate.text.FloatText;
import dev.polygate.kernel.VectorKernels;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterLayout;
import java.util.Random;
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
 * One hidden×hidden layer (the second layer of a depth-2 model), where the FLOPs are: the bare
 * product z = W·h + b, the fused forward (product + activation epilogue), and the backward
 * (dz, dW = dz·hᵀ, dh = Wᵀ·dz). Compared against the FMA roof.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 6, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class DenseLayerBenchmark {
    @Param({"relu"})
    public String activation;
    @Param({"plain", "gated"})
    public String kind;
    /** The widths where the product should approach the roof (64 and more in the full grid). */
    @Param({"256", "1024"})
    public int width;
    @Param({"4096"})
    public int samples;

    private ModelSpec spec;
    private ParameterLayout layout;
    private int ld;
    private float[] p;
    private float[] g;
    private float[] hIn;
    private float[] h;
    private float[] f;
    private float[] dz;
    private float[] dh;
    private float[] dhIn;
    private float[] scratch;
    private int[] knots;
    private float[] packedWeights;

    @Setup
    public void setup() {
        spec = BenchModels.spec(activation, kind, width, 2);
        layout = spec.layout();
        ld = VectorKernels.paddedBatch(samples);
        p = BenchModels.parameters(spec);
        g = new float[p.length];
        Random r = new Random(1);
        hIn = new float[width * ld];
        dh = new float[width * ld];
        for (int k = 0; k < width; k++) {
            for (int i = 0; i < samples; i++) {
                hIn[k * ld + i] = (float) r.nextGaussian();
                dh[k * ld + i] = (float) r.nextGaussian() * 1e-3f;
            }
        }
        h = new float[width * ld];
        f = new float[layout.rows() * ld];
        dz = new float[layout.rows() * ld];
        dhIn = new float[width * ld];
        scratch = new float[VectorKernels.denseBackwardScratch(width, layout.branches())];
        knots = VectorKernels.activationScratch(spec.activation());
        packedWeights = new float[VectorKernels.packedWeightsFloats(layout.rows(), width)];
        checkProduct();
        forward();
    }

    /** Spot-checks the tiled product against a plain double sum on scattered entries. */
    private void checkProduct() {
        product();
        Random r = new Random(2);
        for (int t = 0; t < 200; t++) {
            int m = r.nextInt(layout.rows());
            int i = r.nextInt(samples);
            double s = p[layout.biasOffset(1) + m];
            for (int k = 0; k < width; k++) {
                s += (double) p[layout.weightOffset(1) + m * width + k] * hIn[k * ld + i];
            }
            if (Math.abs(s - f[m * ld + i]) > 1e-4 * (1 + Math.abs(s))) {
                throw new IllegalStateException("product z[" + m + "][" + i + "] = " + FloatText.shortest(f[m * ld + i]) + ", reference "
                        + FloatText.shortest(s));
            }
        }
    }

    // Each benchmark packs W (or Wᵀ) as a training step does, so the copy is in its time.

    @Benchmark
    public float[] product() {
        VectorKernels.packWeights(packedWeights, p, layout.weightOffset(1), layout.rows(), width, 0, 1);
        VectorKernels.denseProduct(f, hIn, packedWeights, p, layout.biasOffset(1), layout.rows(), width, ld);
        return f;
    }

    @Benchmark
    public float[] forward() {
        VectorKernels.packWeights(packedWeights, p, layout.weightOffset(1), layout.rows(), width, 0, 1);
        VectorKernels.denseForward(h, f, hIn, packedWeights, p, layout.biasOffset(1), spec.activation(),
                spec.kind(), width, width, ld, 0, 1, knots);
        return h;
    }

    @Benchmark
    public float[] backward() {
        VectorKernels.denseBackward(g, dz, dhIn, dh, f, hIn, p, layout.weightOffset(1), layout.biasOffset(1), width,
                layout.branches(), width, ld, packedWeights, scratch);
        return dhIn;
    }
}
