package dev.polygate.experiment;

import dev.polygate.model.RunSpec;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a grid in parallel, one run per task. Parallelism is across runs, never inside one, and
 * every run seeds its own generators, so neither the thread count nor the memory budget can
 * change a single bit.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * Runs the grid with at most as many runs at once as fit in the heap together
     * ({@link MemoryBudget#ofHeap}).
     *
     * @param progress called with the number of finished runs after each one (from worker threads)
     */
    public static SweepResult run(Grid grid, int threads, IntConsumer progress) {
        return run(grid, threads, MemoryBudget.ofHeap(grid), progress);
    }

    /** As {@link #run(Grid, int, IntConsumer)}, with the runs' working sets sharing {@code memory}. */
    public static SweepResult run(Grid grid, int threads, MemoryBudget memory, IntConsumer progress) {
        long start = System.nanoTime();
        List<RunSpec> specs = grid.runs();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "polygate-run");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<TrainingResult>> futures = new ArrayList<>();
            for (RunSpec spec : specs) {
                futures.add(pool.submit(() -> {
                    TrainingResult r = memory.train(spec);
                    progress.accept(done.incrementAndGet());
                    return r;
                }));
            }
            List<TrainingResult> results = new ArrayList<>(specs.size());
            for (Future<TrainingResult> f : futures) {
                results.add(f.get());
            }
            return new SweepResult(grid, results, Environment.current(), threads, (System.nanoTime() - start) * 1e-9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
