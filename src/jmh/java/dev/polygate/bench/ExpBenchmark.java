package dev.polygate.bench;

import dev.polygate.text.FloatText;
import dev.polygate.kernel.VectorMath;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
 * exp over an array three ways: polygate's hand-written vector exp (bit tricks, no float→int
 * convert), the Vector API's {@code lanewise(EXP)} (an SVML intrinsic whose bits may differ
 * between JDKs), and a scalar {@code Math.exp} loop. Reported per element.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 6, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ExpBenchmark {
    private static final VectorSpecies<Float> S = VectorMath.SPECIES;

    /** Elements per call: 16 KB, in L1. */
    @Param({"4096"})
    public int size;

    private float[] in;
    private float[] out;

    @Setup
    public void setup() {
        in = new float[size];
        out = new float[size];
        for (int i = 0; i < size; i++) {
            in[i] = -20f + 40f * i / size;
        }
        handWritten();
        for (int i = 0; i < size; i++) {
            double exact = Math.exp(in[i]);
            if (Math.abs(out[i] - exact) > 2 * Math.ulp((float) exact)) {
                throw new IllegalStateException("hand-written exp(" + FloatText.shortest(in[i]) + ") = " + FloatText.shortest(out[i]) + ", Math.exp gives "
                        + FloatText.shortest(exact));
            }
        }
        lanewiseExp();
        for (int i = 0; i < size; i++) {
            double exact = Math.exp(in[i]);
            if (Math.abs(out[i] - exact) > 4 * Math.ulp((float) exact)) {
                throw new IllegalStateException("lanewise(EXP)(" + FloatText.shortest(in[i]) + ") = " + FloatText.shortest(out[i]) + ", Math.exp gives "
                        + FloatText.shortest(exact));
            }
        }
    }

    @Benchmark
    public float[] handWritten() {
        for (int i = 0; i < size; i += S.length()) {
            VectorMath.exp(FloatVector.fromArray(S, in, i)).intoArray(out, i);
        }
        return out;
    }

    @Benchmark
    public float[] lanewiseExp() {
        for (int i = 0; i < size; i += S.length()) {
            FloatVector.fromArray(S, in, i).lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        return out;
    }

    @Benchmark
    public float[] mathExp() {
        for (int i = 0; i < size; i++) {
            out[i] = (float) Math.exp(in[i]);
        }
        return out;
    }
}
