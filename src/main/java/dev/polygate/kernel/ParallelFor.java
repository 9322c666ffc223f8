package dev.polygate.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one training run: {@link #run} runs a region's {@link Share}s, share t of
 * {@link #parts()} on thread t, the calling thread doing share 0, and returns when all are done.
 * With one part it is a plain call on the caller: no threads, nothing allocated. With N parts it
 * owns N − 1 daemon workers from construction until {@link #close}, and a region allocates nothing.
 *
 * <p>Bits never depend on the part count, by how the kernels use it: a share computes whole
 * outputs (samples, units, rows, panels), every sum over the batch stays inside one share in the
 * order one thread would take, and {@link #shareStart} cuts a list of items into contiguous static
 * ranges, so which thread computes an output changes nothing in it.
 *
 * <p>Not thread-safe: one thread (the run's) calls {@link #run} and {@link #close}. Everything the
 * caller wrote before {@code run} is visible to every share, and everything a share wrote is
 * visible to the caller after it returns.
 *
 * <p>With N parts every region is timed into {@link #times()} (three {@code System.nanoTime} reads
 * on the caller and two on each worker, tens of ns against regions of µs to ms), so a step that
 * scales badly can say whether its threads computed slowly or waited for each other.
 */
public final class ParallelFor implements AutoCloseable {
    /** One region's work: the share {@code part} of {@code parts} (0 ≤ part &lt; parts). */
    @FunctionalInterface
    public interface Share {
        void run(int part, int parts);
    }

    /**
     * How long a waiting thread spins (Thread.onSpinWait) before it parks. The regions of a step
     * follow each other within microseconds, or after the caller's serial work (Adam, tens of µs),
     * while waking a parked thread took 50–150 µs here (a VM); past this window a waiting thread
     * parks, so a run between steps (or a slow serial stretch) burns no more CPU than that.
     */
    static final long SPIN_NANOS = 200_000;

    private final int parts;
    private final Thread[] workers;
    /** The region in flight: written by the caller before {@link #region} is bumped. */
    private Share share;
    /** Whether a region is in flight, so that a share starting another is refused. */
    private boolean inRegion;
    /** Bumped once per region by the caller (a volatile write that publishes {@link #share}). */
    private volatile int region;
    private volatile boolean closed;
    /** Workers still in the current region; the last one to finish wakes the caller. */
    private final AtomicInteger running = new AtomicInteger();
    /** What each part threw in the current region (index = part), read by the caller after it. */
    private final Throwable[] failures;
    private Thread caller;
    /** Each worker's start and end of its share in the current region (index = part − 1), read by the caller after it. */
    private final long[] workerStarts;
    private final long[] workerEnds;
    private final RegionTimes times = new RegionTimes();

    /**
     * @param parts the threads of the run, at least 1: 1 runs every region on the caller; more
     *              starts {@code parts − 1} daemon workers now
     * @throws IllegalArgumentException for a count below 1
     */
    public ParallelFor(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("threads per run must be at least 1, got " + parts);
        }
        this.parts = parts;
        this.failures = new Throwable[parts];
        this.workerStarts = new long[parts - 1];
        this.workerEnds = new long[parts - 1];
        this.workers = new Thread[parts - 1];
        for (int t = 1; t < parts; t++) {
            int part = t;
            Thread worker = new Thread(() -> work(part), "polygate-run-part-" + t);
            worker.setDaemon(true);
            workers[t - 1] = worker;
        }
        for (Thread worker : workers) {
            worker.start();
        }
    }

    /** The number of shares each region is cut into. */
    public int parts() {
        return parts;
    }

    /**
     * Where the regions' time went since this was made, live (not a copy): read it on the calling
     * thread between regions. All zero with one part.
     */
    public RegionTimes times() {
        return times;
    }

    /**
     * The first item of share {@code part} of {@code count} items cut into {@code parts} contiguous
     * ranges: share t holds [shareStart(t), shareStart(t + 1)), t·count/parts rounded down. A share
     * is empty when there are fewer items than parts.
     */
    public static int shareStart(int part, int parts, int count) {
        return (int) ((long) part * count / parts);
    }

    /**
     * Runs {@code share} once for every part, share 0 on the calling thread, and returns when all
     * have finished. If shares threw, the lowest part's throwable is rethrown here, the others
     * suppressed in it; the workers stay ready for the next region.
     *
     * @throws IllegalStateException after {@link #close}, or when called from inside a share
     */
    public void run(Share share) {
        if (parts == 1) {
            share.run(0, 1);
            return;
        }
        if (closed) {
            throw new IllegalStateException("this run's threads are closed");
        }
        if (inRegion) {
            throw new IllegalStateException("a parallel region cannot start another");
        }
        inRegion = true;
        this.share = share;
        this.caller = Thread.currentThread();
        running.set(parts - 1);
        long start = System.nanoTime();
        region = region + 1;   // publishes share and caller to the workers
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        try {
            share.run(0, parts);
        } catch (Throwable t) {
            failures[0] = t;
        }
        long callerEnd = System.nanoTime();
        awaitWorkers(callerEnd);
        times.add(start, callerEnd, System.nanoTime(), workerStarts, workerEnds);
        this.share = null;
        inRegion = false;
        rethrowFailures();
    }

    /** Waits, from {@code since}, until every worker has finished its share; an interrupt waits on and is kept for the caller. */
    private void awaitWorkers(long since) {
        boolean interrupted = false;
        while (running.get() != 0) {
            pause(since);
            // The workers write into the run's buffers: the caller cannot leave before they end.
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailures() {
        Throwable first = null;
        for (int t = 0; t < parts; t++) {
            Throwable failure = failures[t];
            failures[t] = null;
            if (failure == null) {
                continue;
            }
            if (first == null) {
                first = failure;
            } else if (failure != first) {
                first.addSuppressed(failure);
            }
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            // A Share declares no checked exception, but a sneaky throw can still deliver one.
            throw new IllegalStateException("a share of a parallel region failed", first);
        }
    }

    /** A worker: waits for each new region, runs its share, and counts itself done. */
    private void work(int part) {
        int seen = 0;
        while (true) {
            int now = awaitRegion(seen);
            if (now == seen) {
                return;   // closed
            }
            seen = now;
            long start = System.nanoTime();
            try {
                share.run(part, parts);
            } catch (Throwable t) {
                failures[part] = t;
            }
            workerStarts[part - 1] = start;
            workerEnds[part - 1] = System.nanoTime();   // published to the caller by the decrement below
            if (running.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** The next region's number once it differs from {@code seen}, or {@code seen} once closed. */
    private int awaitRegion(int seen) {
        long since = System.nanoTime();
        while (true) {
            int now = region;
            if (now != seen) {
                return now;
            }
            if (closed) {
                return seen;
            }
            pause(since);
            Thread.interrupted();   // a worker ends only by close: an interrupt is not a stop
        }
    }

    /** One round of a wait that began at {@code since}: a spin within {@link #SPIN_NANOS} of it, a park after. */
    private void pause(long since) {
        if (System.nanoTime() - since < SPIN_NANOS) {
            Thread.onSpinWait();
        } else {
            LockSupport.park(this);
        }
    }

    /**
     * Ends the workers and waits for them (they are between regions: {@link #run} returns only
     * after every share). Idempotent; a no-op with one part.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
