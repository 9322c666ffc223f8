package dev.polygate.experiment.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.spark.SparkTasks.TaskFailedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SparkTasks on a local master: two executor threads in this JVM, so the work's static state
 * (latches, counters) is the test's. The JVM has bin/lib/spark-jvm-options (the pom's argLine).
 * Each run starts and stops its own SparkContext, about a second each.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SparkTasksTest {
    private static final String LOCAL = "local[2]";
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** Latch i opens when the sink has task i's result (resultsReachTheSinkWhileLaterTasksRun). */
    private static volatile CountDownLatch[] delivered;
    /** Attempts of the failing task, counted on the executor threads. */
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    private static List<String> tasks(int n) {
        return IntStream.range(0, n).mapToObj(i -> "task-" + i).toList();
    }

    /** A deterministic result that differs per task: the SHA-256 of the task's text, in hex. */
    private static String sha256(String task) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(task.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the sink's calls: each task index with every result it received. */
    private static final class Recorder implements SparkTasks.Sink {
        final Map<Integer, List<String>> results = new TreeMap<>();
        final List<Integer> order = new ArrayList<>();
        private final AtomicInteger inside = new AtomicInteger();
        volatile boolean overlapped;

        @Override
        public void accept(int taskIndex, String result) {
            if (inside.incrementAndGet() != 1) {
                overlapped = true;
            }
            synchronized (this) {
                results.computeIfAbsent(taskIndex, i -> new ArrayList<>()).add(result);
                order.add(taskIndex);
            }
            inside.decrementAndGet();
        }
    }

    @Test
    void everyResultArrivesExactlyOnceWithItsIndex() {
        List<String> tasks = tasks(20);
        Recorder sink = new Recorder();
        SparkTasks.run(LOCAL, "SparkTasksTest", tasks, SparkTasksTest::sha256, sink);
        Map<Integer, List<String>> expected = new TreeMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            expected.put(i, List.of(sha256(tasks.get(i))));
        }
        assertEquals(expected, sink.results);
        assertFalse(sink.overlapped, "the sink was called from two threads at once");
    }

    /**
     * Task k (k > 0) waits until the sink has received task k-1's result, so the run can only
     * finish if results reach the driver while later tasks still run; had they been collected
     * and handed over at the end, task 1 would give up after 30 s and fail the run.
     */
    @Test
    void resultsReachTheSinkWhileLaterTasksRun() {
        int n = 12;
        CountDownLatch[] latches = new CountDownLatch[n];
        for (int i = 0; i < n; i++) {
            latches[i] = new CountDownLatch(1);
        }
        delivered = latches;
        Recorder sink = new Recorder();
        SparkTasks.run(LOCAL, "SparkTasksTest", tasks(n), task -> {
            int k = Integer.parseInt(task.substring("task-".length()));
            try {
                if (k > 0 && !delivered[k - 1].await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("task " + (k - 1) + "'s result had not reached the sink while task "
                            + k + " ran");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return task;
        }, (i, result) -> {
            sink.accept(i, result);
            delivered[i].countDown();
        });
        assertEquals(IntStream.range(0, n).boxed().toList(), sink.order);
    }

    /** local[2,2]: each task gets two attempts (spark.task.maxFailures = 2). */
    @Test
    void aTaskThatAlwaysThrowsFailsTheRunNamingTheTaskAfterSparksRetries() {
        ATTEMPTS.set(0);
        Recorder sink = new Recorder();
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> SparkTasks.run("local[2,2]", "SparkTasksTest", tasks(8), task -> {
                    if (task.equals("task-5")) {
                        ATTEMPTS.incrementAndGet();
                        throw new IllegalArgumentException("no good");
                    }
                    return task;
                }, sink));
        assertEquals(5, e.taskIndex());
        assertTrue(e.getMessage().startsWith("task 5 (\"task-5\") failed: java.lang.IllegalArgumentException: no good"),
                e.getMessage());
        assertEquals(2, ATTEMPTS.get(), "attempts of task 5");
        assertFalse(sink.results.containsKey(5));
    }

    /** local[2,3]: a task that fails twice and then succeeds delivers its result once. */
    @Test
    void aTaskThatSucceedsOnARetryDeliversItsResultOnce() {
        ATTEMPTS.set(0);
        Recorder sink = new Recorder();
        SparkTasks.run("local[2,3]", "SparkTasksTest", tasks(6), task -> {
            if (task.equals("task-2") && ATTEMPTS.incrementAndGet() <= 2) {
                throw new IllegalStateException("attempt " + ATTEMPTS.get() + " fails");
            }
            return sha256(task);
        }, sink);
        assertEquals(3, ATTEMPTS.get(), "attempts of task 2");
        assertEquals(List.of(sha256("task-2")), sink.results.get(2));
        assertEquals(6, sink.results.size());
        assertTrue(sink.results.values().stream().allMatch(r -> r.size() == 1), sink.results.toString());
    }

    @Test
    void aSinkExceptionEndsTheRunAsItself() {
        IllegalStateException thrown = new IllegalStateException("disk full");
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SparkTasks.run(LOCAL, "SparkTasksTest", tasks(8), task -> task, (i, result) -> {
                    if (calls.incrementAndGet() == 3) {
                        throw thrown;
                    }
                }));
        assertSame(thrown, e);
        assertEquals(3, calls.get(), "sink calls: none after the one that threw");
    }

    /** A master Spark cannot parse: had run started Spark, it would have thrown. */
    @Test
    void zeroTasksStartNoSpark() {
        Recorder sink = new Recorder();
        SparkTasks.run("no-such-master://", "SparkTasksTest", List.of(), task -> {
            throw new AssertionError("work called");
        }, sink);
        assertEquals(Map.of(), sink.results);
    }

    /** The Vector API on the executors (threads of this JVM in local mode). */
    @Test
    void workCanUseTheVectorApi() {
        List<String> tasks = tasks(4);
        Recorder sink = new Recorder();
        SparkTasks.run(LOCAL, "SparkTasksTest", tasks, task -> {
            float k = Float.parseFloat(task.substring("task-".length()));
            return Float.toString(FloatVector.broadcast(SPECIES, k).reduceLanes(VectorOperators.ADD));
        }, sink);
        for (int k = 0; k < tasks.size(); k++) {
            assertEquals(List.of(Float.toString((float) k * SPECIES.length())), sink.results.get(k));
        }
    }

    /**
     * A run stops the context it created (or no second context could start: Spark allows one per
     * JVM), and uses but leaves running the caller's context (getOrCreate, as under spark-submit).
     */
    @Test
    void stopsOnlyTheContextItCreated() {
        SparkTasks.run(LOCAL, "SparkTasksTest", tasks(2), task -> task, (i, result) -> { });
        SparkContext callers = new SparkContext(new SparkConf().setMaster("local[1]").setAppName("caller")
                .set("spark.ui.enabled", "false"));
        try {
            Recorder sink = new Recorder();
            SparkTasks.run(LOCAL, "SparkTasksTest", tasks(3), task -> task, sink);
            assertEquals(3, sink.results.size());
            assertFalse(callers.isStopped(), "the caller's context was stopped");
            assertEquals(1, callers.statusTracker().getJobIdsForGroup(null).length, "jobs on the caller's context");
        } finally {
            callers.stop();
        }
    }

    /**
     * With no log4j2 configuration of its own (none on the test class path), Spark logs at WARN
     * rather than its INFO defaults, which would fill stderr.
     */
    @Test
    void sparkLogsWarningsOnlyWhenLog4jHasNoConfiguration() {
        SparkTasks.run(LOCAL, "SparkTasksTest", tasks(1), task -> task, (i, result) -> { });
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        assertTrue(context.getConfiguration().getConfigurationSource().toString()
                .endsWith(SparkTasks.LOG_CONFIGURATION.substring(1)), context.getConfiguration().toString());
        assertEquals(Level.WARN, context.getRootLogger().getLevel());
    }

    @Test
    void aNullTaskIsRefusedBeforeSparkStarts() {
        List<String> tasks = new ArrayList<>(tasks(2));
        tasks.add(null);
        assertThrows(NullPointerException.class, () -> SparkTasks.run("no-such-master://", "SparkTasksTest",
                Collections.unmodifiableList(tasks), task -> task, (i, result) -> { }));
    }
}
