package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.jdk.AccuracyFixtures;
import dev.polygate.report.jmh.JmhFixtures;
import dev.polygate.report.stats.HodgesLehmannRatio;
import dev.polygate.report.jmh.JmhFixtures.Entry;
import dev.polygate.report.jmh.JmhFixtures.Jvm;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** polygate jdk-report end to end on small JMH files and sweep run stores written here. */
class JdkReportCommandTest {
    private static final String BENCH = "dev.polygate.bench.";
    private static final Map<String, String> STEP_PARAMS = Map.of("activation", "relu");

    @TempDir
    Path tmp;
    private Path out;
    private Path accA;
    private Path accB;

    static CommandRun run(String... args) {
        return CommandRun.run("", args);
    }

    /** Five iterations start, start+1, …, start+4 (one fork). */
    private static double[] fork(double start) {
        return new double[] {start, start + 1, start + 2, start + 3, start + 4};
    }

    /**
     * Per round, one fork of five iterations (fork median start + 2), the start one higher each
     * round: over six rounds the fork medians of step are A 102–107 ns, B 52–57 (B clearly faster);
     * of mathExp A 1002–1007, B 1005–1010 (0.3 % apart: no call); of fma12 A 12–17, B 32–37 (B
     * clearly slower).
     */
    private static List<Entry> round(boolean b, int round) {
        double shift = round - 1;
        return List.of(
                JmhFixtures.entry(BENCH + "TrainingStepBenchmark.step", STEP_PARAMS, fork((b ? 50 : 100) + shift)),
                JmhFixtures.entry(BENCH + "ExpBenchmark.mathExp", Map.of(), fork((b ? 1003 : 1000) + shift)),
                JmhFixtures.entry(BENCH + "FmaRoofBenchmark.fma12", Map.of(), fork((b ? 30 : 10) + shift)));
    }

