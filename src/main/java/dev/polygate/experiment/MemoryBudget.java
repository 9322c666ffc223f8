package dev.polygate.experiment;

import dev.polygate.kernel.RunMemory;
import dev.polygate.model.RunSpec;
import dev.polygate.train.TrainingResult;
import java.util.List;
import java.util.function.Function;

/**
 * The heap a sweep may fill, in bytes, shared by its concurrent runs: a run starts only when its
 * working set ({@link RunMemory#bytes}, its result included: finished runs go to the run store and
 * are no longer counted up front) fits beside those already running, so threads never start more
 * runs than fit in the heap together. A run
 * larger than the whole budget still starts once nothing else runs (the command line refuses such
 * runs before a sweep; see {@link #usableHeapBytes}). Scheduling never changes a bit of a result:
 * every run is independent and seeds its own generators.
 *
 * <p>The rule for "fits in the heap": a run of B bytes fits when B ≤ {@link #usableHeapBytes()},
 * that is {@link #HEAP_FRACTION} × (max heap − heap in use now). The fraction leaves the garbage
 * collector its reserve (G1 keeps 10 % free for evacuation) and room for the region rounding of
 * huge arrays.
 */
public final class MemoryBudget {
    /**
     * Share of the free heap a run, or a sweep's runs together, may fill. Measured with G1 on
     * JDK 17: a run of 2.26 GB trained at -Xmx2300m but not at -Xmx2250m, one of 4.52 GB at -Xmx4900m
     * but not at -Xmx4700m, so runs fail above about 90 %; 80 % keeps a margin.
     */
    public static final double HEAP_FRACTION = 0.8;

    private final long bytes;
    private long inUse;
    private int running;
    private int peakRunning;

    /** A budget of {@code bytes} (≥ 0) for the working sets of concurrent runs. */
    public MemoryBudget(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("budget must be ≥ 0 bytes, got " + bytes);
        }
        this.bytes = bytes;
    }

    /**
     * Heap a run or a sweep may fill now, bytes: {@link #HEAP_FRACTION} × (Runtime.maxMemory() −
     * (totalMemory − freeMemory)).
     */
    public static long usableHeapBytes() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return (long) (HEAP_FRACTION * Math.max(0, rt.maxMemory() - used));
    }

    /**
     * The usable heap: what concurrent runs may share. Finished runs go to the run store as they
     * finish, so they hold no heap here.
     */
    public static MemoryBudget ofHeap() {
        return new MemoryBudget(usableHeapBytes());
    }

    /** The budget, bytes. */
    public long bytes() {
        return bytes;
    }

    /** Trains one run with {@code trainer} once its working set fits beside the runs already training. */
    public TrainingResult train(RunSpec spec, Function<RunSpec, TrainingResult> trainer) throws InterruptedException {
        RunMemory memory = RunMemory.of(spec);
        long need = memory.bytes();
        acquire(need);
        try {
            return trainer.apply(spec);
        } finally {
            release(need);
        }
    }

    /** Most runs that trained at once so far. */
    public synchronized int peakRunning() {
        return peakRunning;
    }

    private synchronized void acquire(long need) throws InterruptedException {
        // running > 0: a run over the whole budget waits only until it can run alone.
        while (running > 0 && inUse + need > bytes) {
            wait();
        }
        inUse += need;
        running++;
        peakRunning = Math.max(peakRunning, running);
    }

    private synchronized void release(long need) {
        inUse -= need;
        running--;
        notifyAll();
    }
}
