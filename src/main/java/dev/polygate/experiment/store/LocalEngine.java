package dev.polygate.experiment.store;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.MemoryBudget;
import dev.polygate.experiment.Sweep;
import dev.polygate.experiment.ThreadsPerRun;
import dev.polygate.model.RunSpec;
import dev.polygate.train.Numerics;
import dev.polygate.train.RunTrainer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains runs on this JVM's threads ({@link Sweep}), within the heap's budget: {@code threads}
 * runs at a time, each on the threads {@link ThreadsPerRun} gives it for this machine's cores.
 */
public final class LocalEngine implements RunEngine {
    private final int threads;
    private final ThreadsPerRun threadsPerRun;
    private final RunTrainer trainer;
    private final int cores;

    /**
     * @param threads runs trained at once
     * @param trainer trains one run (tests make runs throw through it)
     */
    public LocalEngine(int threads, ThreadsPerRun threadsPerRun, RunTrainer trainer) {
        this.threads = threads;
        this.threadsPerRun = threadsPerRun;
        this.trainer = trainer;
        this.cores = Runtime.getRuntime().availableProcessors();
    }

    /** The threads {@code run} trains on, one of {@code runs} runs. */
    int threadsOf(RunSpec run, int runs) {
        return threadsPerRun.forRun(run, cores, threads, runs);
    }

    @Override
    public void run(List<RunSpec> runs, StoreDesign design, Consumer<RunRecord> sink) {
        Environment here = Environment.current();
        Object order = new Object();
        int count = runs.size();
        Sweep.run(runs, threads, MemoryBudget.ofHeap(), done -> { }, spec -> trainer.train(spec, threadsOf(spec, count)),
                result -> {
                    RunRecord record = RunRecord.of(design, result, here);   // thinned on the worker thread
                    synchronized (order) {
                        sink.accept(record);
                    }
                });
    }

    @Override
    public String expectedNumerics() {
        return Numerics.current();
    }

    /**
     * "2 threads", and when runs get more than one thread each, how many: ", 2 threads per run",
     * or with AUTO splitting only the large runs ", 2 threads per run for 3 of 40 runs".
     */
    @Override
    public String describe(List<RunSpec> runs) {
        String parallel = threads + (threads == 1 ? " thread" : " threads");
        int most = 1;
        int split = 0;
        for (RunSpec run : runs) {
            int each = threadsOf(run, runs.size());
            most = Math.max(most, each);
            split += each > 1 ? 1 : 0;
        }
        if (most == 1) {
            return parallel;
        }
        return parallel + ", " + most + " threads per run" + (split == runs.size() ? ""
                : " for " + split + " of " + runs.size() + " runs");
    }
}
