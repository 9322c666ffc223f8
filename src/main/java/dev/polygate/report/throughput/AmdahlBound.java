package dev.polygate.report.throughput;

import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far a training step split over N threads could scale, from its parts as measured (Amdahl's
 * law): the one-thread step is forward (share f), backward (share b) and the rest (share r = 1 −
 * f − b: Adam, which stays on the caller's thread, and the loop; {@link StepParts}). If the rest
 * stayed serial and forward and backward ran as fast as their own N-thread speed-ups sf and sb,
 * the step's speed-up would be at most 1 / (r + f / sf + b / sb). Where forward and backward
 * alone took longer than the step (r &lt; 0) the parts do not add up and there is no bound.
 *
 * @param step     the step on N threads against one
 * @param forward  its forward on N threads against one
 * @param backward its backward on N threads against one
 */
record AmdahlBound(ThreadSpeedUp step, ThreadSpeedUp forward, ThreadSpeedUp backward) {

    /** One per multi-thread step whose forward and backward pairs were measured too, in the pairs' order. */
    static List<AmdahlBound> all(List<ThreadSpeedUp> pairs) {
        List<AmdahlBound> out = new ArrayList<>();
        for (ThreadSpeedUp step : pairs) {
            if (step.part() != Known.STEP) {
                continue;
            }
            Optional<ThreadSpeedUp> forward = part(pairs, step, Known.STEP_FORWARD);
            Optional<ThreadSpeedUp> backward = part(pairs, step, Known.STEP_BACKWARD);
            if (forward.isPresent() && backward.isPresent()) {
                out.add(new AmdahlBound(step, forward.get(), backward.get()));
            }
        }
        return out;
    }

    private static Optional<ThreadSpeedUp> part(List<ThreadSpeedUp> pairs, ThreadSpeedUp step, Known part) {
        return pairs.stream().filter(p -> p.part() == part && p.stepCase().equals(step.stepCase())).findFirst();
    }

    /** The one-thread step and its parts, whose shares weigh the speed-ups. */
    StepParts oneThread() {
        return new StepParts(step.oneThread(), forward.oneThread(), backward.oneThread());
    }

    /** 1 / (r + f / sf + b / sb); NaN where the parts do not add up. */
    double bound() {
        StepParts p = oneThread();
        if (!p.addUp()) {
            return Double.NaN;
        }
        return 1 / (p.restShare() + p.forwardShare() / forward.speedUp().ratio()
                + p.backwardShare() / backward.speedUp().ratio());
    }
}
