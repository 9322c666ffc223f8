package dev.polygate.report.throughput;

import static dev.polygate.model.Activation.RELU;
import static dev.polygate.model.Activation.SILU;
import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygate.cli.CommandRun;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Target;
import dev.polygate.report.format.MarkdownTables;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.jmh.VectorSetting;
import dev.polygate.report.accuracy.SyntheticSweeps;
import dev.polygate.report.runs.StoreFixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code polygate throughput} end to end, on hand-made JMH results and the run store of a hand-made sweep. */
class ThroughputCommandTest {
    /** The roof call's median time; the dense product is timed to reach exactly 75 % of the roof. */
    private static final double ROOF_NS = 8192;
    private static final long PRODUCT_FLOPS = 256L * 256 * 2 * 4096;
    private static final double PRODUCT_NS = PRODUCT_FLOPS * ROOF_NS / (BenchmarkFlops.roofFlops() * 0.75);

    @TempDir
    Path tmp;
    Path out;
    Path accuracy;
    Path jmhA;
    Path jmhB;

    static CommandRun run(String... args) {
        return CommandRun.run("", args);
    }

    @BeforeEach
    void inputs() throws IOException {
        out = tmp.resolve("reports");
        // Accuracy: relu and silu, n = 1, 2, 3 seeds; plain 1e-2·n, squared 4e-3·n, gated 1e-3·n (medians).
        Grid grid = new Grid(List.of(RELU, SILU), List.of(PLAIN, SQUARED, GATED), Target.powers(List.of(1, 2)),
                List.of(Sizing.equalWidth(10)),
                List.of(1), List.of(0.01), 1000, 40, 3, 0);
        accuracy = StoreFixtures.writeSweep(tmp.resolve("sweep/sweep-runs.jsonl"),
                SyntheticSweeps.sweep(grid, (a, k, n, s) -> CostVersusAccuracyTest.finalMse(k, n, s)));
        jmhA = new SyntheticJmh()
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "plain", "1000x10x1"), SyntheticJmh.sixForks(12_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "squared", "1000x10x1"), SyntheticJmh.sixForks(13_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "gated", "1000x10x1"), SyntheticJmh.sixForks(20_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "gated-matched", "1000x10x1"), SyntheticJmh.sixForks(14_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("silu", "plain", "1000x10x1"), SyntheticJmh.sixForks(22_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("silu", "squared", "1000x10x1"), SyntheticJmh.sixForks(24_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("silu", "gated", "1000x10x1"), SyntheticJmh.sixForks(24_500))
                .add("TrainingStepBenchmark.forward", SyntheticJmh.model("relu", "plain", "1000x10x1"), SyntheticJmh.sixForks(5_000))
                .write(tmp.resolve("steps.json"));
        jmhB = new SyntheticJmh()
                .add("VectorVsScalarBenchmark.vector", SyntheticJmh.model("relu", "plain", "1000x64x1"), SyntheticJmh.sixForks(20_000))
                .add("VectorVsScalarBenchmark.scalar", SyntheticJmh.model("relu", "plain", "1000x64x1"), SyntheticJmh.sixForks(160_000))
                .add("VectorVsScalarBenchmark.vector", SyntheticJmh.model("relu", "plain", "1000x10x1"), SyntheticJmh.sixForks(5_000))
                .add("VectorVsScalarBenchmark.scalar", SyntheticJmh.model("relu", "plain", "1000x10x1"), SyntheticJmh.sixForks(20_000))
                .add("DenseLayerBenchmark.product", Map.of("activation", "relu", "kind", "plain", "width", "256",
                        "samples", "4096"), SyntheticJmh.sixForks(PRODUCT_NS))
                .add("ExpBenchmark.handWritten", Map.of("size", "4096"), SyntheticJmh.sixForks(4096))
                .add("ExpBenchmark.mathExp", Map.of("size", "4096"), new double[][] {{20_480, 20_000, 21_000}})
                .add("FmaRoofBenchmark.fma12", Map.of(), SyntheticJmh.sixForks(ROOF_NS))
                .write(tmp.resolve("kernels.json"));
    }

    private CommandRun runReport() {
        return run("throughput", "--jmh", jmhA.toString(), "--jmh", jmhB.toString(), "--accuracy", accuracy.toString(),
                "--out", out.toString());
    }

    @Test
    void writesTheFourFilesWithTheNumbersComputedFromTheInputs() throws IOException {
        CommandRun o = runReport();

        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("throughput: 16 JMH results from 2 files; targets: 2 met, 2 missed, 2 not measured"),
                o.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(Set.of("throughput.md", "throughput.json", "summary.md", "summary.png"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()), "and no temp files");
        }

        String md = Files.readString(out.resolve("throughput.md"));
        double roofGflops = BenchmarkFlops.roofFlops() / ROOF_NS;
        assertTrue(md.contains("- FMA roof: " + NumberText.threeDigits(roofGflops) + " GFLOP/s"), md);
        assertTrue(md.contains("JDK 17.0.15, OpenJDK 64-Bit Server VM 17.0.15+6-test, JVM args: "
                + "--add-modules=jdk.incubator.vector"), md);
        // Median 12 µs, interval x(2)–x(9) = 12 µs / 1.2 … 12 µs · 7/6; 146 403 FLOPs / 12 000 ns.
        assertRow(md, "step", "relu", "plain", "1000x10x1", "10", "31", "12.0 µs [10.0–14.0]", "83.3 M", "12.2",
                NumberText.percent(146_403 / 12_000.0 / roofGflops));
        // One fork of three iterations: one fork median, so no interval at all (min–max of one value), marked.
        assertRow(md, "mathExp", "4096", "20.5 µs [20.5–20.5] †", "5.00", "0.200", "—", "—");
        assertRow(md, "handWritten", "4096", "4.10 µs [3.41–4.78]", "1.00", "1.00",
                NumberText.threeDigits(dev.polygate.kernel.FlopCount.EXP * 4096 / 4100.0));
        // Six forks a side: the 6th smallest to 6th largest of the 36 pairwise ratios (95.9 %): 8 · (11/12) / (13/12).
        assertRow(md, "relu", "plain", "1000x64x1", "20.0 µs", "160 µs", "8.00× [6.77–9.45]");
        assertTrue(assertRow(md, "relu", "1000x10x1", "equal width", "10", "51", "10", "31", "20.0 µs", "13.0 µs")
                .get(9).startsWith("1.54 ["), md);
        assertTrue(assertRow(md, "relu", "1000x10x1", "equal parameter count", "6", "31", "10", "31", "14.0 µs",
                "13.0 µs").get(9).startsWith("1.08 ["), md);
        // Targets: relu missed by gated's 20.0 µs against 15.0 µs, silu met (the statuses are in the JSON too).
        assertTrue(assertRow(md, "relu training step").get(2).startsWith("**missed** (1 of 4 cases; worst: gated, 20.0 µs, "
                + "missed by 5.00 µs)"), md);
        assertTrue(assertRow(md, "silu training step").get(2).startsWith("**met** (3 cases)"), md);
        // The fork-level interval [6.77, 9.45] stays above 6: met, not within noise.
        assertTrue(assertRow(md, "vector speed-up", "relu plain 1000x64x1", "8.00× [6.77–9.45]", "≥ 6.00×")
                .get(4).startsWith("met, margin 2.00 (33.3 %"), md);
        assertTrue(assertRow(md, "dense product vs roof", "product relu plain width 256").get(2).startsWith("75.0 % ["), md);
        // 75 % of the roof misses issue 9's 80 %; no forward or backward result: that target is not measured.
        assertTrue(assertRow(md, "dense product vs roof").get(2).startsWith("**missed**"), md);
        assertTrue(assertRow(md, "dense forward and backward vs roof").get(2).startsWith("**not measured**"), md);
        assertTrue(assertRow(md, "relu", "plain", "1000x10x1", "5.00 µs", "20.0 µs").get(5).startsWith("4.00× ["), md);
        assertTrue(MarkdownTables.rowStartingWith(md, "vector speed-up", "relu plain 1000x10x1").isEmpty(),
                "width 10 is below the target's width");

        JsonNode json = new ObjectMapper().readTree(out.resolve("throughput.json").toFile());
        assertEquals(16, json.get("results").size());
        assertEquals(roofGflops, json.get("roof").get("gflops").asDouble(), 1e-9);
        JsonNode step = json.get("results").get(0);
        assertEquals("dev.polygate.bench.TrainingStepBenchmark.step", step.get("benchmark").asText());
        assertEquals(12_000, step.get("nsPerOp").get("median").asDouble(), 1e-9);
        assertEquals(10_000, step.get("nsPerOp").get("low").asDouble(), 1e-9);
        assertEquals(14_000, step.get("nsPerOp").get("high").asDouble(), 1e-9);
        assertEquals("order-statistics", step.get("nsPerOp").get("interval").asText());
        assertEquals(146_403, step.get("flopsPerOp").asLong());
        assertEquals(31, step.get("model").get("parameters").asInt());
        JsonNode speedUp = json.get("vectorVersusScalar").get(0).get("speedUp");
        assertEquals(8, speedUp.get("ratio").asDouble(), 1e-12);
        // Hodges–Lehmann over six fork medians a side: the 6th smallest and largest of the 36 pairwise ratios.
        assertEquals(8 * (11 / 12.0) / (13 / 12.0), speedUp.get("low").asDouble(), 1e-9);
        assertEquals(8 * (13 / 12.0) / (11 / 12.0), speedUp.get("high").asDouble(), 1e-9);
        JsonNode product = json.get("results").get(12);
        assertEquals("product", product.get("method").asText());
        assertEquals(0.75, product.get("fractionOfRoof").asDouble(), 1e-12);
        assertTrue(json.get("results").get(14).get("gflops").isNull(), "mathExp has no FLOP count");
        assertEquals(List.of("missed", "met", "met", "missed", "not measured", "not measured"),
                json.get("targets").findValuesAsText("status"));

        String summary = Files.readString(out.resolve("summary.md"));
        assertRow(summary, "relu", "plain", "31", "12.0 µs", "0.480", "1.00e-02", "2.00e-02");
        assertRow(summary, "relu", "gated", "51", "20.0 µs", "0.800", "1.00e-03", "2.00e-03");
        // relu: gated costs 20/12 = 1.67× plain and 20/13 = 1.54× squared per step, for a 10× and 4× lower
        // median MSE at n = 2 (paired p ≈ 0.149); silu: 1.11× plain.
        String relu = summary.substring(summary.indexOf("- relu:"), summary.indexOf('\n', summary.indexOf("- relu:")));
        for (String number : List.of("1.67×", "10.0×", "0.149", "1.54×", "4.00×")) {
            assertTrue(relu.contains(number), number + " in: " + relu);
        }
        assertTrue(summary.substring(summary.indexOf("- silu:")).contains("1.11×"), summary);

        BufferedImage png = ImageIO.read(out.resolve("summary.png").toFile());
        assertEquals(2 * SummaryChart.PANEL_WIDTH, png.getWidth(), "one panel per activation");
    }

