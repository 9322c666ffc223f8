package dev.polygate.report.throughput;

import dev.polygate.model.Shape;
import dev.polygate.report.jmh.RatioInterval;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.ArrayList;
import java.util.List;

/**
 * A training step split over a run's threads against the same step on one
 * (TrainingStepBenchmark.step, threadsPerRun N and 1, the other parameters equal): speed-up = one
 * thread's time / N threads' time, the Hodges–Lehmann ratio of the fork medians with its
 * Mann–Whitney interval ({@link RatioInterval#of(double[], double[])}); efficiency = speed-up / N.
 */
public record ThreadSpeedUp(Measurement split, Measurement oneThread, RatioInterval speedUp) {

    /** Every multi-thread step that has its one-thread step, in file order. */
    public static List<ThreadSpeedUp> all(ThroughputResults results) {
        List<ThreadSpeedUp> out = new ArrayList<>();
        for (Measurement split : results.of(Known.STEP)) {
            if (split.threadsPerRun() == 1) {
                continue;
            }
            results.of(Known.STEP).stream()
                    .filter(m -> m.threadsPerRun() == 1 && sameCase(m, split))
                    .findFirst()
                    .ifPresent(one -> out.add(new ThreadSpeedUp(split, one,
                            RatioInterval.of(one.forkMedians(), split.forkMedians()))));
        }
        return out;
    }

    private static boolean sameCase(Measurement a, Measurement b) {
        return a.param("activation").equals(b.param("activation")) && a.param("kind").equals(b.param("kind"))
                && Shape.parse(a.param("shape")).equals(Shape.parse(b.param("shape")));
    }

    public int threads() {
        return split.threadsPerRun();
    }

    public Shape shape() {
        return Shape.parse(split.param("shape"));
    }

    /** Speed-up over the thread count: 1 is perfect scaling. */
    public double efficiency() {
        return speedUp.ratio() / threads();
    }
}
