package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.store.RunStore;
import dev.polygate.train.RunTrainer;
import dev.polygate.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --threads-per-run on train and the sweeping commands: what it accepts, what runs get, and that no bit moves. */
class ThreadsPerRunOptionTest {
    @TempDir
    Path tmp;

    /** 1 activation x 2 kinds x 1 degree x 2 seeds: 4 tiny runs (far below auto's threshold). */
    private static final List<String> TINY = List.of("sweep", "--activations", "relu", "--kinds", "plain,gated",
            "--degrees", "2", "--match", "width", "--seeds", "2", "--steps", "30", "--samples", "64", "--threads", "2");

    private static final String[] TRAIN = {"train", "--activation", "silu", "--kind", "gated", "--degree", "3",
        "--width", "70", "--depth", "2", "--samples", "300", "--steps", "20"};

    /** A sweep through Main with a trainer that notes the threads each run was given. */
    private record Recorded(CommandRun run, Set<Integer> threadsGiven) {
    }

    private static Recorded sweep(String... args) {
        Set<Integer> given = ConcurrentHashMap.newKeySet();
        RunTrainer trainer = (spec, threads) -> {
            given.add(threads);
            return Trainer.train(spec, threads);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Streams(null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), trainer);
        CommandRun run = new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, code, String.join(" ", args) + "\n" + run);
        return new Recorded(run, given);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "257", "-1", "two", "1.5", "auto,2"})
    void badCountsAreOneLineAndExitTwo(String value) {
        for (String command : List.of("sweep", "equivalence", "scaling")) {
            CommandRun.run("", command, "--threads-per-run", value, "--out", tmp.resolve(command).toString())
                    .assertUsageError("polygate: " + command + ": --threads-per-run: '" + value + "' is not allowed",
                            "auto or an integer in 1.." + Converters.Threads.MAX);
        }
        CommandRun.run("", "train", "--activation", "relu", "--kind", "plain", "--degree", "2", "--threads-per-run", value)
                .assertUsageError("polygate: train: --threads-per-run: '" + value + "' is not allowed");
        assertTrue(!Files.exists(tmp.resolve("sweep")), "nothing written");
    }

    @Test
    void anEmptyCountIsOneLineToo() {
        CommandRun.run("", "train", "--activation", "relu", "--kind", "plain", "--degree", "2", "--threads-per-run", "")
                .assertUsageError("--threads-per-run: an empty item");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sweep", "equivalence", "scaling", "train"})
    void helpSaysWhatItDoesAndThatResultsDoNotDependOnIt(String command) {
        String help = CommandRun.ok(command, "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--threads-per-run=N threads inside each run, 1..256 or auto"), help);
        assertTrue(help.contains("(default: auto: for a run of at least"), help);
        assertTrue(help.contains("results do not depend on it"), help);
        assertEquals(!command.equals("train"), help.contains("with --engine spark 1 unless given"), help);
    }

    /** Every run gets the count given; the records are those of one thread per run, bit for bit. */
    @Test
    void aSweepTrainsEveryRunOnTheThreadsGivenWithTheSameBits() throws IOException {
        Path one = tmp.resolve("one");
        Path three = tmp.resolve("three");
        Recorded single = sweep(CommandRun.withOut(TINY, one, "--threads-per-run", "1"));
        Recorded split = sweep(CommandRun.withOut(TINY, three, "--threads-per-run", "3"));
        assertEquals(Set.of(1), single.threadsGiven());
        assertEquals(Set.of(3), split.threadsGiven());
        assertTrue(single.run().err().contains("4 runs on 2 threads ->"), single.run().err());
        assertTrue(split.run().err().contains("4 runs on 2 threads, 3 threads per run ->"), split.run().err());
        assertTrue(split.run().out().contains("trained now in ") && split.run().out().contains(" s on 2 threads, 3 threads per run)"),
                split.run().out());
        ReportComparison.assertSameRunResults(one.resolve(RunStore.fileName("sweep")),
                three.resolve(RunStore.fileName("sweep")));
        ReportComparison.assertReportsEqualExceptTimes(one, three, "accuracy.md", "accuracy.csv", "loss-curves.png");
    }

    /** auto: tiny runs stay on one thread, and the progress line is as it always was. */
    @Test
    void autoKeepsTinyRunsOnOneThread() {
        Recorded auto = sweep(CommandRun.withOut(TINY, tmp.resolve("auto")));
        assertEquals(Set.of(1), auto.threadsGiven());
        assertTrue(auto.run().err().contains("4 runs on 2 threads ->"), auto.run().err());
    }

    /** auto: one large run at a time gets every core (a run of about 0.1 GFLOP per step, two steps). */
    @Test
    void autoGivesALargeRunTheCoresParallelRunsLeave() {
        List<String> large = List.of("sweep", "--activations", "relu", "--kinds", "plain", "--degrees", "2",
                "--match", "width", "--width", "64", "--depth", "2", "--samples", "4096", "--seeds", "1", "--steps", "2",
                "--threads", "1");
        Recorded auto = sweep(CommandRun.withOut(large, tmp.resolve("large")));
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Set.of(cores), auto.threadsGiven());
        assertEquals(cores > 1, auto.run().err().contains("runs on 1 thread, " + cores + " threads per run ->"),
                auto.run().err());
    }

    @Test
    void trainPrintsTheSameResultOnAnyThreadCount() {
        String one = CommandRun.ok(withThreads("1")).out();
        for (String threads : List.of("2", "3", "auto")) {
            String many = CommandRun.ok(withThreads(threads)).out();
            assertEquals(withoutTime(one), withoutTime(many), "--threads-per-run " + threads);
        }
    }

    private static String[] withThreads(String threads) {
        List<String> args = new java.util.ArrayList<>(List.of(TRAIN));
        args.addAll(List.of("--threads-per-run", threads));
        return args.toArray(String[]::new);
    }

    private static String withoutTime(String trainLine) {
        return trainLine.replaceAll("[0-9.]+ us/step", "(time) us/step");
    }
}
