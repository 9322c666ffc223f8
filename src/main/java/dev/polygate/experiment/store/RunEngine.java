package dev.polygate.experiment.store;

import dev.polygate.model.RunSpec;
import java.util.List;
import java.util.function.Consumer;

/** Where the runs of a sweep are trained: this JVM's thread pool, or a Spark cluster. */
public interface RunEngine {
    /**
     * Trains every run of {@code runs} for {@code design} and hands each record to {@code sink} as
     * its run finishes (one call at a time).
     *
     * @throws RuntimeException what the sink threw, or the engine's own failure: the sweep stops,
     *         the records already stored stay
     */
    void run(List<RunSpec> runs, StoreDesign design, Consumer<RunRecord> sink);

    /** The numerics the runs will have, or null when they are computed elsewhere and unknown here. */
    String expectedNumerics();

    /**
     * Where {@code runs} will train, for the progress lines: "2 threads", "1 thread, 2 threads per
     * run", "Spark local[2]".
     */
    String describe(List<RunSpec> runs);
}
