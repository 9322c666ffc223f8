package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --engine spark on Spark's local[2] master (executors are this JVM's threads): the same records,
 * bit for bit, and the same report in every number as the thread pool; resuming works across engines.
 */
class SparkEngineTest {
    @TempDir
    Path tmp;

    /** 2 activations x 2 kinds x 2 degrees x 2 seeds at equal width: 16 small runs. */
    private static final List<String> GRID = List.of("sweep", "--activations", "relu,silu", "--kinds", "plain,gated",
            "--degrees", "2,3", "--match", "width", "--seeds", "2", "--steps", "60", "--samples", "64", "--quiet");

    private static String[] args(Path out, String... more) {
        return CommandRun.withOut(GRID, out, more);
    }

    private static CommandRun ok(String... args) {
        return CommandRun.ok(args);
    }

    @Test
    void sparkLocalGivesTheThreadPoolsBitsAndReport() throws IOException {
        Path pool = tmp.resolve("pool");
        Path spark = tmp.resolve("spark");
        ok(args(pool, "--threads", "2"));
        CommandRun r = ok(args(spark, "--engine", "spark", "--spark-master", "local[2]"));
        assertTrue(r.out().contains("16 trained now") && r.out().contains("Spark local[2]"), r.out());
        ReportComparison.assertSameRunResults(pool.resolve(RunStore.fileName("sweep")),
                spark.resolve(RunStore.fileName("sweep")));
        ReportComparison.assertReportsEqualExceptTimes(pool, spark, "accuracy.md", "accuracy.csv", "loss-curves.png");
    }

    /** --threads-per-run reaches the executors' tasks, and changes no bit there either. */
    @Test
    void sparkTasksTrainOnTheThreadsPerRunGiven() throws IOException {
        Path pool = tmp.resolve("pool");
        Path spark = tmp.resolve("spark");
        ok(args(pool, "--threads", "2"));
        CommandRun r = ok(args(spark, "--engine", "spark", "--spark-master", "local[2]", "--threads-per-run", "2"));
        assertTrue(r.out().contains("16 trained now") && r.out().contains("Spark local[2], 2 threads per run"), r.out());
        ReportComparison.assertSameRunResults(pool.resolve(RunStore.fileName("sweep")),
                spark.resolve(RunStore.fileName("sweep")));
    }

    @Test
    void aStoreStartedOnThreadsIsFinishedOnSpark() throws IOException {
        Path dir = tmp.resolve("mixed");
        ok(args(dir, "--shard", "1/2", "--threads", "2"));
        long firstHalf = Files.readAllLines(dir.resolve(RunStore.fileName("sweep"))).size();
        CommandRun r = ok(args(dir, "--engine", "spark", "--spark-master", "local[2]"));
        assertTrue(r.out().contains((16 - firstHalf) + " trained now"), r.out());
        Path whole = tmp.resolve("whole");
        ok(args(whole));
        ReportComparison.assertSameRunResults(whole.resolve(RunStore.fileName("sweep")),
                dir.resolve(RunStore.fileName("sweep")));
        ReportComparison.assertReportsEqualExceptTimes(whole, dir, "accuracy.md", "accuracy.csv", "loss-curves.png");
    }

    @Test
    void sparkMasterWithoutSparkEngineIsBadInput() {
        CommandRun.run("", args(tmp.resolve("x"), "--spark-master", "local[2]"))
                .assertUsageError("--spark-master applies only to --engine spark");
        CommandRun.run("", args(tmp.resolve("y"), "--engine", "flink"))
                .assertUsageError("unknown engine 'flink' (allowed: local, spark)");
        assertTrue(!Files.exists(tmp.resolve("x")) && !Files.exists(tmp.resolve("y")), "nothing written");
    }
}
