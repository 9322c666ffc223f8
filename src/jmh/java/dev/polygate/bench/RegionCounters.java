package dev.polygate.bench;

import dev.polygate.kernel.RegionTimes;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where a multi-threaded training step's regions spent the iteration's time ({@link RegionTimes}),
 * as JMH secondary metrics of each measurement iteration: totals over the iteration's steps, in ns,
 * beside the step count to divide them by (the report takes per-step values iteration by iteration).
 * All zero but {@link #steps} on one thread, where no region is timed.
 *
 * <p>EVENTS: JMH writes the values as they are, not as rates. The totals are read live from the
 * model's {@link RegionTimes} minus a reading taken when the iteration starts, so a step adds one
 * counter increment and nothing else.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RegionCounters {
    /** Steps in this iteration. */
    public long steps;
    private RegionTimes times;
    private long regionsBase;
    private long callerShareBase;
    private long callerWaitBase;
    private long workerShareBase;
    private long workerStartBase;

    @Setup(Level.Iteration)
    public void startIteration() {
        steps = 0;
        if (times != null) {
            takeBase();
        }
    }

    /** Counts one step of the model whose regions these are (known from its first step on). */
    void afterStep(RegionTimes of) {
        if (times == null) {
            times = of;
            takeBase();   // the first iteration counts from its second step
            return;
        }
        steps++;
    }

    private void takeBase() {
        regionsBase = times.regions();
        callerShareBase = times.callerShareNanos();
        callerWaitBase = times.callerWaitNanos();
        workerShareBase = times.workerShareNanos();
        workerStartBase = times.workerStartNanos();
    }

    /** Parallel regions run in this iteration's steps. */
    public long regions() {
        return times == null ? 0 : times.regions() - regionsBase;
    }

    /** {@link RegionTimes#callerShareNanos()} over this iteration's steps. */
    public long callerShareNanos() {
        return times == null ? 0 : times.callerShareNanos() - callerShareBase;
    }

    /** {@link RegionTimes#callerWaitNanos()} over this iteration's steps. */
    public long callerWaitNanos() {
        return times == null ? 0 : times.callerWaitNanos() - callerWaitBase;
    }

    /** {@link RegionTimes#workerShareNanos()} over this iteration's steps. */
    public long workerShareNanos() {
        return times == null ? 0 : times.workerShareNanos() - workerShareBase;
    }

    /** {@link RegionTimes#workerStartNanos()} over this iteration's steps. */
    public long workerStartNanos() {
        return times == null ? 0 : times.workerStartNanos() - workerStartBase;
    }
}
