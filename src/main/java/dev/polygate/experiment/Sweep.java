package dev.polygate.experiment;

import dev.polygate.model.RunSpec;
import dev.polygate.train.Trainer;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs a list of runs in parallel, one run per task, handing each result to a sink as it finishes
 * (a run store appends it, so memory holds only the runs in flight). Parallelism is across runs,
 * never inside one, and every run seeds its own generators, so neither the thread count nor the
 * memory budget can change a single bit. A run that throws is recorded as failed
 * ({@link TrainingResult#failed}) and the others go on.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * Trains every run of {@code specs} with {@code trainer}, at most {@code threads} at once and
     * as many as fit in {@code memory} together, and passes each result to {@code sink} as it
     * finishes (from worker threads, so the sink must be thread-safe).
     *
     * @param progress called with the number of finished runs after each one
     * @throws RuntimeException what the sink threw (an I/O error storing a run): the sweep stops
     */
    public static void run(List<RunSpec> specs, int threads, MemoryBudget memory, IntConsumer progress,
                           Function<RunSpec, TrainingResult> trainer, Consumer<TrainingResult> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "polygate-run");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RunSpec spec : specs) {
                futures.add(pool.submit(() -> {
                    sink.accept(memory.train(spec, one -> trainOrRecordFailure(trainer, one)));
                    progress.accept(done.incrementAndGet());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the sweep itself failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The whole grid trained here and kept in memory, full curves and parameters included, in grid
     * order: for tests and small grids (the commands stream to a run store instead).
     */
    public static SweepResult inMemory(Grid grid, int threads, MemoryBudget memory,
                                       Function<RunSpec, TrainingResult> trainer) {
        List<RunSpec> specs = grid.runs();
        Map<String, TrainingResult> byId = new ConcurrentHashMap<>();
        run(specs, threads, memory, done -> { }, trainer, r -> byId.put(r.spec().id(), r));
        return new SweepResult(grid, specs.stream().map(s -> byId.get(s.id())).toList(), List.of(Environment.current()));
    }

    /** {@link #inMemory(Grid, int, MemoryBudget, Function)} with {@link Trainer#train} and the heap's budget. */
    public static SweepResult inMemory(Grid grid, int threads) {
        return inMemory(grid, threads, MemoryBudget.ofHeap(), Trainer::train);
    }

    /**
     * One run; whatever it throws — a bug, or an array it could not allocate — becomes a failed
     * result, so one run never takes the sweep's finished runs with it.
     */
    public static TrainingResult trainOrRecordFailure(Function<RunSpec, TrainingResult> trainer, RunSpec spec) {
        long start = System.nanoTime();
        try {
            return trainer.apply(spec);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return TrainingResult.failed(spec, e, (System.nanoTime() - start) * 1e-9);
        }
    }
}
