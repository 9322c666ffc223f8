package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.store.RunStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL part-way (a child JVM), its store then given a torn last line as a
 * crash mid-write leaves, and the same command run again on the same --out: it resumes (trains only
 * what the store lacks) and its report and records equal those of an uninterrupted run.
 */
class KillResumeTest {
    @TempDir
    Path tmp;

    /** 2 activations x 2 kinds x 2 degrees x 3 seeds = 24 runs of 4000 steps, one thread: about 2 s. */
    private static final List<String> SWEEP = List.of("sweep", "--activations", "relu,silu", "--kinds", "plain,gated",
            "--degrees", "2,3", "--match", "width", "--seeds", "3", "--steps", "4000", "--threads", "1");
    private static final int RUNS = 24;
    /** Lines the child must have stored before it is killed. */
    private static final int STORED_BEFORE_KILL = 3;
    /** 128 + SIGKILL (9): how Process reports a child that a signal 9 ended, on Linux and macOS. */
    private static final int KILLED_BY_SIGKILL = 128 + 9;

    @Test
    void aSweepKilledPartWayResumesAndEndsAsAnUninterruptedOne() throws Exception {
        Path killed = tmp.resolve("killed");
        Path store = killed.resolve(RunStore.fileName("sweep"));

        // 1. The sweep in a child JVM, killed once it has stored a few runs.
        Process child = childJvm(args(killed)).redirectOutput(tmp.resolve("child.out").toFile())
                .redirectError(tmp.resolve("child.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            while (completeLines(store) < STORED_BEFORE_KILL) {
                assertTrue(child.isAlive(), "the child ended (exit " + (child.isAlive() ? "-" : child.exitValue())
                        + ") before storing " + STORED_BEFORE_KILL + " runs: " + Files.readString(tmp.resolve("child.err")));
                assertTrue(System.nanoTime() < deadline, "the child stored too little in 120 s");
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly();   // SIGKILL on Linux: no shutdown hook, no finally block runs in the child
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
        }
        assertEquals(KILLED_BY_SIGKILL, child.exitValue(), "killed by SIGKILL");
        int storedBeforeKill = completeLines(store);
        assertTrue(storedBeforeKill >= STORED_BEFORE_KILL && storedBeforeKill < RUNS,
                "killed part-way: " + storedBeforeKill + " of " + RUNS + " runs stored");
        assertTrue(Files.notExists(killed.resolve("accuracy.md")), "no report from the killed sweep");

        // 2. A crash mid-write: half a record, no line break. (The kill itself may have torn one too.)
        byte[] firstLine = Files.readAllLines(store).get(0).getBytes(StandardCharsets.UTF_8);
        Files.write(store, java.util.Arrays.copyOf(firstLine, firstLine.length / 2), StandardOpenOption.APPEND);

        // 3. The same command again, on the same --out: resumes.
        CommandRun resumed = CommandRun.run("", args(killed));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("dropped a torn last line"), resumed.err());
        int toTrain = RUNS - storedBeforeKill;
        assertTrue(resumed.err().contains(RUNS + " runs, " + storedBeforeKill + " already in " + store + ", " + toTrain
                + " to train"), resumed.err());
        Matcher trained = Pattern.compile("sweep: (\\d+) runs stored \\(0 diverged, 0 failed; (\\d+) trained now")
                .matcher(resumed.out());
        assertTrue(trained.find(), resumed.out());
        assertEquals(RUNS, Integer.parseInt(trained.group(1)), resumed.out());
        assertEquals(toTrain, Integer.parseInt(trained.group(2)), "trained again only what the store lacked");
        System.out.println("KillResumeTest: " + storedBeforeKill + " of " + RUNS + " runs stored before SIGKILL, "
                + trained.group(2) + " trained on resume");

        // Every run once in the store, and no torn line left.
        List<String> lines = Files.readAllLines(store);
        assertEquals(RUNS, lines.size(), "one line per run");
        assertTrue(Files.readString(store).endsWith("\n"));
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            Matcher id = Pattern.compile("\"runId\":\"([0-9a-f]+)\"").matcher(line);
            assertTrue(id.find(), line);
            assertTrue(ids.add(id.group(1)), "run " + id.group(1) + " stored twice");
        }

        // 4. An uninterrupted run of the same command: the same report and records, times aside.
        Path whole = tmp.resolve("whole");
        CommandRun uninterrupted = CommandRun.run("", args(whole));
        assertEquals(0, uninterrupted.code(), uninterrupted.err());
        ReportComparison.assertReportsEqualExceptTimes(whole, killed, "accuracy.csv", "accuracy.md", "loss-curves.png");
        ReportComparison.assertSameRunResults(whole.resolve(RunStore.fileName("sweep")), store);
    }

    private static String[] args(Path out) {
        List<String> all = new ArrayList<>(SWEEP);
        all.addAll(List.of("--out", out.toString()));
        return all.toArray(String[]::new);
    }

    /** This JVM's java and class path, with the Vector API module and this JVM's -XX:UseAVX if it has one. */
    private static ProcessBuilder childJvm(String... args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-Djava.awt.headless=true"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:UseAVX=")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.polygate.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Line breaks in the file: the records wholly written. */
    private static int completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
