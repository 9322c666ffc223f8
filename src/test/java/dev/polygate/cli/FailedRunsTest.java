package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.store.RunRecord;
import dev.polygate.experiment.store.RunRecordJson;
import dev.polygate.experiment.store.StoreReader;
import dev.polygate.model.RunSpec;
import dev.polygate.train.RunTrainer;
import dev.polygate.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run that throws or diverges never takes a sweep down: the others finish and the reports say so. */
class FailedRunsTest {
    @TempDir
    Path dir;

    private static final String[] GRID = {"--activations", "relu", "--kinds", "plain,gated", "--degrees", "2",
            "--match", "width", "--seeds", "2", "--steps", "20", "--threads", "2", "--quiet"};

    /** The sweep: a NaN pre-activation reached the integrated activation's table and threw. */
    @Test
    void nonFiniteRunsAreDivergedAndTheSweepFinishes() throws IOException {
        Path out = dir.resolve("out-x");
        CommandRun r = CommandRun.run("", "sweep", "--activations", "int-relu", "--kinds", "plain", "--depth", "2",
                "--degrees", "2", "--lr", "1e30", "--seeds", "2", "--steps", "5", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(4 diverged, 0 failed;"), r.out());
        assertTrue(Files.readString(out.resolve("accuracy.csv")).lines().skip(1)
                .allMatch(line -> line.contains(",true,")), "every run diverged");
    }

    @Test
    void aRunThatThrowsIsRecordedAndTheCommandExitsThree() throws IOException {
        RunTrainer trainer = (spec, threads) -> {
            if (spec.model().kind().cliName().equals("gated") && spec.seed() == 1) {
                throw new IllegalStateException("injected fault\nsecond line");
            }
            return Trainer.train(spec, threads);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(GRID),
                java.util.stream.Stream.of("--out", dir.toString())).toArray(String[]::new);
        int code = Main.run(prepend("sweep", args), new Streams(null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), trainer);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(GridRunner.SOME_RUNS_FAILED, code, stderr);
        List<String> lines = stderr.strip().lines().toList();
        assertEquals(1, lines.size(), stderr);
        String failedId = "relu/gated/w10/d1/n2/lr0.01/N1000/T20/seed1";
        assertTrue(lines.get(0).contains("1 of 4 runs failed") && lines.get(0).contains(failedId)
                && lines.get(0).contains("IllegalStateException: injected fault second line"), lines.get(0));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("4 runs stored (0 diverged, 1 failed;"));
        String md = Files.readString(dir.resolve("accuracy.md"));
        assertTrue(md.contains("## Failed runs") && md.contains("| " + failedId + " | IllegalStateException"), md);
        List<String> csv = Files.readAllLines(dir.resolve("accuracy.csv"));
        assertEquals(5, csv.size());
        assertEquals(1, csv.stream().filter(l -> l.endsWith(",IllegalStateException: injected fault second line")).count());
        // The run store beside the report holds the failure, in the file's text and read back.
        Path store = dir.resolve("sweep-runs.jsonl");
        assertTrue(Files.readString(store)
                .matches("(?s).*\"failure\"\\s*:\\s*\"IllegalStateException: injected fault second line\".*"));
        List<RunRecord> failed = Files.readAllLines(store).stream().map(l -> RunRecordJson.parse(l).record())
                .filter(rec -> rec.result().failed()).toList();
        assertEquals(1, failed.size(), Files.readString(store));
        assertEquals(failedId, failed.get(0).spec().id());
        assertEquals("failed", failed.get(0).status());
        assertEquals("IllegalStateException: injected fault second line", failed.get(0).result().failure());
        assertEquals(4, StoreReader.read(List.of(store), note -> { }).get(0).records().size());
    }

    /** The runs that did not throw are the same bits as in a sweep where none threw. */
    @Test
    void theOtherRunsAreUnchanged() throws IOException {
        Path clean = dir.resolve("clean");
        Path faulty = dir.resolve("faulty");
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(GRID),
                java.util.stream.Stream.of("--out", clean.toString())).toArray(String[]::new);
        assertEquals(0, CommandRun.run("", prepend("sweep", args)).code());
        args[args.length - 1] = faulty.toString();
        int code = Main.run(prepend("sweep", args), new Streams(null, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())), (spec, threads) -> {
                    if (spec.seed() == 0 && spec.model().kind().cliName().equals("plain")) {
                        throw new ArithmeticException();
                    }
                    return Trainer.train(spec, threads);
                });
        assertEquals(3, code);
        List<String> a = Files.readAllLines(clean.resolve("accuracy.csv"));
        List<String> b = Files.readAllLines(faulty.resolve("accuracy.csv"));
        for (int i = 1; i < a.size(); i++) {
            String[] x = a.get(i).split(",");
            String[] y = b.get(i).split(",");
            if (b.get(i).endsWith("ArithmeticException")) {
                continue;
            }
            // every column but the wall times
            assertArrayEquals(java.util.Arrays.copyOfRange(x, 0, 14), java.util.Arrays.copyOfRange(y, 0, 14), b.get(i));
        }
        // and, in the run stores, every loss curve of the runs that did not throw (its full curve's digest)
        List<RunRecord> cleanRuns = StoreReader.read(List.of(clean), note -> { }).get(0).records();
        List<RunRecord> faultyRuns = StoreReader.read(List.of(faulty), note -> { }).get(0).records();
        assertEquals(4, faultyRuns.size());
        for (int i = 0; i < cleanRuns.size(); i++) {
            RunRecord f = faultyRuns.get(i);
            if (!f.result().failed()) {
                assertTrue(cleanRuns.get(i).sameResult(f), f.spec().id());
            }
        }
        assertEquals(1, faultyRuns.stream().filter(r -> r.result().failed()).count());
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** A model with the given parameters, saved as polygate train would. */
    private Path model(String activation, String kind, int width, int depth, float... parameters) throws IOException {
        Path file = dir.resolve(activation + "-" + kind + "-w" + width + "-d" + depth + ".json");
        RunSpec spec = new RunSpec(new dev.polygate.model.ModelSpec(dev.polygate.model.Activation.parse(activation),
                dev.polygate.model.LayerKind.parse(kind), width, depth), dev.polygate.model.Target.power(1), 0.01, 1, 1, 0);
        dev.polygate.io.ModelFile.save(file, spec, parameters, 0);
        return file;
    }

