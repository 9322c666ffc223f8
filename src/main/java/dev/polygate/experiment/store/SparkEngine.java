package dev.polygate.experiment.store;

import dev.polygate.experiment.spark.SparkTasks;
import dev.polygate.model.RunSpec;
import dev.polygate.train.Numerics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains runs as Apache Spark tasks, one run per task ({@link SparkTasks}), each on the threads per
 * run it was given (1 unless given: an executor's cores are Spark's to share out): each task is a
 * {@link RunTask} text, trained on an executor into its record line, which comes back to the
 * driver as the task finishes and goes to the store there. Spark's task retries cover lost
 * executors; a run that throws is a failed record, as locally. The executors' numerics (their
 * vector width) are checked by the store as records arrive: a cluster of mixed widths stops with
 * one line rather than mixing bits.
 */
public final class SparkEngine implements RunEngine {
    private final String master;
    private final int threadsPerRun;

    /**
     * @param master a Spark master URL, e.g. "local[2]"; null for spark-submit's
     * @param threadsPerRun threads each run trains on inside its task, ≥ 1
     */
    public SparkEngine(String master, int threadsPerRun) {
        if (threadsPerRun < 1) {
            throw new IllegalArgumentException("threads per run must be at least 1, got " + threadsPerRun);
        }
        this.master = master;
        this.threadsPerRun = threadsPerRun;
    }

    @Override
    public void run(List<RunSpec> runs, StoreDesign design, Consumer<RunRecord> sink) {
        List<String> tasks = new ArrayList<>(runs.size());
        for (RunSpec run : runs) {
            tasks.add(RunTask.of(run, design, threadsPerRun));
        }
        SparkTasks.run(master, "polygate " + design.command() + " (" + runs.size() + " runs)", tasks,
                RunTask::run, (index, line) -> {
                    RunRecord record;
                    try {
                        record = RunRecordJson.parse(line).record();
                    } catch (IllegalArgumentException e) {
                        throw new StoreException("an executor returned no run record for " + runs.get(index).id()
                                + ": " + e.getMessage() + " (is the executors' polygate.jar the driver's?)");
                    }
                    if (!record.spec().equals(runs.get(index))) {
                        throw new StoreException("an executor returned run " + record.spec().id() + " for task "
                                + runs.get(index).id());
                    }
                    sink.accept(record);
                });
    }

    /** In local mode the executors are this JVM's threads: its numerics; on a cluster, unknown here. */
    @Override
    public String expectedNumerics() {
        return isLocal() ? Numerics.current() : null;
    }

    private boolean isLocal() {
        String m = master != null ? master : System.getProperty("spark.master", "");
        return m.startsWith("local");
    }

    @Override
    public String describe(List<RunSpec> runs) {
        return "Spark " + (master != null ? master : System.getProperty("spark.master", "(spark-submit's master)"))
                + (threadsPerRun == 1 ? "" : ", " + threadsPerRun + " threads per run");
    }
}
