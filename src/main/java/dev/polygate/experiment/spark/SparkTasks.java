package dev.polygate.experiment.spark;

import java.io.Serializable;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Runs a list of string tasks on Apache Spark, one task per partition, and hands each task's
 * result to the driver as soon as that task finishes. Tasks and results are strings so that
 * callers choose their own encoding (a run's spec and its record, say) and Spark sees nothing but
 * strings.
 *
 * <p>Spark is a provided dependency: it is on the class path under spark-submit, under
 * {@code bin/polygate --engine spark} (target/spark-lib) and in the tests, never inside
 * polygate.jar. The JVM that runs Spark needs the options in bin/lib/spark-jvm-options.
 *
 * <p>Executors run {@link Work} in their own JVMs on a cluster; if the work uses the Vector API,
 * those JVMs need {@code --add-modules jdk.incubator.vector}, given through
 * {@code spark.executor.extraJavaOptions} (see SPARK-README-SNIPPET.md; Spark 4.2 also prepends
 * its own default module options, which include it). In local mode ({@code local[N]}) the
 * executors are threads of the driver's JVM and have whatever modules it has.
 */
public final class SparkTasks {
    /** log4j2 configuration used when nobody configured log4j2: Spark's messages at WARN and above. */
    static final String LOG_CONFIGURATION = "/polygate-spark-log4j2.properties";
    /** Marks the SparkContext this class created, so that it stops only its own. */
    private static final String OWNER_KEY = "spark.polygate.sparkTasks.owner";
    /** Longest stretch of a task's text quoted in an error message, in characters. */
    private static final int QUOTED_TASK_CHARS = 200;

    private SparkTasks() {
    }

    /** One task's work; runs on an executor, so it must be serializable and use only its argument. */
    @FunctionalInterface
    public interface Work extends Serializable {
        String apply(String task);
    }

    /** Receives each task's result on the driver as that task finishes (called from one thread at a time). */
    @FunctionalInterface
    public interface Sink {
        void accept(int taskIndex, String result);
    }

    /**
     * A task whose work threw or returned null. Thrown on the executor, where it names the task,
     * and again from {@link #run} on the driver once Spark has given up on the task (after
     * {@code spark.task.maxFailures} attempts; in local mode the F of {@code local[N,F]}, 1 by
     * default), with Spark's exception, which carries the executor's stack trace, as the cause.
     */
    public static final class TaskFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int taskIndex;

        TaskFailedException(int taskIndex, String message, Throwable cause) {
            super(message, cause);
            this.taskIndex = taskIndex;
        }

        /** The failed task's index in the list given to {@link #run}. */
        public int taskIndex() {
            return taskIndex;
        }
    }

    /**
     * Runs every task as one Spark partition and passes each result to {@code sink} on the
     * calling (driver) JVM as its task finishes, in finishing order, each task's result exactly
     * once. Returns when every result has been passed on; no sink call happens after it returns
     * or throws.
     *
     * <p>With no task it returns at once and starts no Spark. Otherwise it uses the JVM's active
     * SparkContext if there is one (as under spark-submit, where the application may have made
     * it; {@code master} and {@code appName} are then ignored) and leaves it running; else it
     * creates one and stops it before returning. A context it creates has the Spark UI off when
     * the master is local, and, when log4j2 has no configuration of its own (no log4j2 file on the
     * class path, no {@code -Dlog4j2.configurationFile}), Spark logs only warnings and errors
     * rather than Spark's default INFO lines on stderr. Calls from several threads at once share
     * one context (Spark allows one per JVM), which the call that created it stops when it ends:
     * concurrent callers should create the context first.
     *
     * @param master  Spark master URL, e.g. {@code "local[2]"} (two executor threads in this JVM),
     *                {@code "local[2,3]"} (each task tried up to 3 times) or
     *                {@code "spark://host:7077"}; null to take {@code spark.master} from the
     *                configuration spark-submit sets (system properties {@code spark.*})
     * @param appName the Spark application's name, as the cluster manager shows it
     * @param tasks   the tasks, index i being the i-th element; none may be null
     * @param work    computes one task's result, never null; runs on executors
     * @param sink    receives (task index, result) on the driver, from one thread at a time
     * @throws TaskFailedException   a task's work threw (or returned null) on every attempt; the
     *                               remaining tasks are cancelled
     * @throws RuntimeException      whatever {@code sink} threw, as is; the remaining tasks are
     *                               cancelled
     * @throws IllegalStateException Spark could not run the job (no master, work not
     *                               serializable, executors lost, ...), or the calling thread was
     *                               interrupted (its interrupt flag is set again)
     * @throws NullPointerException  a null argument (except master) or task
     */
    public static void run(String master, String appName, List<String> tasks, Work work, Sink sink) {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(sink, "sink");
        List<String> copy = List.copyOf(tasks); // also refuses null tasks
        if (copy.isEmpty()) {
            return;
        }
        // Before any Spark class logs (SparkConf does): Spark installs its own defaults then.
        quietLoggingUnlessConfigured();
        String owner = UUID.randomUUID().toString();
        SparkConf conf = new SparkConf().setAppName(appName).set(OWNER_KEY, owner);
        if (master != null) {
            conf.setMaster(master);
        }
        if (conf.get("spark.master", "").startsWith("local")) {
            // The UI is a web server on port 4040 for a run nobody watches in local mode.
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        SparkContext sc;
        try {
            // The active context if there is one (its configuration wins), else a new one.
            sc = SparkContext.getOrCreate(conf);
        } catch (Exception e) { // SparkException, checked but undeclared by Scala code
            throw new IllegalStateException("could not start Spark: " + e.getMessage(), e);
        }
        boolean ours = owner.equals(sc.getConf().get(OWNER_KEY, null));
        try {
            runJob(sc, copy, work, sink);
        } finally {
            if (ours) {
                sc.stop();
            }
        }
    }

    private static void runJob(SparkContext sc, List<String> tasks, Work work, Sink sink) {
        int n = tasks.size();
        // numSlices = n: ParallelCollectionRDD cuts n elements into n slices of exactly one.
        RDD<String> rdd = JavaSparkContext.fromSparkContext(sc).parallelize(tasks, n).rdd();
        Delivery delivery = new Delivery(sink);
        Function1<Iterator<String>, String> perPartition =
                (Function1<Iterator<String>, String> & Serializable) partition -> runTask(work, partition);
        // Called by Spark's DAGScheduler on the driver, once per finished partition, as it finishes.
        Function2<Object, String, BoxedUnit> resultHandler = (index, result) -> {
            delivery.accept((Integer) index, result);
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> jobResult = () -> BoxedUnit.UNIT;
        List<Object> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(i);
        }
        Seq<Object> partitions = CollectionConverters.asScala(ids).toSeq();
        SimpleFutureAction<BoxedUnit> job = null;
        boolean finished = false;
        try {
            job = sc.submitJob(rdd, perPartition, partitions, resultHandler, jobResult);
            job.get();
            finished = true;
        } catch (Exception e) { // also the checked exceptions Scala code throws undeclared
            throw failure(e, delivery.sinkFailure());
        } finally {
            if (job != null && !finished) {
                job.cancel();
            }
            delivery.close();
        }
    }

    /** One partition, on an executor: its single task through the work. */
    private static String runTask(Work work, Iterator<String> partition) {
        int index = TaskContext.get().partitionId();
        String task = partition.next();
        if (partition.hasNext()) {
            throw new IllegalStateException("partition " + index + " holds more than one task");
        }
        String result;
        try {
            result = work.apply(task);
        } catch (RuntimeException e) {
            throw new TaskFailedException(index, "task " + index + " (" + quote(task) + ") failed: " + e, e);
        }
        if (result == null) {
            throw new TaskFailedException(index, "task " + index + " (" + quote(task) + ") returned null", null);
        }
        return result;
    }

    private static String quote(String task) {
        return task.length() <= QUOTED_TASK_CHARS ? '"' + task + '"'
                : '"' + task.substring(0, QUOTED_TASK_CHARS) + "...\" (" + task.length() + " characters)";
    }

    /** The exception run() throws for a failed job. */
    private static RuntimeException failure(Exception e, RuntimeException sinkFailure) {
        if (sinkFailure != null) {
            return sinkFailure;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TaskFailedException f) {
                return new TaskFailedException(f.taskIndex(), f.getMessage(), e);
            }
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new IllegalStateException("interrupted while waiting for the Spark job", e);
            }
        }
        return new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
    }

    /**
     * Passes results to the sink until closed; after close, late results (of tasks that finish
     * while the job is being cancelled) are dropped, so the sink is never called after run ends.
     * A sink exception is kept for run() to rethrow, and thrown on so that Spark fails the job.
     */
    private static final class Delivery {
        private final Sink sink;
        private boolean open = true;
        private RuntimeException sinkFailure;

        Delivery(Sink sink) {
            this.sink = sink;
        }

        synchronized void accept(int index, String result) {
            if (!open) {
                return;
            }
            try {
                sink.accept(index, result);
            } catch (RuntimeException e) {
                sinkFailure = e;
                open = false;
                throw e;
            }
        }

        synchronized RuntimeException sinkFailure() {
            return sinkFailure;
        }

        synchronized void close() {
            open = false;
        }
    }

    /**
     * Replaces log4j2's fallback configuration (used when no configuration was found), which
     * Spark would otherwise replace with its own INFO-level defaults, by
     * {@link #LOG_CONFIGURATION}; a configuration someone chose is left alone.
     */
    private static void quietLoggingUnlessConfigured() {
        if (LogManager.getContext(false) instanceof LoggerContext context
                && context.getConfiguration() instanceof DefaultConfiguration) {
            URL url = Objects.requireNonNull(SparkTasks.class.getResource(LOG_CONFIGURATION), LOG_CONFIGURATION);
            try {
                context.setConfigLocation(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