    /** A depth-2 int-relu model at x = 1e20: Inf − Inf in the second layer, then the table; was a stack trace. */
    @Test
    void predictOnNonFinitePreActivationsPrintsNaN() throws IOException {
        Path m = model("int-relu", "plain", 2, 2, 1, 1, 0, 0, 1, -1, 1, -1, 0, 0, 1, 1, 0);
        CommandRun r = CommandRun.run("1e20\n0.5\n", "predict", "--model", m.toString());
        assertEquals(0, r.code(), r.err());
        List<String> ys = r.out().strip().lines().toList();
        assertEquals("NaN", ys.get(0));
        assertEquals(0.0, Float.parseFloat(ys.get(1)), 0f);   // A(0.5)·2 − A(0.5)·2 = 0
    }

    /** y = silu(x) far out on the left: −3.7e-42 (or −0 as PyTorch's float32 gives), −0, −0. */
    @Test
    void siluAtTheLeftEndOfTheFloatRange() throws IOException {
        Path m = model("silu", "plain", 1, 1, 1, 0, 1, 0);
        CommandRun r = CommandRun.run("-100\n-1e30\n-3e38\n", "predict", "--model", m.toString());
        assertEquals(0, r.code(), r.err());
        List<Float> ys = r.out().strip().lines().map(Float::parseFloat).toList();
        assertTrue(ys.get(0) <= 0 && ys.get(0) > -4e-42, "silu(-100) = " + ys.get(0));
        assertEquals(0f, ys.get(1), 0f);
        assertEquals(0f, ys.get(2), 0f);
    }
}
