package dev.polygate.report.throughput;

import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.Optional;

/**
 * A training step and its two timed parts, all of one {@link StepCase} (TrainingStepBenchmark
 * step, forward with the loss, backward), and what is left: the rest of the step, step − forward
 * − backward, which is Adam (on the caller's thread, whatever the threads per run) and the loop.
 * The three are separate benchmarks, so the rest is a difference of medians: where forward and
 * backward alone took longer than the whole step it is negative, and the parts do not add up.
 * Times in ns per operation (medians over forks); shares are fractions of the step's median.
 */
record StepParts(Measurement step, Measurement forward, Measurement backward) {

    /** The parts of this step measurement, if its forward and backward were measured on the same case. */
    static Optional<StepParts> of(ThroughputResults results, Measurement step) {
        StepCase c = StepCase.of(step);
        Optional<Measurement> forward = c.find(results, Known.STEP_FORWARD);
        Optional<Measurement> backward = c.find(results, Known.STEP_BACKWARD);
        return forward.isPresent() && backward.isPresent()
                ? Optional.of(new StepParts(step, forward.get(), backward.get())) : Optional.empty();
    }

    /** step − forward − backward, ns; negative where the parts alone took longer than the step. */
    double restNs() {
        return step.nsPerOp() - forward.nsPerOp() - backward.nsPerOp();
    }

    boolean addUp() {
        return restNs() >= 0;
    }

    double forwardShare() {
        return forward.nsPerOp() / step.nsPerOp();
    }

    double backwardShare() {
        return backward.nsPerOp() / step.nsPerOp();
    }

    /** The rest's share of the step: 1 − forward share − backward share. */
    double restShare() {
        return restNs() / step.nsPerOp();
    }
}