    /** --accuracy takes the sweep's store or the directory holding it (the sweep's --out): the same summary, but for the path. */
    @Test
    void theSweepStoreMayBeNamedByItsDirectory() throws IOException {
        assertEquals(0, runReport().code());
        String byFile = Files.readString(out.resolve("summary.md"));
        CommandRun o = run("throughput", "--jmh", jmhA.toString(), "--jmh", jmhB.toString(), "--accuracy",
                accuracy.getParent().toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(byFile.replace(accuracy.toString(), accuracy.getParent().toString()),
                Files.readString(out.resolve("summary.md")));
    }

    /**
     * The study size's breakdown: forward, backward and the rest of each step, and the sigmoid's
     * cost from the epilogue benchmark scaled to the step's 10 000 units.
     */
    @Test
    void theStudySizeStepIsTakenApartFromItsOwnBenchmarks() throws IOException {
        Path parts = studySizeParts(1_200).write(tmp.resolve("parts.json"));

        CommandRun o = run("throughput", "--jmh", parts.toString(), "--accuracy", accuracy.toString(), "--out", out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        assertRow(md, "relu", "plain", "3.00 µs", "1.50 µs", "1.20 µs", "300 ns", "50.0 %");
        assertRow(md, "silu", "plain", "7.00 µs", "5.50 µs", "1.30 µs", "200 ns", "78.6 %");
        // (0.5 − 0.1) ns × 10 000 units = 4 µs, against the measured 7 − 3 = 4 µs.
        assertTrue(md.contains("costs 0.400 ns more per hidden unit with SiLU (0.500 against 0.100 ns"), md);
        assertTrue(md.contains("over the 10000 units of one 1000x10x1 step that is 4.00 µs, against a measured SiLU − "
                + "ReLU difference of 4.00 µs for the plain step."), md);
    }

    /**
     * TrainingStepBenchmark's threadsPerRun: a step split over 2 threads is its own row, set against
     * two cores' roofs, and kept out of the one-core targets and the cost summary; results without
     * the parameter (older JSON, jmhA) read as 1 thread; a count that is not one is refused.
     */
    @Test
    void aStepOnSeveralThreadsIsItsOwnRowOutsideTheOneCoreTargets() throws IOException {
        Map<String, String> twoThreads = new java.util.HashMap<>(SyntheticJmh.model("relu", "gated", "1000x10x1"));
        twoThreads.put(BenchmarkFlops.THREADS_PER_RUN, "2");
        Map<String, String> oneThread = new java.util.HashMap<>(SyntheticJmh.model("relu", "plain", "4096x256x2"));
        oneThread.put(BenchmarkFlops.THREADS_PER_RUN, "1");
        Map<String, String> largeOnTwo = new java.util.HashMap<>(oneThread);
        largeOnTwo.put(BenchmarkFlops.THREADS_PER_RUN, "2");
        Path split = new SyntheticJmh()
                .add("TrainingStepBenchmark.step", twoThreads, SyntheticJmh.sixForks(9_000))
                .add("TrainingStepBenchmark.step", oneThread, SyntheticJmh.sixForks(14_000_000))
                .add("TrainingStepBenchmark.step", largeOnTwo, SyntheticJmh.sixForks(7_500_000))
                .write(tmp.resolve("split.json"));

        CommandRun o = run("throughput", "--jmh", jmhA.toString(), "--jmh", jmhB.toString(), "--jmh", split.toString(),
                "--accuracy", accuracy.toString(), "--out", out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        double roofGflops = BenchmarkFlops.roofFlops() / ROOF_NS;
        assertTrue(md.contains("A shape with N threads: the step split over N threads"), md);
        dev.polygate.model.ModelSpec large = new dev.polygate.model.ModelSpec(RELU, PLAIN, 256, 2);
        long largeFlops = dev.polygate.kernel.FlopCount.trainingStep(large, 4096);
        assertRow(md, "step", "relu", "plain", "4096x256x2", "256");
        assertRow(md, "step", "relu", "plain", "4096x256x2, 2 threads", "256", String.valueOf(large.layout().size()),
                "7.50 ms [6.25–8.75]", "546 k",
                NumberText.threeDigits(largeFlops / 7_500_000.0),
                NumberText.percent(largeFlops / 7_500_000.0 / (2 * roofGflops)));
        // The split step against its one-thread twin: 14 ms / 7.5 ms = 1.87×, over issue 9's 1.8×;
        // gated at 1000x10x1 on 2 threads is set against jmhA's one-thread gated (20 µs / 9 µs).
        List<String> speedUp = assertRow(md, "step", "relu", "plain", "4096x256x2", "2", "14.0 ms", "7.50 ms");
        assertTrue(speedUp.get(7).startsWith("1.87× ["), md);
        assertEquals("93.3 %", speedUp.get(8), md);
        // Only steps on 2 threads in these files (JSON from before forward and backward were split): step rows alone.
        assertEquals(Set.of("step"), MarkdownTables.withColumn(md, "part").stream().map(r -> r.get("part"))
                .collect(Collectors.toSet()), md);
        assertTrue(new ObjectMapper().readTree(out.resolve("throughput.json").toFile()).get("threadsPerRunParts").isEmpty());
        assertTrue(assertRow(md, "step", "relu", "gated", "1000x10x1", "2", "20.0 µs", "9.00 µs").get(7)
                .startsWith("2.22× ["), md);
        // The 4096 pair is in split.json alone; the gated pair crosses files.
        assertTrue(md.contains("1 of 2 ratios set results of different JMH runs against each other (`split.json`, `"
                + jmhA.getFileName() + "`)"), md);
        JsonNode pairs = new ObjectMapper().readTree(out.resolve("throughput.json").toFile()).get("threadsPerRunSpeedUp");
        assertEquals(List.of("1000x10x1", "4096x256x2"), pairs.findValuesAsText("shape"));
        assertEquals(List.of(false, true), List.of(pairs.get(0).get("sameJmhRun").asBoolean(),
                pairs.get(1).get("sameJmhRun").asBoolean()));
        assertTrue(assertRow(md, "threads inside one run").get(2).startsWith("**met**"), md);
        // gated on 2 threads at 9 µs would meet the relu target; it is not one of its cases.
        assertTrue(assertRow(md, "relu training step").get(2).startsWith("**missed** (1 of 4 cases; worst: gated, 20.0 µs"),
                md);
        assertTrue(Files.readString(out.resolve("summary.md")).contains("1.67×"), "the summary costs gated at 20 µs");

        Map<String, String> zero = new java.util.HashMap<>(twoThreads);
        zero.put(BenchmarkFlops.THREADS_PER_RUN, "0");
        Path bad = new SyntheticJmh().add("TrainingStepBenchmark.step", zero, SyntheticJmh.sixForks(9_000))
                .write(tmp.resolve("bad.json"));
        assertRejected(List.of(bad.toString()), accuracy, "parameter threadsPerRun must be a positive integer, got '0'");
    }

    /**
     * Every pair in one file: the report says both sides ran in one JMH run. (Pairs across files:
     * the test above.)
     */
    @Test
    void speedUpsWithinOneJmhRunSaySo() throws IOException {
        Path both = new SyntheticJmh()
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "plain", "4096x256x2", 1),
                        SyntheticJmh.sixForks(14_000_000))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "plain", "4096x256x2", 2),
                        SyntheticJmh.sixForks(7_500_000))
                .write(tmp.resolve("threads.json"));