    private Path jmh(String name, Jvm jvm, List<Entry> entries, long minute) throws IOException {
        Path file = JmhFixtures.write(tmp.resolve(name), jvm, entries);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + minute * 60_000));
        return file;
    }

    private List<String> files;

    @BeforeEach
    void writeInputs() throws IOException {
        out = tmp.resolve("reports");
        // Interleaved as compare-jdks runs it: A, B in odd rounds, B, A in even ones; six rounds.
        List<String> aFiles = new ArrayList<>();
        List<String> bFiles = new ArrayList<>();
        long minute = 0;
        for (int r = 1; r <= ROUNDS; r++) {
            for (boolean b : r % 2 == 1 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                Path f = b ? jmh("jdk25.0.1-round" + r + "-all.json", Jvm.JDK25, round(true, r), minute++)
                        : jmh("jdk17.0.15-round" + r + "-all.json", Jvm.JDK17, round(false, r), minute++);
                (b ? bFiles : aFiles).add(f.toString());
            }
        }
        files = List.of(String.join(SEVERAL, aFiles), String.join(SEVERAL, bFiles));
        accA = AccuracyFixtures.write(tmp.resolve("accA/sweep-runs.jsonl"), "17.0.15", 512, AccuracyFixtures.DEFAULT);
        accB = AccuracyFixtures.write(tmp.resolve("accB/sweep-runs.jsonl"), "25.0.1", 512, AccuracyFixtures.DEFAULT);
    }

    private static final int ROUNDS = 6;

    /** Separates the files of one side in {@link #files}; {@link #args} repeats the flag per file. */
    private static final String SEVERAL = java.io.File.pathSeparator;

    private String[] args(String... overrides) {
        List<String> args = new ArrayList<>(List.of("jdk-report", "--a-label", "jdk17.0.15", "--a-jmh", files.get(0),
                "--a-accuracy", accA.toString(), "--b-label", "jdk25.0.1", "--b-jmh", files.get(1),
                "--b-accuracy", accB.toString(), "--out", out.toString()));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = args.indexOf(overrides[i]);
            args.set(at + 1, overrides[i + 1]);
        }
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.endsWith("-jmh") && i + 1 < args.size()) {
                for (String file : args.get(++i).split(java.util.regex.Pattern.quote(SEVERAL))) {
                    repeated.add(a);
                    repeated.add(file);
                }
            } else {
                repeated.add(a);
            }
        }
        return repeated.toArray(String[]::new);
    }

    @Test
    void writesMarkdownAndChartWithTheNumbers() throws IOException {
        CommandRun o = run(args());
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err());
        assertTrue(o.out().contains("3 benchmarks: 1 B faster, 1 B slower, 1 no clear difference"), o.out());
        String md = Files.readString(out.resolve("jdk-comparison.md"));
        // What ran, from the JMH files and the accuracy environments.
        assertTrue(md.contains("# JDK comparison: A = jdk17.0.15, B = jdk25.0.1"), md);
        assertTrue(md.contains("`/usr/lib/jvm/temurin-25-jdk-amd64/bin/java`"), md);
        assertTrue(md.contains("`--add-modules=jdk.incubator.vector --sun-misc-unsafe-memory-access=allow`"), md);
        assertTrue(md.contains("OpenJDK 64-Bit Server VM 25.0.1+8-LTS"), md);
        assertTrue(md.contains("Java 25.0.1 (OpenJDK 64-Bit Server VM 25.0.1"), md);
        // Interleaving: the order of the files and the rounds in their names.
        assertTrue(md.contains("A×1 → B×2 → A×2 → B×2 → A×2 → B×2 → A×1"), md);
        assertTrue(md.contains("The JDKs took turns"), md);
        assertTrue(md.contains("A: 6 rounds in the file names (1, 2, 3, 4, 5, 6); forks per benchmark: 6 (1 per round)"), md);
        assertTrue(md.contains("| forks per benchmark (the unit compared) | 6 | 6 |"), md);
        assertTrue(md.contains("| measured iterations per benchmark (all forks) | 30 | 30 |"), md);
        assertTrue(md.contains("**Method.** The fork (one JVM) is the unit"), md);
        assertTrue(md.contains("**Rule.** A difference is called only where the ratio's 95% interval excludes 1 **and** "
                + "the ratio is at least 5.0 % away from 1"), md);
        assertTrue(md.contains("With 6 forks the smallest attainable p is 0.00216"), md);
        // step: fork medians A 102..107 → 104.5, [x(1), x(6)] = [102, 107]; B 52..57 → 54.5 [52, 57].
        assertTrue(md.contains("| TrainingStepBenchmark.step | activation=relu | 6/6 | 104.5 [102.0, 107.0] ns | "
                + "54.50 [52.00, 57.00] ns | " + ratioCells(52, 102) + " | **B faster** |"), md);
        assertTrue(md.contains("| FmaRoofBenchmark.fma12 | – | 6/6 | 14.50 [12.00, 17.00] ns | 34.50 [32.00, 37.00] ns | "
                + ratioCells(32, 12) + " | **B slower** |"), md);
        assertTrue(md.contains("| ExpBenchmark.mathExp | – | 6/6 | 1.005 [1.002, 1.007] µs | 1.008 [1.005, 1.010] µs | "
                + ratioCells(1005, 1002) + " | no clear difference |"), md);
        assertTrue(md.contains("clearly faster on 1, clearly slower on 1, and shows no clear difference on 1"), md);
        double geo = Math.cbrt(HodgesLehmannRatio.of95(medians(52), medians(102)).ratio()
                * HodgesLehmannRatio.of95(medians(32), medians(12)).ratio()
                * HodgesLehmannRatio.of95(medians(1005), medians(1002)).ratio());
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "Geometric mean of the time ratios B/A: %.3f", geo)), md);
        assertFalse(md.contains("]†") || md.contains("]‡"), "6 forks per side: 95 % intervals, no min–max fallback");
        assertTrue(md.contains("**Noise level: not calibrated.**"), md);
        // Accuracy.
        assertTrue(md.contains("8 runs matched; 8 have a bit-identical final MSE"), md);
        assertTrue(md.contains("**Same bits.**"), md);
        assertTrue(md.contains("so both JDKs compute the same bits"), md);
        assertTrue(md.contains("![time ratio B/A per benchmark](jdk-comparison.png)"), md);

        BufferedImage png = ImageIO.read(out.resolve("jdk-comparison.png").toFile());
        assertNotNull(png);
        assertTrue(png.getWidth() > 900, "the 900-pixel chart plus the label column: " + png.getWidth());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("jdk-comparison.md", "jdk-comparison.png"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no temp files left");
        }
        // A side's store may be named by its directory (the sweep's --out): the same report but for the path.
        CommandRun byDirectory = run(args("--b-accuracy", accB.getParent().toString()));
        assertEquals(0, byDirectory.code(), byDirectory.err());
        assertEquals(md.replace(accB.toString(), accB.getParent().toString()),
                Files.readString(out.resolve("jdk-comparison.md")));
    }

    @Test
    void differingBitsAreReportedWithTheLargestRelativeDifference() throws IOException {
        AccuracyFixtures.write(accB, "25.0.1", 256, (kind, degree, seed) -> {
            double v = AccuracyFixtures.DEFAULT.of(kind, degree, seed);
            return kind.equals("plain") && degree == 2 && seed == 1 ? v * 1.25 : v;
        });
        CommandRun o = run(args());
        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("jdk-comparison.md"));
        assertTrue(md.contains("8 runs matched; 7 have a bit-identical final MSE"), md);
        assertTrue(md.contains("**The bits differ** between the JDKs in 1 of 8 matched runs."), md);
        assertTrue(md.contains("|B − A| / |A|: 2.50e-01, in run relu plain w10 d1 x^2 lr0.01 1000 samples 3 steps seed 1"), md);
        assertTrue(md.contains("A ran with 512-bit vectors and B with 256-bit"), md);
        assertTrue(md.contains("lanewise(EXP)"), md);
        assertFalse(md.contains("Same bits"), md);
    }

    /** Six fork medians from {@code first} up. */
    private static double[] medians(double first) {
        return new double[] {first, first + 1, first + 2, first + 3, first + 4, first + 5};
    }

    /** The table's "ratio [low, high] | p" cells for B fork medians from {@code b} up, A from {@code a} up. */
    private static String ratioCells(double b, double a) {
        HodgesLehmannRatio r = HodgesLehmannRatio.of95(medians(b), medians(a));
        return String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f] | %s", r.ratio(), r.low(), r.high(),
                dev.polygate.report.format.NumberText.pValue(r.pValue()));
    }

    @Test
    void anAaRunIsLabelledAsSuchAndItsCountAppearsInTheAbReport() throws IOException {
        List<String> aa = new ArrayList<>();
        for (int r = 1; r <= ROUNDS; r++) {
            aa.add(jmh("jdk17.0.15-again-round" + r + "-all.json", Jvm.JDK17, round(false, r), 20 + r).toString());
        }
        CommandRun o = run(args("--b-label", "jdk17.0.15-again", "--b-jmh", String.join(SEVERAL, aa),
                "--b-accuracy", accA.toString()));
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("A/A calibration, 0 false differences"), o.out());
        String md = Files.readString(out.resolve("jdk-comparison-aa.md"));
        assertTrue(md.startsWith("# A/A calibration: jdk17.0.15 against itself"), md);
        assertTrue(md.contains("**This is an A/A run**"), md);
        assertTrue(md.contains("**A/A result.** Of 3 benchmarks, 0 called different"), md);
        assertTrue(md.contains("![time ratio B/A per benchmark](jdk-comparison-aa.png)"), md);
        assertTrue(Files.exists(out.resolve("jdk-comparison-aa.png")));
        assertFalse(Files.exists(out.resolve("jdk-comparison.md")), "an A/A run does not replace the A/B report");

        // The A/B report in the same directory finds the calibration and prints it beside its verdicts.
        CommandRun ab = run(args());
        assertEquals(0, ab.code(), ab.err());
        String abMd = Files.readString(out.resolve("jdk-comparison.md"));
        assertTrue(abMd.contains("**Noise level (A/A calibration).** The same rule called 0 of 3 benchmarks different "
                + "when jdk17.0.15 was compared with itself (`jdk-comparison-aa.json`, 6 or more forks per side)"), abMd);
        assertTrue(abMd.contains("no false positive. Here 2 of 3 are called different."), abMd);

        // A calibration file that is not one: one line, exit 2.
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{}");
        CommandRun refused = run(appended(args(), "--calibration", bad.toString()));
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("is not an A/A summary written by jdk-report"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
    }

    private static String[] appended(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void fewSamplesAreMarkedAsMinMax() throws IOException {
        Path a = jmh("a.json", Jvm.JDK17, List.of(JmhFixtures.entry(BENCH + "ExpBenchmark.mathExp", Map.of(),
                new double[] {1, 2, 3})), 0);
        Path b = jmh("b.json", Jvm.JDK25, List.of(JmhFixtures.entry(BENCH + "ExpBenchmark.mathExp", Map.of(),
                new double[] {4, 5, 6})), 1);
        CommandRun o = run(args("--a-jmh", a.toString(), "--b-jmh", b.toString()));
        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("jdk-comparison.md"));
        // One fork a side: one fork median each, no interval, and the ratio cannot be called.
        assertTrue(md.contains("2.000 [2.000, 2.000]† ns"), md);
        assertTrue(md.contains("† Too few forks"), md);
        assertTrue(md.contains("here as few as n = 1: 0.000%"), md);
        assertTrue(md.contains("| 2.500 [2.500, 2.500]‡ | 1.00 | no clear difference |"), md);
        assertTrue(md.contains("marked ‡) and no difference can be called"), md);
        assertTrue(md.contains("no round numbers in the file names; forks per benchmark: 1"), md);
        assertTrue(md.contains("All runs of one JDK came before the other's"), md);
    }

    @Test
    void badInputIsOneLineExitTwoAndLeavesTheOldReport() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("jdk-comparison.md"), "old report");
        Path malformed = Files.writeString(tmp.resolve("malformed.json"), "[ {\"benchmark\": ");
        Path empty = Files.writeString(tmp.resolve("empty.json"), "");
        Path notArray = Files.writeString(tmp.resolve("object.json"), "{}");
        Path emptyArray = Files.writeString(tmp.resolve("none.json"), "[]");
        Path unknown = JmhFixtures.write(tmp.resolve("unknown.json"), Jvm.JDK25,
                List.of(JmhFixtures.entry("org.example.Other.run", Map.of(), fork(1))));
        Path mixed = JmhFixtures.write(tmp.resolve("mixed.json"), Jvm.JDK17, round(false, 1));
        Path badAccuracy = Files.writeString(Files.createDirectories(tmp.resolve("acc")).resolve("sweep-runs.jsonl"),
                "{\"runs\": 3}\n");
        // An unfinished sweep: its store lacks the last run.
        List<String> stored = Files.readAllLines(accB);
        Path partial = Files.writeString(Files.createDirectories(tmp.resolve("partial")).resolve("sweep-runs.jsonl"),
                String.join("\n", stored.subList(0, stored.size() - 1)) + "\n");
        Path threads = Files.writeString(tmp.resolve("threads.json"),
                JmhFixtures.json(Jvm.JDK25, round(true, 1)).replace("\"threads\" : 1", "\"threads\" : 2"));
        Path sample = Files.writeString(tmp.resolve("sample.json"),
                JmhFixtures.json(Jvm.JDK25, round(true, 1)).replace("\"mode\" : \"avgt\"", "\"mode\" : \"sample\""));
        List<String[]> cases = List.of(
                args("--b-jmh", malformed.toString()),
                args("--b-jmh", empty.toString()),
                args("--b-jmh", notArray.toString()),
                args("--b-jmh", emptyArray.toString()),
                args("--b-jmh", unknown.toString()),
                args("--b-jmh", tmp.resolve("missing.json").toString()),
                args("--b-jmh", files.get(1) + SEVERAL + mixed),
                args("--a-accuracy", tmp.resolve("missing/sweep-runs.jsonl").toString()),
                args("--b-accuracy", badAccuracy.toString()),
                args("--b-accuracy", partial.toString()),
                args("--b-accuracy", tmp.toString()),
                args("--b-label", "jdk17.0.15"),
                args("--b-jmh", threads.toString()),
                args("--b-jmh", sample.toString()),
                new String[] {"jdk-report", "--a-jmh", files.get(0)});
        String[] mustMention = {"not valid JSON", "is empty", "not a JMH result array", "holds no results",
            "unknown benchmark 'org.example.Other.run'", "does not exist", "2 different JVMs", "does not exist",
            badAccuracy + " line 1 is not a polygate run record", "lacks 1 of the 8 runs of its sweep",
            tmp.resolve("sweep-runs.jsonl") + " does not exist", "two different labels", "threads 2 is not supported", "mode 'sample' keeps a histogram",
            "--a-accuracy is required"};
        for (int i = 0; i < cases.size(); i++) {
            CommandRun o = run(cases.get(i));
            assertEquals(2, o.code(), "case " + i + ": " + o.err());
            String[] lines = o.err().strip().split("\n");
            assertEquals(1, lines.length, "one line: " + o.err());
            assertTrue(lines[0].startsWith("polygate: jdk-report: "), lines[0]);
            assertTrue(lines[0].contains(mustMention[i]), "case " + i + ": '" + lines[0] + "' should mention '"
                    + mustMention[i] + "'");
            assertEquals("old report", Files.readString(out.resolve("jdk-comparison.md")));
            assertFalse(Files.exists(out.resolve("jdk-comparison.png")));
        }
    }

    @Test
    void helpAndUsage() {
        CommandRun help = run("jdk-report", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--a-jmh=FILE         a JMH -rf json result file of JDK A (the baseline); repeat"),
                help.out());
        CommandRun usage = run("--help");
        assertTrue(usage.out().contains("jdk-report"), usage.out());
    }

    /** An explicit --calibration that is not a file is bad input, even where the run is itself A/A. */
    @Test
    void aMissingCalibrationFileIsOneLineExitTwo() {
        List<String> withCalibration = new ArrayList<>(List.of(args()));
        withCalibration.addAll(List.of("--calibration", tmp.resolve("none.json").toString()));
        CommandRun o = run(withCalibration.toArray(String[]::new));
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("--calibration") && o.err().contains("is not a file"), o.err());
        assertTrue(!Files.exists(out.resolve("jdk-comparison.md")), "nothing written");
    }
}
