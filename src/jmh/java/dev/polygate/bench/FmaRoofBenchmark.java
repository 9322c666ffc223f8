package dev.polygate.bench;

import dev.polygate.text.FloatText;
import dev.polygate.kernel.FlopCount;
import dev.polygate.kernel.VectorMath;
import dev.polygate.report.throughput.FmaRoof;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The roof: register-resident vector FMA throughput of one core. Twelve independent accumulator
 * chains (FMA latency 4 cycles × 2 pipes needs at least 8 in flight), no memory traffic in the
 * loop. FLOPs per call: {@link #FLOPS} ({@link FmaRoof}). Every kernel is reported as a fraction of this.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 6, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class FmaRoofBenchmark {
    private static final VectorSpecies<Float> S = VectorMath.SPECIES;
    // The loop sizes the throughput report counts FLOPs by (main code; the report cannot import a
    // benchmark). chains() is unrolled by hand for 12; setup() fails if CHAINS says otherwise.
    public static final int CHAINS = FmaRoof.CHAINS;
    public static final int ITERATIONS = FmaRoof.ITERATIONS;
    public static final long FLOPS = FmaRoof.flops(VectorMath.LANES);

    private float[] seed;

    @Setup
    public void setup() {
        // Different start values per chain: identical chains would be merged by C2's value
        // numbering into one latency-bound chain.
        seed = new float[CHAINS * S.length()];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = 0.5f + 0.01f * i;
        }
        float expected = 0;
        for (int chain = 0; chain < CHAINS; chain++) {
            float a = seed[chain * S.length()];
            for (int k = 0; k < ITERATIONS; k++) {
                a = Math.fma(1e-2f, 1e-2f, a);
            }
            expected += a;
        }
        float got = fma12();
        if (Math.abs(got - expected) > 1e-3f * expected) {
            throw new IllegalStateException("roof kernel computed " + FloatText.shortest(got) + ", expected "
                    + FloatText.shortest(expected));
        }
    }

    /** a ← 0.01·0.01 + a from 0.5–0.61 ends near 1 after {@link #ITERATIONS} steps: no overflow, no denormals. */
    @Benchmark
    public float fma12() {
        return chains();
    }

    // Compiled on its own: inlined into JMH's measurement loop, C2 scheduled the chains ~3× slower
    // (measured on JDK 17 and 25) than this loop compiled alone.
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private float chains() {
        int l = S.length();
        // a ← x·m + a: the accumulator is the addend, as in the kernels' register tiles. C2's x86 FMA
        // writes its addend (vfmadd231ps), so a.fma(m, c) with a constant c copied c into a fresh
        // register per FMA; with 16 registers (UseAVX=2) that pushed chains to the stack, and the
        // roof came out at 111 GFLOP/s against 130 for the same chains in C on the same core.
        FloatVector x = FloatVector.broadcast(S, 1e-2f);
        FloatVector m = FloatVector.broadcast(S, 1e-2f);
        FloatVector a0 = FloatVector.fromArray(S, seed, 0);
        FloatVector a1 = FloatVector.fromArray(S, seed, l);
        FloatVector a2 = FloatVector.fromArray(S, seed, 2 * l);
        FloatVector a3 = FloatVector.fromArray(S, seed, 3 * l);
        FloatVector a4 = FloatVector.fromArray(S, seed, 4 * l);
        FloatVector a5 = FloatVector.fromArray(S, seed, 5 * l);
        FloatVector a6 = FloatVector.fromArray(S, seed, 6 * l);
        FloatVector a7 = FloatVector.fromArray(S, seed, 7 * l);
        FloatVector a8 = FloatVector.fromArray(S, seed, 8 * l);
        FloatVector a9 = FloatVector.fromArray(S, seed, 9 * l);
        FloatVector a10 = FloatVector.fromArray(S, seed, 10 * l);
        FloatVector a11 = FloatVector.fromArray(S, seed, 11 * l);
        for (int k = 0; k < ITERATIONS; k++) {
            a0 = x.fma(m, a0);
            a1 = x.fma(m, a1);
            a2 = x.fma(m, a2);
            a3 = x.fma(m, a3);
            a4 = x.fma(m, a4);
            a5 = x.fma(m, a5);
            a6 = x.fma(m, a6);
            a7 = x.fma(m, a7);
            a8 = x.fma(m, a8);
            a9 = x.fma(m, a9);
            a10 = x.fma(m, a10);
            a11 = x.fma(m, a11);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11).lane(0);
    }
}
