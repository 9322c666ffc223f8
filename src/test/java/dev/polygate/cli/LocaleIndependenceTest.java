package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.jdk.AccuracyFixtures;
import dev.polygate.report.jmh.JmhFixtures;
import dev.polygate.report.jmh.JmhFixtures.Jvm;
import dev.polygate.report.throughput.SyntheticPeer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every number polygate writes reads the same in every locale: each command runs once under
 * Locale.ROOT and once under de_DE (decimal comma, dot grouping), and its output and files must
 * agree. Where a command reports timings, which differ between any two runs, texts are compared
 * with each digit run replaced by one placeholder, so 1,5 against 1.5 still differs; charts and
 * untimed outputs must be byte-identical. A run store's lines are in the order the runs finished,
 * which threads make vary: its lines are compared as a set.
 */
class LocaleIndependenceTest {
    private static final String BENCH = "dev.polygate.bench.";

    @TempDir
    Path tmp;

    /** One command's run in one locale: what it printed and the files it wrote, by name. */
    private record Run(CommandRun printed, Map<String, byte[]> files) {
    }

    /**
     * Runs {@code command} under {@code locale}, restoring the default after. Both locales' runs write
     * to the same directory, tmp/NAME (the paths they print must agree), which is then moved to
     * tmp/NAME-TAG (root or de-DE) for later commands to read.
     */
    private Run runIn(Locale locale, String name, Function<Path, CommandRun> command) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Locale before = Locale.getDefault();
        CommandRun printed;
        Locale.setDefault(locale);
        try {
            printed = command.apply(dir);
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(0, printed.code(), printed.err());
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path file : s.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        Files.move(dir, tmp.resolve(name + "-" + (locale == Locale.ROOT ? "root" : locale.toLanguageTag())));
        return new Run(printed, files);
    }

    /**
     * Every number in Java's own notation (12, 1.5, 2.3E-7, 1.589378e+00) replaced by one
     * placeholder: the same for two runs that differ only in timings, while 1,5 (a decimal comma)
     * or 1.000 for 1,000 keep a separator the other locale's text lacks.
     */
    private static String shape(String text) {
        return text.replaceAll("[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?", "#");
    }

    /**
     * Runs the command in both locales and compares: exactly, or for a timed command by shape
     * (PNGs always exactly). Returns the Locale.ROOT run for further checks.
     */
    private Run assertSameInBothLocales(String name, boolean timed, Function<Path, CommandRun> command)
            throws IOException {
        Run root = runIn(Locale.ROOT, name, command);
        Run german = runIn(Locale.GERMANY, name, command);
        Function<String, String> compared = timed ? LocaleIndependenceTest::shape : Function.identity();
        assertEquals(compared.apply(root.printed().out()), compared.apply(german.printed().out()), name + " stdout");
        assertEquals(compared.apply(root.printed().err()), compared.apply(german.printed().err()), name + " stderr");
        assertEquals(root.files().keySet(), german.files().keySet(), name + " files");
        for (String file : root.files().keySet()) {
            byte[] a = root.files().get(file);
            byte[] b = german.files().get(file);
            if (file.endsWith(".jsonl")) {
                assertEquals(sortedLines(compared.apply(new String(a, StandardCharsets.UTF_8))),
                        sortedLines(compared.apply(new String(b, StandardCharsets.UTF_8))), name + " " + file);
            } else if (timed && !file.endsWith(".png")) {
                assertEquals(compared.apply(new String(a, StandardCharsets.UTF_8)),
                        compared.apply(new String(b, StandardCharsets.UTF_8)), name + " " + file);
            } else {
                assertArrayEquals(a, b, name + " " + file + " differs between Locale.ROOT and de_DE");
            }
        }
        return root;
    }

    private static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    @Test
    void trainAndPredictPrintTheSameInEveryLocale() throws IOException {
        Run train = assertSameInBothLocales("train", true, dir -> CommandRun.run("", "train", "--activation", "relu",
                "--kind", "gated", "--degree", "3", "--seed", "2", "--steps", "50", "--samples", "100",
                "--model-out", dir.resolve("model.json").toString()));
        assertTrue(Pattern.compile("final MSE \\d\\.\\d{6}e[-+]\\d\\d, 51 parameters, \\d+\\.\\d\\d us/step")
                .matcher(train.printed().out()).find(), train.printed().out());
        // The model file has no timings: byte-identical (the comparison above was by shape).
        Path rootModel = tmp.resolve("train-root/model.json");
        Path germanModel = tmp.resolve("train-de-DE/model.json");
        assertArrayEquals(Files.readAllBytes(rootModel), Files.readAllBytes(germanModel));
        Run predict = assertSameInBothLocales("predict", false,
                dir -> CommandRun.run("0.25\n-1.5\n", "predict", "--model", rootModel.toString()));
        assertEquals(2, predict.printed().out().split("\n").length, predict.printed().out());
    }

