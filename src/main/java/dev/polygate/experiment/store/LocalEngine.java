package dev.polygate.experiment.store;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.MemoryBudget;
import dev.polygate.experiment.Sweep;
import dev.polygate.model.RunSpec;
import dev.polygate.train.Numerics;
import dev.polygate.train.TrainingResult;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Trains runs on this JVM's threads ({@link Sweep}), within the heap's budget. */
public final class LocalEngine implements RunEngine {
    private final int threads;
    private final Function<RunSpec, TrainingResult> trainer;

    /** @param trainer trains one run (tests make runs throw through it) */
    public LocalEngine(int threads, Function<RunSpec, TrainingResult> trainer) {
        this.threads = threads;
        this.trainer = trainer;
    }

    @Override
    public void run(List<RunSpec> runs, StoreDesign design, Consumer<RunRecord> sink) {
        Environment here = Environment.current();
        Object order = new Object();
        Sweep.run(runs, threads, MemoryBudget.ofHeap(), done -> { }, trainer, result -> {
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

    @Override
    public String describe() {
        return threads + (threads == 1 ? " thread" : " threads");
    }
}
