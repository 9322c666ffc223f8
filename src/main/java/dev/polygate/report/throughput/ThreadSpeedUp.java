package dev.polygate.report.throughput;

import dev.polygate.model.Shape;
import dev.polygate.report.jmh.RatioInterval;
import dev.polygate.report.throughput.BenchmarkFlops.Family;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One part of a training step split over a run's threads against the same part on one
 * (TrainingStepBenchmark step, forward or backward at threadsPerRun N and 1, the other parameters
 * equal): speed-up = one thread's time / N threads' time, the Hodges–Lehmann ratio of the fork
 * medians with its Mann–Whitney interval ({@link RatioInterval#of(double[], double[])});
 * efficiency = speed-up / N.
 *
 * @param split     the part on N &gt; 1 threads
 * @param oneThread the same part of the same case on one thread
 * @param speedUp   oneThread's time / split's time
 */
public record ThreadSpeedUp(Measurement split, Measurement oneThread, RatioInterval speedUp) {

    /** The parts of a step that are paired, in the order the report lists them: the whole step first. */
    static final List<Known> PARTS = List.of(Known.STEP, Known.STEP_FORWARD, Known.STEP_BACKWARD);

    /**
     * Every multi-thread step, forward and backward that has its one-thread twin: the cases in the
     * order their first multi-thread result appears in the files, within a case step, forward,
     * backward. JSON from before forward and backward were timed on several threads gives the
     * step rows alone.
     */
    public static List<ThreadSpeedUp> all(ThroughputResults results) {
        Map<StepCase, List<ThreadSpeedUp>> byCase = new LinkedHashMap<>();
        for (Measurement split : results.of(Family.TRAINING_STEP)) {
            StepCase c = StepCase.of(split);
            if (c.threads() == 1 || !PARTS.contains(split.benchmark())) {
                continue;
            }
            c.onThreads(1).find(results, split.benchmark()).ifPresent(one -> byCase.computeIfAbsent(c,
                    k -> new ArrayList<>()).add(new ThreadSpeedUp(split, one,
                    RatioInterval.of(one.forkMedians(), split.forkMedians()))));
        }
        List<ThreadSpeedUp> out = new ArrayList<>();
        for (List<ThreadSpeedUp> parts : byCase.values()) {
            parts.sort(Comparator.comparingInt(s -> PARTS.indexOf(s.part())));
            out.addAll(parts);
        }
        return out;
    }

    /** Which part: {@link Known#STEP}, {@link Known#STEP_FORWARD} or {@link Known#STEP_BACKWARD}. */
    public Known part() {
        return split.benchmark();
    }

    /**
     * Whether both sides come from one JMH result file, i.e. one invocation, where JMH runs a case's
     * thread counts back to back: then the ratio does not include the machine's drift between runs.
     */
    public boolean sameRun() {
        return split.result().source().equals(oneThread.result().source());
    }

    /** The case on N threads. */
    StepCase stepCase() {
        return StepCase.of(split);
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
