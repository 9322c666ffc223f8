package dev.polygate.report.throughput;

import dev.polygate.model.Shape;
import dev.polygate.report.jmh.RatioInterval;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.ArrayList;
import java.util.List;

/**
 * Vector kernels against the scalar reference on the same parameters (VectorVsScalarBenchmark):
 * speed-up = scalar time / vector time, the Hodges–Lehmann ratio of the two benchmarks' fork medians
 * with its Mann–Whitney interval ({@link RatioInterval#of(double[], double[])}).
 */
public record SpeedUp(Measurement vector, Measurement scalar, RatioInterval speedUp) {

    /** Every vector result that has a scalar result with the same parameters, in file order. */
    public static List<SpeedUp> all(ThroughputResults results) {
        List<SpeedUp> out = new ArrayList<>();
        for (Measurement vector : results.of(Known.VECTOR)) {
            // Both methods of one class carry the same parameter names: "includes" is "equals".
            results.find(Known.SCALAR, vector.params()).ifPresent(scalar ->
                    out.add(new SpeedUp(vector, scalar, RatioInterval.of(scalar.forkMedians(), vector.forkMedians()))));
        }
        return out;
    }

    public Shape shape() {
        return Shape.parse(vector.param("shape"));
    }
}
