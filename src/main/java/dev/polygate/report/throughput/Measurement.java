package dev.polygate.report.throughput;

import dev.polygate.report.jmh.JmhResult;
import dev.polygate.report.stats.MedianInterval;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.Map;

/**
 * One JMH result understood: which known benchmark, the work of one operation, and the time per
 * operation with the fork as the unit: each fork's median over its iterations, and the median of
 * those with its order-statistic interval (iterations of one fork are correlated, forks are
 * independent). Rates divide the work by the median time.
 */
public record Measurement(JmhResult result, Known benchmark, Workload work, MedianInterval time) {

    /** Resolves the benchmark and its workload; an InvalidInputException if either is unknown or bad. */
    public static Measurement of(JmhResult result) {
        Known benchmark = BenchmarkFlops.known(result);
        return new Measurement(result, benchmark, BenchmarkFlops.workload(benchmark, result),
                MedianInterval.of95(result.forkMediansNanosPerOp()));
    }

    /** One value per fork: the median of its measured iterations, ns per operation. */
    public double[] forkMedians() {
        return result.forkMediansNanosPerOp();
    }

    public Map<String, String> params() {
        return result.id().params();
    }

    public String param(String name) {
        return result.param(name);
    }

    /** The threads it ran on: {@link BenchmarkFlops#threadsPerRun}, 1 for all but multi-threaded training steps. */
    public int threadsPerRun() {
        return BenchmarkFlops.threadsPerRun(result);
    }

    public double nsPerOp() {
        return time.median();
    }

    /** Samples or elements per second; NaN for a benchmark without items. */
    public double itemsPerSecond() {
        return work.items() == 0 ? Double.NaN : work.items() / time.median() * 1e9;
    }

    /** Nanoseconds per sample or element; NaN for a benchmark without items. */
    public double nsPerItem() {
        return work.items() == 0 ? Double.NaN : time.median() / work.items();
    }

    /** FLOPs per nanosecond, i.e. GFLOP/s, at the median time; NaN where FLOPs are not counted. */
    public double gflops() {
        return work.flops().isPresent() ? work.flops().getAsLong() / time.median() : Double.NaN;
    }

    /** GFLOP/s at the slow and fast ends of the time interval: {low, high}. */
    public double[] gflopsInterval() {
        if (work.flops().isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        long flops = work.flops().getAsLong();
        return new double[] {flops / time.high(), flops / time.low()};
    }
}
