package dev.polygate.report.throughput;

import dev.polygate.model.Shape;
import dev.polygate.report.throughput.BenchmarkFlops.Family;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.Optional;

/**
 * What one TrainingStepBenchmark result measures, whichever of its methods (step, forward,
 * backward): the model (activation, kind as the benchmark names it, shape SAMPLES×WIDTH×DEPTH)
 * and the threads its passes ran on. Two results of one case are the parts of one step; the same
 * case at another thread count is its twin. Matching on the thread count, not on the parameter
 * map, keeps a result without {@code threadsPerRun} (JSON from before the parameter: 1 thread)
 * from matching a multi-thread one.
 *
 * @param activation the activation's CLI name, e.g. silu
 * @param kind       plain, squared, gated or gated-matched
 * @param shape      samples × width × depth
 * @param threads    threads per run, at least 1
 */
record StepCase(String activation, String kind, Shape shape, int threads) {

    /** The case of a TrainingStepBenchmark measurement. */
    static StepCase of(Measurement m) {
        if (m.benchmark().family() != Family.TRAINING_STEP) {
            throw new IllegalArgumentException(m.benchmark() + " is not a TrainingStepBenchmark method");
        }
        return new StepCase(m.param("activation"), m.param("kind"), Shape.parse(m.param("shape")), m.threadsPerRun());
    }

    /** The same model on another number of threads. */
    StepCase onThreads(int n) {
        return new StepCase(activation, kind, shape, n);
    }

    /** This case's result of {@code method} (step, forward or backward), if measured. */
    Optional<Measurement> find(ThroughputResults results, Known method) {
        return results.of(method).stream().filter(m -> of(m).equals(this)).findFirst();
    }

    /** "relu gated-matched 4096x256x2", with ", 2 threads" beyond one. */
    String label() {
        return activation + " " + kind + " " + shape + (threads == 1 ? "" : ", " + threads + " threads");
    }
}