        CommandRun o = run("throughput", "--jmh", both.toString(), "--accuracy", accuracy.toString(), "--out",
                out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        assertTrue(md.contains("Both sides of every ratio were timed in one JMH run (one result file), where JMH runs "
                + "a case's one-thread forks and its N-thread forks one after the other."), md);
        assertTrue(!md.contains("different JMH runs"), md);
        assertTrue(new ObjectMapper().readTree(out.resolve("throughput.json").toFile()).get("threadsPerRunSpeedUp")
                .get(0).get("sameJmhRun").asBoolean());
    }

    /**
     * A 2-thread step with its regions' clocks: per iteration the counters are set so that the serial
     * part is exactly 0.2 ms and the caller waits 0.9 ms, whatever the iteration's time. One thread
     * 14 ms; relu: 8 ms on 2 threads (1.75×), shares 6.9 + 7.6 = 14.5 ms against 13.8 ms on one thread,
     * so lost 1 ms = serial 0.1 + slower work 0.35 + hand-over 0.55. silu: 8.5 ms, caller 8.1 ms and
     * waits 0.2 ms, worker 8.2 ms: lost 1.5 ms = 0.1 + 1.25 + 0.15, most of it slower work (16.3 / 13.8).
     */
    @Test
    void aMissedStepSaysWhereItLosesByItsRegionsClocks() throws IOException {
        SyntheticJmh jmh = new SyntheticJmh();
        addRegions(jmh, "relu", 8e6, 0.9e6, 7.6e6);
        addRegions(jmh, "silu", 8.5e6, 0.2e6, 8.2e6);
        Path file = jmh.write(tmp.resolve("regions.json"));

        CommandRun o = run("throughput", "--jmh", file.toString(), "--accuracy", accuracy.toString(), "--out",
                out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        assertTrue(md.contains("| relu | plain | 4096x256x2 | 2 | 7.00 ms | 8.00 ms | 100 µs | 350 µs | 550 µs | 1.05× "
                + "| 2.00 µs |"), md);
        assertTrue(md.contains("| silu | plain | 4096x256x2 | 2 | 7.00 ms | 8.50 ms | 100 µs | 1.25 ms | 150 µs | 1.18× "
                + "| 2.00 µs |"), md);
        assertTrue(md.contains("relu plain 4096x256x2: the step 1.75×"), md);
        assertTrue(md.contains("8.00 ms against the ideal 7.00 ms (one thread's 14.0 ms / 2), 1.00 ms lost: serial work "
                + "100 µs, slower work 350 µs (work ratio 1.05×), hand-over 550 µs. By the regions' clocks, most of the "
                + "loss is in the hand-overs"), md);
        assertTrue(md.contains("1.50 ms lost: serial work 100 µs, slower work 1.25 ms (work ratio 1.18×), hand-over "
                + "150 µs. By the regions' clocks, most of the loss is the work itself running slower on 2 threads than "
                + "on one: the threads spent 1.18× the one-thread time on the same shares"), md);
        JsonNode regions = new ObjectMapper().readTree(out.resolve("throughput.json").toFile()).get("threadsPerRunRegions");
        assertEquals(2, regions.size());
        assertEquals(0.2e6, regions.get(0).get("serialNs").asDouble(), 1);
        assertEquals(0.55e6, regions.get(0).get("lostNs").get("handOver").asDouble(), 1);
        assertEquals(1.25e6, regions.get(1).get("lostNs").get("slowerWork").asDouble(), 1);
        assertEquals(1.5e6, regions.get(1).get("lostNs").get("total").asDouble(), 1);
        assertEquals(8, regions.get(1).get("regionsPerStep").asDouble(), 1e-9);
    }

    /**
     * relu or silu plain 4096x256x2: 14 ms on one thread, {@code twoThreads} ns on two with counters
     * for 10 steps and 80 regions per iteration: serial 0.2 ms, the caller's wait and the worker's
     * share as given, the caller's share whatever is left, workers starting 2 µs after each region.
     */
    private static void addRegions(SyntheticJmh jmh, String activation, double twoThreads, double wait,
                                   double workerShare) {
        double[][] time = SyntheticJmh.sixForks(twoThreads);
        double[][] steps = new double[6][];
        double[][] regions = new double[6][];
        double[][] callerShare = new double[6][];
        double[][] callerWait = new double[6][];
        double[][] worker = new double[6][];
        double[][] start = new double[6][];
        for (int f = 0; f < 6; f++) {
            int n = time[f].length;
            steps[f] = new double[n];
            regions[f] = new double[n];
            callerShare[f] = new double[n];
            callerWait[f] = new double[n];
            worker[f] = new double[n];
            start[f] = new double[n];
            for (int i = 0; i < n; i++) {
                steps[f][i] = 10;
                regions[f][i] = 80;
                callerShare[f][i] = (time[f][i] - 0.2e6 - wait) * 10;
                callerWait[f][i] = wait * 10;
                worker[f][i] = workerShare * 10;
                start[f][i] = 2000 * 80;
            }
        }
        jmh.add("TrainingStepBenchmark.step", SyntheticJmh.model(activation, "plain", "4096x256x2", 1),
                        SyntheticJmh.sixForks(14e6))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model(activation, "plain", "4096x256x2", 2), time)
                .counting("steps", steps).counting("regions", regions).counting("callerShareNanos", callerShare)
                .counting("callerWaitNanos", callerWait).counting("workerShareNanos", worker)
                .counting("workerStartNanos", start);
    }

