package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.Grid;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {
    @TempDir
    Path tmp;

    static CommandRun run(String stdin, String... args) {
        return CommandRun.run(stdin, args);
    }

    private static void assertUsageError(CommandRun o, String... mustMention) {
        o.assertUsageError(mustMention);
    }

    private static long filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--degrees | 17       | 0..16",
        "--degrees | -1       | 0..16",
        "--degrees | 2,x      | 0..16",
        "--width   | 0        | 1..4096",
        "--depth   | 0        | 1..16",
        "--steps   | 0        | 1..",
        "--samples | 0        | 1..",
        "--seeds   | 0        | 1..",
        "--threads | 0        | 1..256",
        "--lr      | 0        | > 0",
        "--lr      | -0.01    | > 0",
        "--lr      | NaN      | > 0",
        "--lr      | Infinity | > 0",
        "--activations | tanh | relu, silu, gelu",
        "--kinds   | square   | plain, squared, gated",
        "--target  | cos      | sin, exp",
        "--target  | poly:1,a | poly:c0,c1",
        "--target  | poly:    | poly:c0,c1",
        "--target  | poly:1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18 | 1..17 coefficients",
        "--target  | x^17     | 0..16",
        "--match   | weights  | width, params, flops",
        "--budgets | 0        | integers > 0",
    })
    void sweepRejectsBadValuesWithOneLineAndWritesNothing(String flag, String value, String allowed) throws IOException {
        Path out = tmp.resolve("reports");
        Files.createDirectories(out);
        CommandRun o = run("", "sweep", flag, value, "--out", out.toString());
        assertUsageError(o, flag, allowed);
        assertEquals(0, filesIn(out));
    }

    @Test
    void sweepFitsTargetsOtherThanPowersAtMatchedFlops() throws IOException {
        Path out = tmp.resolve("sin");
        CommandRun o = run("", "sweep", "--target", "sin", "--kinds", "plain,gated", "--activations", "relu",
                "--match", "flops", "--budgets", "40000", "--samples", "50", "--steps", "20", "--seeds", "2",
                "--quiet", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        // The report beside the run store it was rendered from, and no temp file.
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(java.util.Set.of("accuracy.md", "accuracy.csv", "loss-curves.png", "sweep-runs.jsonl"),
                    s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        assertEquals(4, Files.readAllLines(out.resolve("sweep-runs.jsonl")).size(), "one line per run");
        String md = Files.readString(out.resolve("accuracy.md"));
        assertTrue(md.contains("# Accuracy: plain and gated layers fitting sin"), md);
        assertTrue(md.contains("| target | plain | gated | best |"), md);
        assertTrue(md.contains("| sin |"), md);
        assertTrue(md.contains("training FLOPs per step comes closest to 40000"), md);
        String csv = Files.readString(out.resolve("accuracy.csv"));
        assertTrue(csv.lines().skip(1).allMatch(l -> l.contains(",sin,")), csv);
        assertEquals(5, csv.lines().count(), "a header and 2 kinds × 2 seeds");
    }

    @Test
    void budgetsNoWidthCanMeetAreRejectedBeforeAnyRun() throws IOException {
        Path out = tmp.resolve("reports");
        // plain at width 1 has 4 parameters: 3 cannot be met.
        assertUsageError(run("", "sweep", "--match", "params", "--budgets", "3", "--out", out.toString()),
                "budget of 3 parameters", "give 4..");
        assertUsageError(run("", "sweep", "--match", "params", "--budgets", "100000000", "--out", out.toString()),
                "budget of 100000000", "widths 1..4096");
        assertUsageError(run("", "sweep", "--match", "width", "--budgets", "50", "--out", out.toString()),
                "--budgets", "--match params");
        assertUsageError(run("", "sweep", "--target", "sin", "--degrees", "2", "--out", out.toString()),
                "--degrees", "--target power");
        assertEquals(0, filesIn(out));
    }

    @Test
    void equivalenceRejectsGatesWithoutAnIntegralAndTooFewSeeds() throws IOException {
        Path out = tmp.resolve("reports");
        assertUsageError(run("", "equivalence", "--gates", "tanh", "--out", out.toString()),
                "unknown gate 'tanh'", "relu, silu, gelu");
        assertUsageError(run("", "equivalence", "--gates", "int-relu", "--out", out.toString()),
                "unknown gate 'int-relu'");
        assertUsageError(run("", "equivalence", "--seeds", "1", "--out", out.toString()), "--seeds", "2..");
        assertUsageError(run("", "equivalence", "--degrees", "0", "--out", out.toString()), "--degrees", "1..16");
        // Gated at width 4096 has more parameters than plain can reach: no equal-parameter width.
        assertUsageError(run("", "equivalence", "--width", "4096", "--out", out.toString()),
                "no width meets a budget of 20481 parameters");
        assertEquals(0, filesIn(out));
    }

    @Test
    void unknownFlagAndCommand() {
        assertUsageError(run("", "sweep", "--widht", "10"), "--widht", "--width");
        assertUsageError(run("", "fit"), "fit", "sweep, equivalence, scaling, report, merge, train, predict");
        assertUsageError(run("", "sweep", "--width"), "--width", "needs a value");
    }

    @Test
    void unwritableOutputDirectoryIsRejectedBeforeWork() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        CommandRun o = run("", "sweep", "--out", file.resolve("reports").toString(), "--steps", "1");
        assertUsageError(o, "--out", "writable");
        assertEquals("x", Files.readString(file));
        CommandRun o2 = run("", "sweep", "--out", file.toString(), "--steps", "1");
        assertUsageError(o2, "--out", "not a directory");
    }

    @Test
    void trainSaveAndPredictRoundTrip() throws IOException {
        Path model = tmp.resolve("model.json");
        CommandRun t = run("", "train", "--activation", "silu", "--kind", "gated", "--degree", "2", "--steps", "300",
                "--samples", "200", "--model-out", model.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("final MSE"), t.out());
        Files.writeString(tmp.resolve("xs.txt"), "0\n1.5\n\n-2\n");
        CommandRun p = run("", "predict", "--model", model.toString(), "--input", tmp.resolve("xs.txt").toString());
        assertEquals(0, p.code(), p.err());
        String[] ys = p.out().strip().split("\n");
        assertEquals(3, ys.length);
        // A trained x² fit: close to 0, 2.25, 4 (loose: this is a check of the plumbing, not of accuracy).
        assertEquals(0.0, Double.parseDouble(ys[0]), 0.3);
        assertEquals(2.25, Double.parseDouble(ys[1]), 0.3);
        assertEquals(4.0, Double.parseDouble(ys[2]), 0.5);
        // The same from stdin.
        CommandRun q = run("0\n1.5\n-2\n", "predict", "--model", model.toString());
        assertEquals(p.out(), q.out());
    }

    @Test
    void predictRejectsMissingMalformedAndMismatchedModels() throws IOException {
        assertUsageError(run("", "predict", "--model", tmp.resolve("nope.json").toString()), "does not exist");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"polygate-model\", ");
        assertUsageError(run("", "predict", "--model", bad.toString()), "not valid JSON");
        Files.writeString(bad, "{\"format\":\"polygate-model\",\"version\":1,\"model\":{\"activation\":\"relu\","
                + "\"kind\":\"gated\",\"width\":2,\"depth\":1},\"parameters\":[1,2,3]}");
        assertUsageError(run("", "predict", "--model", bad.toString()), "\"parameters\"", "11 numbers");
        Files.writeString(bad, "{\"format\":\"polygate-model\",\"version\":1,\"model\":{\"activation\":\"tanh\","
                + "\"kind\":\"gated\",\"width\":2,\"depth\":1},\"parameters\":[]}");
        assertUsageError(run("", "predict", "--model", bad.toString()), "tanh", "relu, silu, gelu");
        assertUsageError(run("", "predict"), "--model", "required");
    }

    @Test
    void predictRejectsNonNumbersByLine() throws IOException {
        Path model = tmp.resolve("m.json");
        assertEquals(0, run("", "train", "--activation", "relu", "--kind", "plain", "--degree", "1", "--steps", "2",
                "--model-out", model.toString()).code());
        assertUsageError(run("1\nabc\n", "predict", "--model", model.toString()), "line 2", "abc");
    }

    @Test
    void trainRejectsBadModelOutBeforeTraining() throws IOException {
        Path file = tmp.resolve("f");
        Files.writeString(file, "");
        assertUsageError(run("", "train", "--activation", "relu", "--kind", "plain", "--degree", "1",
                "--model-out", file.resolve("m.json").toString()), "--model-out");
        assertUsageError(run("", "train", "--kind", "plain", "--degree", "1"), "--activation", "required");
    }

    @Test
    void helpIsAvailableForEveryCommand() {
        for (String c : new String[] {"sweep", "train", "predict", "throughput"}) {
            CommandRun o = run("", c, "--help");
            assertEquals(0, o.code());
            assertTrue(o.out().startsWith("usage: polygate " + c), o.out());
        }
        assertEquals(0, run("", "--help").code());
    }

    /** The top-level help states the sweep's default seed count: the one the sweep really uses. */
    @Test
    void topLevelHelpStatesTheSweepsDefaultSeeds() {
        String help = run("", "--help").out();
        int seeds = Grid.studyDefault().seeds();
        assertTrue(help.contains("the study's figure, " + seeds + " seeds"), help);
    }

    @Test
    void sweepAndTrainHelpListEveryActivationAndKind() {
        for (String c : new String[] {"sweep", "train"}) {
            String help = run("", c, "--help").out();
            assertTrue(help.contains(Activation.allowed()), help);
            assertTrue(help.contains(LayerKind.allowed()), help);
        }
    }

    /** A flag that takes one value refuses a list instead of training its first item. */
    @Test
    void oneValueFlagsRefuseLists() {
        run("", "train", "--activation", "relu,silu", "--kind", "gated", "--degree", "3")
                .assertUsageError("--activation: takes one value", "relu,silu", "relu, silu");
        run("", "train", "--activation", "relu", "--kind", "plain,gated", "--degree", "3")
                .assertUsageError("--kind: takes one value", "plain,gated");
        run("", "train", "--kind", "gated", "--degree", "3").assertUsageError("--activation is required");
        run("", "train", "--activation", "relu", "--kind", "gated", "--degree", "2,3").assertUsageError("--degree");
        run("", "train", "--activation", "relu", "--kind", "gated", "--degree", "2", "--lr", "0.1,0.2")
                .assertUsageError("--lr");
        run("", "train", "--activation", "relu", "--kind", "gated", "--degree", "2", "--width", "8,16")
                .assertUsageError("--width");
        run("", "sweep", "--steps", "10,20").assertUsageError("--steps");
    }

    /** A flag where a value belongs is a missing value, not the value (--out --quiet wrote to "--quiet"). */
    @Test
    void aFlagInAValuesPlaceIsAMissingValue() {
        run("", "sweep", "--out", "--quiet").assertUsageError("--out needs a value, got the flag --quiet");
        run("", "sweep", "--seeds", "--out", "o").assertUsageError("--seeds needs a value");
        run("", "train", "--activation", "--kind", "gated", "--degree", "3").assertUsageError("--activation needs a value");
        assertTrue(!Files.exists(Path.of("--quiet")), "no directory named --quiet");
    }

    /** A directory the checks cannot rule out (/proc/x) fails before the first run, in words. */
    @Test
    void anUncreatableOutDirectoryFailsBeforeTraining() {
        CommandRun o = run("", "sweep", "--out", "/proc/polygate-x", "--steps", "1", "--seeds", "1", "--degrees", "2");
        assertUsageError(o, "--out /proc/polygate-x cannot be created", "writable directory");
        assertTrue(!o.err().contains("Exception"), o.err());
    }

    /** Directories where files belong: one line, exit 2 (was exit 1, "I/O error: Is a directory"). */
    @Test
    void predictRefusesDirectoriesByFlag() {
        assertUsageError(run("", "predict", "--model", tmp.toString()), "model file", "is a directory");
    }
}
