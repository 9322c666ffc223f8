package dev.polygate.kernel;

/**
 * Where the wall time of a {@link ParallelFor}'s regions went, summed over every region it ran with
 * more than one part since it was made, in nanoseconds of {@link System#nanoTime}. A region starts
 * just before the caller publishes it; the caller then wakes the workers and runs its own share,
 * and the region ends when the caller sees the last worker done. So its wall time is the caller's share plus the caller's wait, and the workers'
 * columns say why the caller waited: a worker that started late (hand-over), or whose share took
 * longer (the work, or the core it ran on).
 *
 * <p>Read it on the thread that calls {@link ParallelFor#run}, between regions; totals only grow, so
 * an interval's times are the differences of two readings. With one part nothing is timed (the
 * region is a plain call) and every total stays 0.
 */
public final class RegionTimes {
    private long regions;
    private long callerShareNanos;
    private long callerWaitNanos;
    private long workerShareNanos;
    private long workerStartNanos;

    /** Regions run with more than one part. */
    public long regions() {
        return regions;
    }

    /** The caller's part of each region: waking the workers and its own share (share 0), ns. */
    public long callerShareNanos() {
        return callerShareNanos;
    }

    /** The caller's waits for the workers after its own share, ns: the regions' wall time is this plus {@link #callerShareNanos}. */
    public long callerWaitNanos() {
        return callerWaitNanos;
    }

    /** The workers' shares, start to end, summed over the workers, ns. */
    public long workerShareNanos() {
        return workerShareNanos;
    }

    /** From each region's start to each worker's start of its share, summed over the workers, ns: the hand-over. */
    public long workerStartNanos() {
        return workerStartNanos;
    }

    /** Adds one region: its start, the caller's share end and the caller's wait end; then each worker's share start and end. */
    void add(long start, long callerEnd, long waitEnd, long[] workerStarts, long[] workerEnds) {
        regions++;
        callerShareNanos += callerEnd - start;
        callerWaitNanos += waitEnd - callerEnd;
        for (int w = 0; w < workerStarts.length; w++) {
            workerShareNanos += workerEnds[w] - workerStarts[w];
            workerStartNanos += workerStarts[w] - start;
        }
    }
}