    /**
     * Forward and backward on 2 threads beside the step: each part against its one-thread twin, and
     * for each step that misses the 1.8× target the bound its parts allow, 1 / (r + f / sf + b / sb),
     * or why there is none. One thread: step 10 ms; 2 threads: step 6.25 ms, 1.60× in every case below.
     */
    @Test
    void eachPartOfASplitStepHasItsSpeedUpAndAMissedStepTheBoundOfItsParts() throws IOException {
        SyntheticJmh jmh = new SyntheticJmh();
        // forward 3 → 1.5 ms (2.00×), backward 6 → 3.2 ms (1.875×), rest 1 ms = 10 %:
        // 1 / (0.1 + 0.3 / 2 + 0.6 / 1.875) = 1 / 0.57 = 1.754, inside the step's interval [1.35, 1.89].
        addParts(jmh, "relu", "plain", 10e6, 3e6, 6e6, 6.25e6, 1.5e6, 3.2e6);
        // forward 5 ms and backward 6 ms alone are more than the 10 ms step: no bound.
        addParts(jmh, "relu", "squared", 10e6, 5e6, 6e6, 6.25e6, 2.5e6, 3e6);
        // Met (14 / 7.5 = 1.87×): parts in the table, no sentence.
        addParts(jmh, "relu", "gated", 14e6, 4e6, 9e6, 7.5e6, 2e6, 4.5e6);
        // Neither part scales (1.00×): bound 1 / (0.1 + 0.3 + 0.6) = 1.00, below the interval.
        addParts(jmh, "silu", "squared", 10e6, 3e6, 6e6, 6.25e6, 3e6, 6e6);
        // Both parts 3.00×: bound 1 / (0.1 + 0.1 + 0.2) = 2.50, above the interval.
        addParts(jmh, "silu", "gated", 10e6, 3e6, 6e6, 6.25e6, 1e6, 2e6);
        // Missed, but on 2 threads only the step was timed: no part rows, no sentence.
        addParts(jmh, "silu", "plain", 10e6, 3e6, 6e6, 6.25e6, Double.NaN, Double.NaN);
        Path split = jmh.write(tmp.resolve("parts.json"));

        CommandRun o = run("throughput", "--jmh", split.toString(), "--accuracy", accuracy.toString(), "--out",
                out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        List<String> step = assertRow(md, "step", "relu", "plain", "4096x256x2", "2", "10.0 ms", "6.25 ms");
        // Six forks a side: the 6th smallest and largest of the 36 pairwise ratios, 1.6 · 11/13 and 1.6 · 13/11.
        assertEquals("1.60× [1.35–1.89]", step.get(7), md);
        assertEquals("80.0 %", step.get(8), md);
        assertTrue(assertRow(md, "forward", "relu", "plain", "4096x256x2", "2", "3.00 ms", "1.50 ms").get(7)
                .startsWith("2.00× ["), md);
        List<String> backward = assertRow(md, "backward", "relu", "plain", "4096x256x2", "2", "6.00 ms", "3.20 ms");
        assertTrue(backward.get(7).startsWith("1.88× ["), md);
        assertEquals("93.8 %", backward.get(8), md);
        List<String> parts = MarkdownTables.withColumn(md, "part").stream()
                .filter(r -> r.get("activation").equals("relu") && r.get("kind").equals("plain")).map(r -> r.get("part"))
                .toList();
        assertEquals(List.of("step", "forward", "backward"), parts, "the whole step first, then its parts");
        assertTrue(MarkdownTables.rowStartingWith(md, "forward", "silu", "plain", "4096x256x2", "2").isEmpty(), md);

        assertTrue(md.contains("- relu plain 4096x256x2: the step 1.60× [1.35–1.89] on 2 threads against the target's "
                + "1.80×; forward 2.00× and backward 1.88× on 2 threads. The rest of the one-thread step (step − forward "
                + "− backward: Adam, which stays on the caller's thread, and the loop) is 10.0 % of it (forward 30.0 %, "
                + "backward 60.0 %). If that rest stayed serial and forward and backward scaled as measured, the step "
                + "would reach at most 1 / (0.100 + 0.300 / 2.00 + 0.600 / 1.88). Amdahl bound from the measured parts: "
                + "1.75×; the measured step speed-up, 1.60×, is near it (the bound lies inside its interval).\n"), md);
        assertTrue(md.contains("- relu squared 4096x256x2: the step 1.60× [1.35–1.89] on 2 threads against the target's "
                + "1.80×; forward 2.00× and backward 2.00× on 2 threads. The rest of the one-thread step (step − forward "
                + "− backward) comes out at -10.0 % of it: forward and backward timed alone took longer than the whole "
                + "step, so the parts do not add up and give no bound.\n"), md);
        assertTrue(md.contains("Amdahl bound from the measured parts: 1.00×; the measured step speed-up, 1.60×, is above "
                + "it, beyond its interval"), md);
        assertTrue(md.contains("Amdahl bound from the measured parts: 2.50×; the measured step speed-up, 1.60×, is below "
                + "it, beyond its interval"), md);
        assertTrue(!md.contains("- relu gated 4096x256x2") && !md.contains("- silu plain 4096x256x2"),
                "a met step, and one without its parts on 2 threads, get no sentence: " + md);
        assertTrue(assertRow(md, "threads inside one run").get(2).startsWith("**missed** (5 of 6 cases"),
                "the target counts the steps alone: " + md);

        JsonNode json = new ObjectMapper().readTree(out.resolve("throughput.json").toFile());
        assertEquals(List.of("step", "forward", "backward"), json.get("threadsPerRunSpeedUp").findValuesAsText("part")
                .subList(0, 3));
        JsonNode bounds = json.get("threadsPerRunParts");
        assertEquals(5, bounds.size(), "every step with both parts on 2 threads: " + bounds);
        JsonNode plain = bounds.get(0);
        assertEquals("plain", plain.get("kind").asText());
        assertEquals(0.1, plain.get("oneThreadShares").get("rest").asDouble(), 1e-12);
        assertEquals(1.875, plain.get("speedUp").get("backward").asDouble(), 1e-12);
        assertEquals(1 / 0.57, plain.get("amdahlBound").asDouble(), 1e-12);
        assertEquals(1.8, plain.get("targetLimit").asDouble(), 1e-12);
        assertEquals(false, plain.get("targetMet").asBoolean());
        JsonNode squared = bounds.get(1);
        assertEquals(false, squared.get("partsAddUp").asBoolean());
        assertTrue(squared.get("amdahlBound").isNull(), squared.toString());
    }

    /**
     * Step, forward and backward of one case at 4096x256x2 on 1 and on 2 threads per run (ns); a NaN
     * 2-thread forward and backward leaves those two out.
     */
    private static void addParts(SyntheticJmh jmh, String activation, String kind, double step1, double forward1,
                                 double backward1, double step2, double forward2, double backward2) {
        String[] methods = {"step", "forward", "backward"};
        double[][] ns = {{step1, forward1, backward1}, {step2, forward2, backward2}};
        for (int threads = 1; threads <= 2; threads++) {
            Map<String, String> params = SyntheticJmh.model(activation, kind, "4096x256x2", threads);
            for (int m = 0; m < methods.length; m++) {
                if (!Double.isNaN(ns[threads - 1][m])) {
                    jmh.add("TrainingStepBenchmark." + methods[m], params, SyntheticJmh.sixForks(ns[threads - 1][m]));
                }
            }
        }
    }

    /**
     * JMH results the PyTorch explanations read: relu and silu plain steps at the study's size with
     * their forward and backward, the epilogues at 0.1 and 0.5 ns per unit, and the roof.
     */
    private Path peerJmh() {
        return studySizeParts(1_250).add("FmaRoofBenchmark.fma12", Map.of(), SyntheticJmh.sixForks(ROOF_NS))
                .write(tmp.resolve("peer-jmh.json"));
    }

    /**
     * relu and silu plain steps at the study's size with their forward and backward (relu's backward
     * as given, in ns), and the epilogues at 0.1 and 0.5 ns per unit (256 · 4096 units per call).
     */
    private static SyntheticJmh studySizeParts(double reluBackwardNs) {
        Map<String, String> epilogueRelu = Map.of("activation", "relu", "kind", "plain", "width", "256", "samples", "4096");
        Map<String, String> epilogueSilu = Map.of("activation", "silu", "kind", "plain", "width", "256", "samples", "4096");
        return new SyntheticJmh()
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "plain", "1000x10x1"), SyntheticJmh.sixForks(3_000))
                .add("TrainingStepBenchmark.forward", SyntheticJmh.model("relu", "plain", "1000x10x1"), SyntheticJmh.sixForks(1_500))
                .add("TrainingStepBenchmark.backward", SyntheticJmh.model("relu", "plain", "1000x10x1"), SyntheticJmh.sixForks(reluBackwardNs))
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("silu", "plain", "1000x10x1"), SyntheticJmh.sixForks(7_000))
                .add("TrainingStepBenchmark.forward", SyntheticJmh.model("silu", "plain", "1000x10x1"), SyntheticJmh.sixForks(5_500))
                .add("TrainingStepBenchmark.backward", SyntheticJmh.model("silu", "plain", "1000x10x1"), SyntheticJmh.sixForks(1_300))
                .add("ActivationEpilogueBenchmark.forward", epilogueRelu, SyntheticJmh.sixForks(0.1 * 256 * 4096))
                .add("ActivationEpilogueBenchmark.forward", epilogueSilu, SyntheticJmh.sixForks(0.5 * 256 * 4096));
    }

    /** Two study-size misses, a miss of the 1× target, two cases met (one within noise) and one without a target. */
    private static SyntheticPeer peerFile() {
        return SyntheticPeer.atThisWidth()
                .add("relu", "plain", "1000x10x1", 3_000, 120_000, 40, 37, 43, 100.0)
                .add("silu", "plain", "1000x10x1", 7_000, 140_000, 20, 19, 21, 100.0)
                .add("relu", "plain", "4096x256x2", 10e6, 20e6, 2, 1.8, 2.2, 1.0)
                .add("silu", "plain", "4096x256x2", 20e6, 17.5e6, 0.875, 0.85, 0.9, 1.0)
                .add("silu", "squared", "4096x256x2", 20e6, 20.4e6, 1.02, 0.95, 1.1, 1.0)
                .add("relu", "plain", "64x4x1", 1_000, 50_000, 50, 45, 55, null);
    }

    /**
     * --peer: the file's cases as it states them, each miss explained from this report's results
     * (a target above 1×: the time budget against the step's parts, and SiLU's sigmoid; 1×: both
     * rates against the roof), and its targets among the report's; without --peer the report is as before.
     */
    @Test
    void aPeerFileSetsPyTorchBesidePolygateAndEachMissIsExplainedFromTheseResults() throws IOException {
        Path jmh = peerJmh();
        Path peer = peerFile().write(tmp.resolve("peer-torch.json"));

        CommandRun o = run("throughput", "--jmh", jmh.toString(), "--peer", peer.toString(), "--accuracy",
                accuracy.toString(), "--out", out.toString());

        assertEquals(0, o.code(), o.err());
        // Own targets: relu and silu steps met, 4 not measured; the file's: both shapes missed.
        assertTrue(o.out().startsWith("throughput: 9 JMH results from 1 file; targets: 2 met, 2 missed, 4 not measured"),
                o.out());
        String md = Files.readString(out.resolve("throughput.md"));
        assertTrue(md.contains("## Against PyTorch (from `" + peer + "`)"), md);
        String section = md.substring(md.indexOf("## Against PyTorch"), md.indexOf("## Targets"));
        assertTrue(section.contains(VectorSetting.current().describe() + " (checked to be this report's), 1 thread per "
                + "step; PyTorch 1.13.0a0, 1 thread."), section);
        assertRow(section, "relu", "plain", "1000x10x1", "3.00 µs [2.85–3.15]", "120 µs [114–126]", "40.0× [37.0–43.0]",
                "≥ 100×", "missed");
        assertRow(section, "relu", "plain", "4096x256x2", "10.0 ms [9.50–10.5]", "20.0 ms [19.0–21.0]",
                "2.00× [1.80–2.20]", "≥ 1.00×", "met");
        assertEquals("met, within noise", assertRow(section, "silu", "squared", "4096x256x2").get(7));
        assertEquals(List.of("—", "no target"), assertRow(section, "relu", "plain", "64x4x1").subList(6, 8));

        // 100× of PyTorch's 120 µs leaves 1.20 µs; forward 1.50 and backward 1.25 µs are each over it.
        assertTrue(section.contains("- relu plain 1000x10x1: 40.0× against ≥ 100×. 100× needs a step of ≤ 1.20 µs "
                + "(PyTorch's 120 µs ÷ 100); polygate's step takes 3.00 µs, its forward alone 1.50 µs and its backward "
                + "1.25 µs (this report, 1 thread): each alone is over that budget.\n"), section);
        // 1.40 µs; the backward's 1.30 µs fits, the forward's 5.50 does not; (0.5 − 0.1) ns × 10 000 units = 4.00 µs = 2.86 × 1.40 µs.
        assertTrue(section.contains("- silu plain 1000x10x1: 20.0× against ≥ 100×. 100× needs a step of ≤ 1.40 µs "
                + "(PyTorch's 140 µs ÷ 100); polygate's step takes 7.00 µs, its forward alone 5.50 µs and its backward "
                + "1.30 µs (this report, 1 thread): the forward alone is over that budget. SiLU's sigmoid alone costs a "
                + "step 4.00 µs more than ReLU's max (0.400 ns more per hidden unit, ActivationEpilogueBenchmark at width "
                + "256 × 4096 samples, × 10000 units), 2.86× the budget.\n"), section);
        long flops = dev.polygate.kernel.FlopCount.trainingStep(new dev.polygate.model.ModelSpec(SILU, PLAIN, 256, 2), 4096);
        double roofGflops = BenchmarkFlops.roofFlops() / ROOF_NS;
        assertTrue(section.contains("- silu plain 4096x256x2: 0.875× against ≥ 1.00×. One step is " + NumberText.si(flops)
                + "FLOP (polygate's count of the same step, kernel/FlopCount): at PyTorch's 17.5 ms per step that is "
                + NumberText.threeDigits(flops / 17.5e6) + " GFLOP/s, " + NumberText.percent(flops / 17.5e6 / roofGflops)
                + " of this report's FMA roof (" + NumberText.threeDigits(roofGflops) + " GFLOP/s on one core); at "
                + "polygate's 20.0 ms, " + NumberText.threeDigits(flops / 20e6) + " GFLOP/s, "
                + NumberText.percent(flops / 20e6 / roofGflops) + ". PyTorch's matrix products run in its BLAS "
                + "(BLAS_INFO=open in torch's build configuration; mapped: `/usr/lib/x86_64-linux-gnu/libopenblas.so.0`), "
                + "which this JVM's UseAVX=" + VectorSetting.current().useAvx() + " does not hold (the peer file does "
                + "not name the OpenBLAS kernels it ran).\n"), section);
        assertEquals(3, section.lines().filter(l -> l.startsWith("- ")).count(), "one explanation per miss: " + section);

        assertTrue(assertRow(md, "against PyTorch at 1000x10x1").get(2).startsWith("**missed** (2 of 2 cases; worst: "
                + "silu plain, 20.0×"), md);
        assertTrue(assertRow(md, "against PyTorch at 4096x256x2").get(1).contains("≥ 1.00× for every case of `" + peer
                + "`"), md);
        assertTrue(assertRow(md, "against PyTorch at 4096x256x2", "silu squared", "1.02× [0.950–1.10]", "≥ 1.00×")
                .get(4).endsWith("within noise"), md);

        JsonNode json = new ObjectMapper().readTree(out.resolve("throughput.json").toFile());
        JsonNode cases = json.get("againstPyTorch").get("cases");
        assertEquals(6, cases.size());
        JsonNode budget = cases.get(1).get("missExplained");
        assertEquals("time budget", budget.get("kind").asText());
        assertEquals(1_400, budget.get("budgetNs").asDouble(), 1e-9);
        assertEquals(5_500, budget.get("forwardNs").asDouble(), 1e-9);
        assertEquals(4_000, budget.get("sigmoidNsPerStep").asDouble(), 1e-6);
        assertTrue(cases.get(2).get("missExplained") == null, "met: nothing to explain");
        JsonNode rate = cases.get(3).get("missExplained");
        assertEquals(flops, rate.get("flopsPerStep").asLong());
        assertEquals(flops / 17.5e6 / roofGflops, rate.get("torchFractionOfRoof").asDouble(), 1e-12);
        assertTrue(json.get("targets").findValuesAsText("name").contains("against PyTorch at 4096x256x2"));

        // Without --peer: no section, no PyTorch targets, nothing else changed.
        Path before = tmp.resolve("without-peer");
        CommandRun without = run("throughput", "--jmh", jmh.toString(), "--accuracy", accuracy.toString(), "--out",
                before.toString());
        assertEquals(0, without.code(), without.err());
        String plain = Files.readString(before.resolve("throughput.md"));
        assertEquals(plain, (md.substring(0, md.indexOf("## Against PyTorch")) + md.substring(md.indexOf("## Targets")))
                .lines().filter(l -> !l.contains("against PyTorch at")).map(l -> l + "\n").collect(Collectors.joining()));
        JsonNode withoutJson = new ObjectMapper().readTree(before.resolve("throughput.json").toFile());
        assertTrue(withoutJson.get("againstPyTorch") == null, withoutJson.toString());
    }

    /**
     * A peer file that names PyTorch's OpenBLAS core: the rate explanation says which kernels ran,
     * with their instruction set, and whether OPENBLAS_CORETYPE forced them; throughput.json has them.
     */
    @Test
    void theRateExplanationNamesTheOpenBlasKernelsPyTorchRan() throws IOException {
        Path jmh = peerJmh();
        Path forced = peerFile().openblas("Haswell", "Haswell").write(tmp.resolve("peer-haswell.json"));

        CommandRun o = run("throughput", "--jmh", jmh.toString(), "--peer", forced.toString(), "--accuracy",
                accuracy.toString(), "--out", out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        assertTrue(md.contains("/libopenblas.so.0`), which this JVM's UseAVX=" + VectorSetting.current().useAvx()
                + " does not hold: OpenBLAS ran its Haswell kernels (AVX2 + FMA, 8 float lanes, in sgemm), forced with "
                + "OPENBLAS_CORETYPE=Haswell.\n"), md);
        JsonNode torchSide = new ObjectMapper().readTree(out.resolve("throughput.json").toFile()).get("againstPyTorch")
                .get("torchSide");
        assertEquals("Haswell", torchSide.get("openblasCore").asText());
        assertEquals("AVX2 + FMA", torchSide.get("openblasIsa").asText());
        assertEquals(8, torchSide.get("openblasFloatLanes").asInt());
        assertEquals("Haswell", torchSide.get("openblasCoretype").asText());

        Path chosen = peerFile().openblas("SkylakeX", null).write(tmp.resolve("peer-skylakex.json"));
        assertEquals(0, run("throughput", "--jmh", jmh.toString(), "--peer", chosen.toString(), "--accuracy",
                accuracy.toString(), "--out", out.toString()).code());
        assertTrue(Files.readString(out.resolve("throughput.md")).contains(" does not hold: OpenBLAS ran its SkylakeX "
                + "kernels (AVX-512, 16 float lanes, in sgemm), chosen by OpenBLAS for this CPU.\n"));

        SyntheticPeer numbered = peerFile().openblas("Haswell", null);
        numbered.torchSide().put("openblasCore", 20);
        Path bad = numbered.write(tmp.resolve("peer-bad-core.json"));
        assertRejected(List.of("throughput", "--jmh", jmh.toString(), "--peer", bad.toString(), "--accuracy",
                accuracy.toString(), "--out", tmp.resolve("not-written").toString()),
                "--peer " + bad + ": torchSide.openblasCore is a number, expected a string");
    }

    /**
     * A --peer file that is missing, not JSON, not a peer report, lacks a field, states a verdict
     * its numbers do not give, or ran polygate at another vector width or UseAVX level: one line,
     * exit 2, and the old report untouched.
     */
    @Test
    void aPeerFileThatIsNoneOrOfAnotherWidthIsOneLineExitTwoAndWritesNothing() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("throughput.md"), "OLD");
        Path missing = tmp.resolve("nope.json");
        Path notJson = Files.writeString(tmp.resolve("torn.json"), "{\"polygateSide\": ");
        Path empty = Files.writeString(tmp.resolve("object.json"), "{}");
        SyntheticPeer noTime = peerFile();
        noTime.lastCase().remove("torchNanosPerStep");
        SyntheticPeer wrongVerdict = SyntheticPeer.atThisWidth().add("relu", "plain", "1000x10x1", 3_000, 120_000,
                40, 37, 43, 100.0);
        wrongVerdict.lastCase().put("targetMet", true);
        VectorSetting here = VectorSetting.current();
        SyntheticPeer otherWidth = new SyntheticPeer(here.lanes() == 16 ? 8 : 16, here.lanes() == 16 ? "2" : "3", 1)
                .add("relu", "plain", "1000x10x1", 3_000, 120_000, 40, 37, 43, 100.0);
        SyntheticPeer otherAvx = new SyntheticPeer(here.lanes(), here.useAvx().equals("1") ? "2" : "1", 1)
                .add("relu", "plain", "1000x10x1", 3_000, 120_000, 40, 37, 43, 100.0);
        Path jmh = peerJmh();

        java.util.function.BiConsumer<Path, String> refused = (peer, mention) -> assertRejected(List.of("throughput",
                "--jmh", jmh.toString(), "--peer", peer.toString(), "--accuracy", accuracy.toString(), "--out",
                out.toString()), mention);
        refused.accept(missing, "--peer " + missing + " does not exist");
        refused.accept(notJson, "--peer " + notJson + " is not valid JSON");
        refused.accept(jmhA, "--peer " + jmhA + " is not a peer report (an array, not an object): --peer takes the "
                + "peer-torch.json written by polygate peer-report, which bin/compare-torch runs");
        refused.accept(empty, "--peer " + empty + " is not a peer report (no polygateSide, torchSide and cases)");
        Path noTimeFile = noTime.write(tmp.resolve("no-time.json"));
        refused.accept(noTimeFile, "--peer " + noTimeFile + ": cases[5].torchNanosPerStep is missing");
        refused.accept(wrongVerdict.write(tmp.resolve("verdict.json")), "cases[0].targetMet is true but its ratio 40.0 "
                + "against its target 100 gives false");
        Path otherWidthFile = otherWidth.write(tmp.resolve("width.json"));
        refused.accept(otherWidthFile, "--peer " + otherWidthFile + ": its polygate side ran at "
                + new VectorSetting(here.lanes() == 16 ? 8 : 16, here.lanes() == 16 ? "2" : "3", false).describe()
                + " but this report's JMH forks and JVM at " + here.describe());
        refused.accept(otherAvx.write(tmp.resolve("avx.json")), "but this report's JMH forks and JVM at " + here.describe());

        assertEquals(List.of("throughput.md"), Files.list(out).map(p -> p.getFileName().toString()).toList());
        assertEquals("OLD", Files.readString(out.resolve("throughput.md")));
    }

    /** JMH's bookkeeping (KB per iteration of a slow op) is not flagged; a boxed fast loop is. */
    @Test
    void allocationIsFlaggedByRateNotByBytesPerOperation() throws IOException {
        Path gc = new SyntheticJmh()
                .add("DenseLayerBenchmark.product", Map.of("activation", "relu", "kind", "plain", "width", "256",
                        "samples", "4096"), SyntheticJmh.sixForks(PRODUCT_NS)).allocating(2000)
                .add("ExpBenchmark.handWritten", Map.of("size", "4096"), SyntheticJmh.sixForks(12_000)).allocating(49_000)
                .write(tmp.resolve("gc.json"));

        CommandRun o = run("throughput", "--jmh", gc.toString(), "--accuracy", accuracy.toString(), "--out", out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        String section = md.substring(md.indexOf("## Allocation"), md.indexOf("## Targets"));
        assertTrue(section.contains("1 of 2 benchmarks do not"), section);
        assertRow(section, "ExpBenchmark.handWritten", "size=4096", "49.0 k", "4.08 G");
        assertTrue(MarkdownTables.rowStartingWith(section, "DenseLayerBenchmark.product").isEmpty(), section);
    }

    /**
     * The two files: a single shot of 1000 calls of 4 ms is 4 µs per call, and JMH 1.36
     * names the allocation "·gc.alloc.rate.norm" (48 MB per batch of 1000 is 48 kB per call).
     */
    @Test
    void singleShotBatchesAndJmh136AllocationAreReadPerCall() throws IOException {
        Path ss = new SyntheticJmh()
                .add("ExpBenchmark.handWritten", Map.of("size", "4096"), SyntheticJmh.sixForks(4_000_000))
                .with("jmhVersion", "1.36").with("mode", "ss").with("measurementBatchSize", 1000)
                .allocating(48_000_000, "\u00b7gc.alloc.rate.norm", "B/op")
                .write(tmp.resolve("ss.json"));

        CommandRun o = run("throughput", "--jmh", ss.toString(), "--accuracy", accuracy.toString(), "--out", out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        assertRow(md, "handWritten", "4096", "4.00 µs [3.33–4.67]", "0.977", "1.02");
        String allocation = md.substring(md.indexOf("## Allocation"), md.indexOf("## Targets"));
        assertRow(allocation, "ExpBenchmark.handWritten", "size=4096", "48.0 k", "12.0 G");
        JsonNode result = new ObjectMapper().readTree(out.resolve("throughput.json").toFile()).get("results").get(0);
        assertEquals(4000, result.get("nsPerOp").get("median").asDouble());
        assertEquals("ss", result.get("mode").asText());
    }

    /** What JmhJson cannot convert exactly is refused before anything is written. */
    @Test
    void unsupportedJmhSettingsAreExitTwoAndLeaveTheOldReportAlone() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("throughput.md"), "OLD");
        Map<String, String> size = Map.of("size", "4096");
        double[][] raw = SyntheticJmh.sixForks(4096);
        Path sample = new SyntheticJmh().add("ExpBenchmark.handWritten", size, raw).with("mode", "sample")
                .write(tmp.resolve("sample.json"));
        Path all = new SyntheticJmh().add("ExpBenchmark.handWritten", size, raw).with("mode", "all")
                .write(tmp.resolve("all.json"));
        Path threads = new SyntheticJmh().add("ExpBenchmark.handWritten", size, raw, "ops/ms").with("threads", 2)
                .write(tmp.resolve("threads.json"));
        Path batch = new SyntheticJmh().add("ExpBenchmark.handWritten", size, raw).with("measurementBatchSize", 0)
                .write(tmp.resolve("batch.json"));
        Path unit = new SyntheticJmh().add("ExpBenchmark.handWritten", size, raw, "ns/call")
                .write(tmp.resolve("unit.json"));
        Path mismatch = new SyntheticJmh().add("ExpBenchmark.handWritten", size, raw, "ops/s").with("mode", "avgt")
                .write(tmp.resolve("mismatch.json"));
        Path allocation = new SyntheticJmh().add("ExpBenchmark.handWritten", size, raw)
                .allocating(48, "gc.alloc.rate.norm", "KB/op").write(tmp.resolve("kb.json"));
        Path oldBatches = new SyntheticJmh().add("ExpBenchmark.handWritten", size, raw).with("jmhVersion", "1.26")
                .with("measurementBatchSize", 10).write(tmp.resolve("old.json"));

        assertRejected(List.of(jmhA.toString(), sample.toString()), accuracy, sample + ": result 0 "
                + "(dev.polygate.bench.ExpBenchmark.handWritten): mode 'sample' keeps a histogram");
        assertRejected(List.of(all.toString()), accuracy, "mode 'all' is not supported (allowed modes: avgt, thrpt, ss)");
        assertRejected(List.of(threads.toString()), accuracy, "threads 2 is not supported (allowed: 1;");
        assertRejected(List.of(batch.toString()), accuracy, "\"measurementBatchSize\" is 0, not a positive whole number");
        assertRejected(List.of(unit.toString()), accuracy, "scoreUnit 'ns/call' is not supported for mode avgt "
                + "(allowed: ns/op, us/op, ms/op, s/op, min/op, hr/op, day/op)");
        assertRejected(List.of(mismatch.toString()), accuracy, "scoreUnit 'ops/s' is not supported for mode avgt");
        assertRejected(List.of(allocation.toString()), accuracy,
                "secondary metric gc.alloc.rate.norm has scoreUnit 'KB/op' (allowed: B/op)");
        assertRejected(List.of(oldBatches.toString()), accuracy, "measurementBatchSize 10 in mode avgt from JMH 1.26 "
                + "is not supported");

        assertEquals(List.of("throughput.md"), Files.list(out).map(p -> p.getFileName().toString()).toList());
        assertEquals("OLD", Files.readString(out.resolve("throughput.md")));
    }

    @Test
    void activationEpilogueTableHasTimePerUnitAndGflops() throws IOException {
        Path epilogue = new SyntheticJmh()
                .add("ActivationEpilogueBenchmark.forward", Map.of("activation", "int-silu", "kind", "plain", "width",
                        "256", "samples", "4096"), SyntheticJmh.sixForks(2_097_152))
                .write(tmp.resolve("epilogue.json"));

        CommandRun o = run("throughput", "--jmh", epilogue.toString(), "--accuracy", accuracy.toString(), "--out",
                out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        String section = md.substring(md.indexOf("## Activation epilogue (ActivationEpilogueBenchmark)"),
                md.indexOf("## exp"));
        // 2.10 ms over 4096 samples · 256 units = 2.00 ns; FLOPs 256 · (2 + 29 + 30) · 4096 over 2.10 ms:
        // w·x + b, SiLU's σ (sigmoid 27, z clamped, z·s), the table.
        assertRow(section, "int-silu", "plain", "256", "4096", "2.10 ms [1.75–2.45]", "2.00",
                NumberText.threeDigits(256.0 * 61 * 4096 / 2_097_152), "n/a (no roof result)");
    }

    @Test
    void withoutARoofResultEveryPercentOfRoofSaysSo() throws IOException {
        Path noRoof = new SyntheticJmh()
                .add("DenseLayerBenchmark.product", Map.of("activation", "relu", "kind", "plain", "width", "256",
                        "samples", "4096"), SyntheticJmh.sixForks(PRODUCT_NS))
                .write(tmp.resolve("noroof.json"));

        CommandRun o = run("throughput", "--jmh", jmhA.toString(), "--jmh", noRoof.toString(), "--accuracy", accuracy.toString(), "--out",
                out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        List<String> product = assertRow(md, "product", "relu", "plain", "256", "4096", "66561");
        assertEquals("n/a (no roof result)", product.get(product.size() - 1));
        // Without a roof the roof target, without a vector/scalar pair the speed-up target, is not measured.
        JsonNode targets = new ObjectMapper().readTree(out.resolve("throughput.json").toFile()).get("targets");
        java.util.Map<String, String> status = new java.util.HashMap<>();
        targets.forEach(t -> status.put(t.get("name").asText(), t.get("status").asText()));
        assertEquals("not measured", status.get("dense product vs roof"), targets.toString());
        assertEquals("not measured", status.get("vector speed-up"), targets.toString());
        assertTrue(assertRow(md, "dense product vs roof").get(2).contains("FmaRoofBenchmark.fma12"), md);
    }

    @Test
    void badInputIsOneLineExitTwoAndLeavesTheOldReportAlone() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("throughput.md"), "OLD");
        Path missing = tmp.resolve("missing.json");
        Path empty = Files.writeString(tmp.resolve("empty.json"), "");
        Path malformed = Files.writeString(tmp.resolve("malformed.json"), "[{\"benchmark\": ");
        Path object = Files.writeString(tmp.resolve("object.json"), "{}");
        Path emptyArray = Files.writeString(tmp.resolve("emptyarray.json"), "[]");
        Path unknown = new SyntheticJmh().add("FmaRoofBenchmark.fma24", Map.of(), new double[][] {{1}})
                .write(tmp.resolve("unknown.json"));
        Path badAccuracy = Files.writeString(Files.createDirectories(tmp.resolve("bad")).resolve("sweep-runs.jsonl"),
                "{\"runs\": [\n");
        Path torn = Files.writeString(Files.createDirectories(tmp.resolve("torn")).resolve("sweep-runs.jsonl"),
                "{\"runs\": [");
        Path notSweep = Files.createDirectories(tmp.resolve("empty-dir"));

        assertRejected(List.of(jmhA.toString(), missing.toString()), accuracy, missing + " does not exist");
        assertRejected(List.of(empty.toString()), accuracy, empty + " is empty");
        assertRejected(List.of(malformed.toString()), accuracy, malformed + " is not valid JSON");
        assertRejected(List.of(object.toString()), accuracy, object + " is not a JMH result array");
        assertRejected(List.of(emptyArray.toString()), accuracy, emptyArray + " holds no results");
        assertRejected(List.of(unknown.toString()), accuracy, "FmaRoofBenchmark.fma24) is not a known benchmark");
        assertRejected(List.of(jmhA.toString()), badAccuracy, badAccuracy + " line 1 is not a polygate run record: "
                + "not JSON");
        assertRejected(List.of(jmhA.toString()), torn, torn + " is not the run store of one polygate sweep (it holds "
                + "no runs)");
        assertRejected(List.of(jmhA.toString()), notSweep, notSweep.resolve("sweep-runs.jsonl") + " does not exist");
        assertRejected(List.of(jmhA.toString()), tmp.resolve("nope.json"), "--accuracy " + tmp.resolve("nope.json")
                + " does not exist");

        assertEquals(List.of("throughput.md"), Files.list(out).map(p -> p.getFileName().toString()).toList());
        assertEquals("OLD", Files.readString(out.resolve("throughput.md")));
    }

    @Test
    void flagsAreChecked() {
        CommandRun noJmh = run("throughput", "--out", out.toString());
        assertEquals(2, noJmh.code());
        assertEquals("polygate: throughput: --jmh is required", noJmh.err().strip());
        CommandRun help = run("throughput", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("usage: polygate throughput --jmh FILE [--jmh FILE ...]"), help.out());
    }

    private void assertRejected(List<String> jmh, Path accuracyFile, String mustMention) {
        List<String> args = new ArrayList<>(List.of("throughput"));
        jmh.forEach(file -> args.addAll(List.of("--jmh", file)));
        args.addAll(List.of("--accuracy", accuracyFile.toString(), "--out", out.toString()));
        assertRejected(args, mustMention);
    }

    /** The command line is refused: exit 2, one line on stderr that mentions {@code mustMention}. */
    private void assertRejected(List<String> args, String mustMention) {
        CommandRun o = run(args.toArray(String[]::new));
        assertEquals(2, o.code(), "exit code; stderr: " + o.err());
        String[] lines = o.err().strip().split("\n");
        assertEquals(1, lines.length, "one line on stderr: " + o.err());
        assertTrue(lines[0].startsWith("polygate: throughput: "), lines[0]);
        assertTrue(lines[0].contains(mustMention), "'" + lines[0] + "' should mention '" + mustMention + "'");
    }

    /**
     * JFR profiles (top-frames.tsv, as dev.polygate.bench.TopFrames writes them): the tiles' share of
     * the samples (tile8x2 and its writeback storeRow), the largest other frames, and the tiles' own
     * rate: the product at 75 % of the roof with its tiles on 90 % of the samples runs them at
     * 75 / 90 = 83.3 % of the roof.
     */
    @Test
    void profilesSplitTheProductIntoItsTilesAndTheRest() throws IOException {
        Path profiles = tmp.resolve("profiles");
        Map<String, String> params = Map.of("activation", "relu", "kind", "plain", "width", "256", "samples", "4096");
        writeProfile(profiles.resolve("a"), "dev.polygate.bench.DenseLayerBenchmark.product", params,
                "--add-modules=jdk.incubator.vector", 1000, "dev.polygate.kernel.VectorKernels.tile8x2\t500",
                "dev.polygate.kernel.VectorKernels.storeRow\t400", "dev.polygate.kernel.VectorKernels.packPanel\t60",
                "java.util.Arrays.fill\t40");

        CommandRun o = run("throughput", "--jmh", jmhA.toString(), "--jmh", jmhB.toString(), "--accuracy",
                accuracy.toString(), "--profiles", profiles.toString(), "--out", out.toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("throughput.md"));
        double tileGflops = PRODUCT_FLOPS / (PRODUCT_NS * 0.9);
        assertTrue(md.contains("| DenseLayerBenchmark.product | activation=relu kind=plain samples=4096 width=256 | "
                + NumberText.nanoseconds(PRODUCT_NS) + " | 1000 | " + NumberText.percent(0.9) + " | VectorKernels.packPanel "
                + NumberText.percent(0.06) + ", Arrays.fill " + NumberText.percent(0.04) + " | "
                + NumberText.threeDigits(tileGflops) + " GFLOP/s | " + NumberText.percent(0.75 / 0.9) + " |"), md);
        assertTrue(md.contains("While its register tiles run, the product reaches " + NumberText.percent(0.75 / 0.9)
                + " of the roof"), md);
        JsonNode json = new ObjectMapper().readTree(out.resolve("throughput.json").toFile());
        assertEquals(0.9, json.get("profiles").get(0).get("tileShare").asDouble(), 1e-12);
        assertEquals(500, json.get("profiles").get(0).get("topFrames").get("dev.polygate.kernel.VectorKernels.tile8x2")
                .asLong());

        CommandRun without = runReport();
        assertEquals(0, without.code(), without.err());
        assertTrue(!Files.readString(out.resolve("throughput.md")).contains("JFR profile"), "no section without --profiles");
    }

    @Test
    void badProfilesAreOneLineExitTwo() throws IOException {
        Map<String, String> params = Map.of("activation", "relu", "kind", "plain", "width", "256", "samples", "4096");
        String product = "dev.polygate.bench.DenseLayerBenchmark.product";
        String vector = "--add-modules=jdk.incubator.vector";
        Path mismatch = writeProfile(tmp.resolve("mismatch/a"), product, params, vector, 10, "m.x\t9");
        Path avx2 = writeProfile(tmp.resolve("avx2/a"), product, params, vector + " -XX:UseAVX=2", 10, "m.x\t10");
        Path badCount = writeProfile(tmp.resolve("count/a"), product, params, vector, 10, "m.x\tten");
        Path badLine = Files.writeString(Files.createDirectories(tmp.resolve("line/a")).resolve("top-frames.tsv"),
                "benchmark\tx\nstack\tx\n");
        Path empty = Files.createDirectories(tmp.resolve("none"));
        List<String> base = List.of("throughput", "--jmh", jmhB.toString(), "--accuracy", accuracy.toString(),
                "--out", out.toString(), "--profiles");
        java.util.function.Function<Path, List<String>> with = dir -> {
            List<String> args = new ArrayList<>(base);
            args.add(dir.toString());
            return args;
        };
        assertRejected(with.apply(tmp.resolve("mismatch")), mismatch + ": its frames count 9 samples, its samples line 10");
        assertRejected(with.apply(tmp.resolve("avx2")), avx2 + ": the JMH forks ran with -XX:UseAVX=2");
        assertRejected(with.apply(tmp.resolve("count")), badCount + " line 9: 'ten' is not a sample count");
        assertRejected(with.apply(tmp.resolve("line")), badLine + " line 2 starts with 'stack'");
        assertRejected(with.apply(empty), "--profiles " + empty + " holds no top-frames.tsv");
        assertRejected(with.apply(tmp.resolve("nowhere")), "--profiles " + tmp.resolve("nowhere") + " is not a directory");
        assertTrue(!Files.exists(out), "nothing written");
    }

    /** A top-frames.tsv as TopFrames writes it; frames as "method\tcount" lines. */
    private static Path writeProfile(Path dir, String benchmark, Map<String, String> params, String jvmArgs,
                                     long samples, String... frames) throws IOException {
        StringBuilder s = new StringBuilder("# a profile\nbenchmark\t" + benchmark + "\n");
        new java.util.TreeMap<>(params).forEach((k, v) -> s.append("param\t").append(k).append('\t').append(v).append('\n'));
        s.append("jvmArgs\t").append(jvmArgs).append("\nsamples\t").append(samples).append('\n');
        for (String f : frames) {
            s.append("frame\t").append(f).append('\n');
        }
        return Files.writeString(Files.createDirectories(dir).resolve("top-frames.tsv"), s);
    }

    /** --jmh is one file per flag, repeated for several: a path may hold a comma; a file given twice is refused. */
    @Test
    void jmhFilesAreRepeatedFlagsSoAPathMayHoldAComma() throws IOException {
        Path dirWithComma = Files.createDirectories(tmp.resolve("runs,2026"));
        Path copy = Files.copy(jmhA, dirWithComma.resolve("a,b.json"));
        CommandRun o = run("throughput", "--jmh", copy.toString(), "--jmh", jmhB.toString(), "--accuracy",
                accuracy.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("2 files"), o.out());
        CommandRun twice = run("throughput", "--jmh", jmhB.toString(), "--jmh", jmhB.toString(), "--accuracy",
                accuracy.toString(), "--out", out.toString());
        assertEquals(2, twice.code());
        assertTrue(twice.err().strip().endsWith("twice"), twice.err());
    }

    /** The cells of the table row that starts with {@code leading}; fails naming the report otherwise. */
    private static List<String> assertRow(String md, String... leading) {
        return MarkdownTables.rowStartingWith(md, leading)
                .orElseThrow(() -> new AssertionError("no row " + List.of(leading) + " in:\n" + md));
    }
}