    @Test
    void aSweepAndItsThroughputSummaryWriteTheSameInEveryLocale() throws IOException {
        Run sweep = assertSameInBothLocales("sweep", true, dir -> CommandRun.run("", "sweep", "--activations", "relu",
                "--kinds", "plain,gated", "--degrees", "1,2", "--match", "width", "--samples", "50", "--steps", "20",
                "--seeds", "2", "--quiet", "--out", dir.toString()));
        assertTrue(sweep.files().containsKey("loss-curves.png"), sweep.files().keySet().toString());
        assertTrue(sweep.files().containsKey("sweep-runs.jsonl"), sweep.files().keySet().toString());
        // One run store for both throughput runs, so nothing but the locale differs.
        Path accuracy = tmp.resolve("sweep-root/sweep-runs.jsonl");
        Path jmh = JmhFixtures.write(tmp.resolve("steps.json"), Jvm.JDK17, List.of(
                step("plain", 11_000), step("gated", 17_500)));
        assertSameInBothLocales("throughput", false, dir -> CommandRun.run("", "throughput", "--jmh", jmh.toString(),
                "--accuracy", accuracy.toString(), "--out", dir.toString()));
        // The section against PyTorch: a missed time budget and a missed rate, both explained in numbers.
        Path peer = SyntheticPeer.atThisWidth()
                .add("relu", "plain", "50x10x1", 11_000, 550_000, 50, 45.5, 55.5, 100.0)
                .add("relu", "gated", "50x10x1", 17_500, 15_750, 0.9, 0.85, 0.95, 1.0)
                .write(tmp.resolve("peer-torch.json"));
        Run withPeer = assertSameInBothLocales("throughput-peer", false, dir -> CommandRun.run("", "throughput", "--jmh",
                jmh.toString(), "--accuracy", accuracy.toString(), "--peer", peer.toString(), "--out", dir.toString()));
        assertTrue(new String(withPeer.files().get("throughput.md"), StandardCharsets.UTF_8)
                .contains("## Against PyTorch"), withPeer.files().keySet().toString());
    }

    /** A training step of relu {@code kind} at the sweep's shape, one fork around {@code ns}. */
    private static JmhFixtures.Entry step(String kind, double ns) {
        return JmhFixtures.entry(BENCH + "TrainingStepBenchmark.step",
                Map.of("activation", "relu", "kind", kind, "shape", "50x10x1"),
                new double[] {ns, ns * 1.01, ns * 0.99, ns * 1.02, ns * 0.98});
    }

    @Test
    void theJdkReportWritesTheSameInEveryLocale() throws IOException {
        // Ratios near 0.5 and 1.03: the chart's linear axis is labelled with decimals (0.50, 1.00).
        Path a = JmhFixtures.write(tmp.resolve("a.json"), Jvm.JDK17, List.of(
                JmhFixtures.entry(BENCH + "TrainingStepBenchmark.step", Map.of("activation", "relu"),
                        new double[] {100, 101, 102, 103, 104}),
                JmhFixtures.entry(BENCH + "ExpBenchmark.mathExp", Map.of(), new double[] {1000, 1001, 1002, 1003, 1004})));
        Path b = JmhFixtures.write(tmp.resolve("b.json"), Jvm.JDK25, List.of(
                JmhFixtures.entry(BENCH + "TrainingStepBenchmark.step", Map.of("activation", "relu"),
                        new double[] {50, 51, 52, 53, 54}),
                JmhFixtures.entry(BENCH + "ExpBenchmark.mathExp", Map.of(), new double[] {1030, 1031, 1032, 1033, 1034})));
        Path accA = AccuracyFixtures.write(tmp.resolve("accA/sweep-runs.jsonl"), "17.0.15", 512, AccuracyFixtures.DEFAULT);
        Path accB = AccuracyFixtures.write(tmp.resolve("accB/sweep-runs.jsonl"), "25.0.1", 512, AccuracyFixtures.DEFAULT);
        Run report = assertSameInBothLocales("jdk-report", false, dir -> CommandRun.run("", "jdk-report",
                "--a-label", "jdk17", "--a-jmh", a.toString(), "--a-accuracy", accA.toString(),
                "--b-label", "jdk25", "--b-jmh", b.toString(), "--b-accuracy", accB.toString(),
                "--out", dir.toString()));
        assertEquals(List.of("jdk-comparison.md", "jdk-comparison.png"), new ArrayList<>(report.files().keySet()));
    }
}
