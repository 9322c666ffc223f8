package dev.polygate.experiment;

import dev.polygate.model.RunSpec;
import dev.polygate.train.Trainer;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs a grid in parallel, one run per task. Parallelism is across runs, never inside one, and
 * every run seeds its own generators, so neither the thread count nor the memory budget can
 * change a single bit. A run that throws is recorded as failed ({@link TrainingResult#failed})
 * and the others go on.
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
        return run(grid, threads, MemoryBudget.ofHeap(grid), progress, Trainer::train);
    }

    /**
     * As {@link #run(Grid, int, IntConsumer)}, with the runs' working sets sharing {@code memory}
     * and each run trained by {@code trainer} (tests make runs throw through it).
     */
    public static SweepResult run(Grid grid, int threads, MemoryBudget memory, IntConsumer progress,
                                  Function<RunSpec, TrainingResult> trainer) {
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
                    TrainingResult r = memory.train(spec, one -> trainOrRecordFailure(trainer, one));
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
            throw new IllegalStateException("the sweep itself failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One run; whatever it throws — a bug, or an array it could not allocate — becomes a failed
     * result, so one run never takes the sweep's finished runs with it.
     */
    private static TrainingResult trainOrRecordFailure(Function<RunSpec, TrainingResult> trainer, RunSpec spec) {
        long start = System.nanoTime();
        try {
            return trainer.apply(spec);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return TrainingResult.failed(spec, e, (System.nanoTime() - start) * 1e-9);
        }
    }
}
