package dev.polygate.report.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygate.cli.CommandRun;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jmh.JmhFixtures;
import dev.polygate.report.jmh.VectorSetting;
import dev.polygate.report.peer.TorchFixtures.Blas;
import dev.polygate.report.peer.TorchFixtures.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerComparisonTest {
    private static final List<String> FORK_ARGS = List.of("--add-modules=jdk.incubator.vector");
    private static final VectorSetting AVX512 = new VectorSetting(16, "3", false);
    private static final PeerCase STUDY = TorchFixtures.peerCase("relu", "gated", "1000x10x1");
    private static final PeerCase LARGE = TorchFixtures.peerCase("silu", "squared", "4096x256x2");
    /** polygate's per-round values: median 10 µs, spread ±10 %. */
    private static final double[] POLYGATE = {10_000, 11_000, 9_000, 10_500, 9_500, 10_200};

    @TempDir
    Path dir;

    /** Six rounds; in round r each side's one iteration is its value × factor. */
    private PeerComparison rounds(double studyFactor, double largeFactor, int torchThreads) throws IOException {
        List<Path> jmh = new ArrayList<>();
        List<Path> torch = new ArrayList<>();
        for (int r = 0; r < POLYGATE.length; r++) {
            double p = POLYGATE[r];
            jmh.add(TorchFixtures.jmh(dir.resolve("jmh-" + r + ".json"), FORK_ARGS, torchThreads,
                    List.of(new Timing(STUDY, p), new Timing(LARGE, 1000 * p))));
            // PyTorch's rounds drift the other way, so the ratio's interval has some width.
            double q = POLYGATE[POLYGATE.length - 1 - r];
            torch.add(TorchFixtures.torch(dir.resolve("torch-" + r + ".json"), torchThreads,
                    List.of(new Timing(STUDY, studyFactor * q, studyFactor * q * 1.01),
                            new Timing(LARGE, 1000 * largeFactor * q))));
        }
        return PeerComparison.compare(jmh, torch, AVX512, "bin/compare-torch");
    }

    @Test
    void mediansIntervalsAndTheRatioComeFromOneValuePerRound() throws IOException {
        PeerComparison c = rounds(150, 0.5, 1);
        assertEquals(List.of(STUDY, LARGE), c.rows().stream().map(PeerRow::peerCase).toList(), "ordered by shape");
        PeerRow study = c.rows().get(0);
        assertEquals(6, study.polygate().n());
        assertEquals(10_100, study.polygate().median(), 1e-9);
        assertEquals(9_000, study.polygate().low(), 1e-9);
        assertEquals(11_000, study.polygate().high(), 1e-9);
        assertEquals(6, study.torch().n(), "one value per PyTorch process: its median iteration");
        assertEquals(150 * 10_100 * 1.005, study.torch().median(), 1e-6);
        assertEquals(150 * 1.005, study.ratio().ratio(), 1.5);
        assertTrue(study.ratio().low() < study.ratio().ratio() && study.ratio().ratio() < study.ratio().high());
        assertFalse(study.ratio().belowLevel(), "six against six give a 95 % interval");
    }

    @Test
    void theStudySizeNeedsAHundredfoldAndTheLargeShapeOnOneThreadAtLeastOnefold() throws IOException {
        PeerComparison c = rounds(150, 0.5, 1);
        PeerRow study = c.rows().get(0);
        PeerRow large = c.rows().get(1);
        assertTrue(study.targetMet());
        assertTrue(study.target().verdict(study.ratio()).startsWith("met"), study.target().verdict(study.ratio()));
        assertFalse(large.targetMet());
        assertEquals("missed: 0.500×, 2.00× short", large.target().verdict(large.ratio()));
        assertEquals("1 of 2", c.targetsMet() + " of " + c.targets());

        PeerComparison slow = rounds(40, 1.5, 1);
        assertFalse(slow.rows().get(0).targetMet());
        assertTrue(slow.rows().get(0).target().verdict(slow.rows().get(0).ratio()).startsWith("missed: 40"));
        assertTrue(slow.rows().get(1).targetMet());
    }

    @Test
    void theLargeShapesTargetIsForOnePyTorchThread() throws IOException {
        PeerRow large = rounds(150, 0.5, 2).rows().get(1);
        assertFalse(large.target().exists());
        assertEquals("—", large.target().verdict(large.ratio()));
        assertTrue(large.target().text().contains("one PyTorch thread"), large.target().text());
    }

    /** Both sides run on the same threads: polygate's threadsPerRun against torch.set_num_threads. */
    @Test
    void theThreadsOfBothSidesMustBeEqual() throws IOException {
        Path split = JmhFixtures.write(dir.resolve("split.json"),
                new JmhFixtures.Jvm("/usr/bin/java", "17.0.15", "17.0.15+6", FORK_ARGS),
                List.of(JmhFixtures.entry(PolygateRounds.STEP, java.util.Map.of("activation", "relu", "kind", "gated",
                        "shape", "1000x10x1", "threadsPerRun", "2"), new double[] {1, 1, 1})));
        Path torchOne = TorchFixtures.torch(dir.resolve("torch1.json"), 1, List.of(new Timing(STUDY, 100)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PeerComparison.compare(List.of(split), List.of(torchOne), AVX512, ""));
        assertTrue(e.getMessage().startsWith("polygate's steps ran on 2 thread(s) per run, PyTorch's on 1"), e.getMessage());
        Path torchTwo = TorchFixtures.torch(dir.resolve("torch2.json"), 2, List.of(new Timing(STUDY, 100)));
        PeerComparison two = PeerComparison.compare(List.of(split), List.of(torchTwo), AVX512, "");
        assertEquals(2, two.torch().threads());
    }

    @Test
    void aCaseOnOneSideOnlyIsRefusedNamingTheFileAndTheCase() throws IOException {
        Path jmh = TorchFixtures.jmh(dir.resolve("jmh.json"), FORK_ARGS, List.of(new Timing(STUDY, 1), new Timing(LARGE, 2)));
        Path torch = TorchFixtures.torch(dir.resolve("torch.json"), 1, List.of(new Timing(STUDY, 100)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PeerComparison.compare(List.of(jmh), List.of(torch), AVX512, ""));
        assertEquals("torch result file " + torch + " lacks the case silu/squared/4096x256x2 (every round must time the"
                + " same cases on both sides)", e.getMessage());

        Path jmhOne = TorchFixtures.jmh(dir.resolve("jmh1.json"), FORK_ARGS, List.of(new Timing(STUDY, 1)));
        Path torchTwo = TorchFixtures.torch(dir.resolve("torch2.json"), 1, List.of(new Timing(STUDY, 1), new Timing(LARGE, 2)));
        e = assertThrows(InvalidInputException.class,
                () -> PeerComparison.compare(List.of(jmhOne), List.of(torchTwo), AVX512, ""));
        assertTrue(e.getMessage().contains("has the case silu/squared/4096x256x2, which no JMH result file has"), e.getMessage());
    }

    @Test
    void theReportsVectorWidthMustBeTheForks() throws IOException {
        Path jmh = TorchFixtures.jmh(dir.resolve("jmh.json"), List.of("--add-modules=jdk.incubator.vector", "-XX:UseAVX=2"),
                List.of(new Timing(STUDY, 1)));
        Path torch = TorchFixtures.torch(dir.resolve("torch.json"), 1, List.of(new Timing(STUDY, 100)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PeerComparison.compare(List.of(jmh), List.of(torch), AVX512, ""));
        assertTrue(e.getMessage().contains("POLYGATE_JAVA_OPTS=-XX:UseAVX=2"), e.getMessage());
        PeerComparison avx2 = PeerComparison.compare(List.of(jmh), List.of(torch), new VectorSetting(8, "2", true), "");
        assertEquals("8 float lanes (256-bit vectors), UseAVX=2", avx2.vector().describe());
        assertThrows(InvalidInputException.class, () -> new VectorSetting(8, "2", true).checkForks(FORK_ARGS));
    }

    @Test
    void theReportIsWrittenWithATablePerShape() throws IOException {
        PeerComparison c = rounds(150, 0.5, 2);
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Path> written = PeerReport.writeAll(c, out);
        assertEquals(3, written.size());
        String md = Files.readString(out.resolve(PeerReport.MARKDOWN));
        assertTrue(md.contains("## 1000x10x1 (samples × width × depth)"));
        assertTrue(md.contains("| relu | gated | 10.1 µs [9.00–11.0] |"), md);
        assertTrue(md.contains("2 threads per run"), md);
        assertTrue(md.contains("BLAS_INFO=generic"));
        assertTrue(md.contains("netlib reference BLAS"));
        assertTrue(Files.readString(out.resolve(PeerReport.JSON)).contains("\"targetsMet\" : 1"));
        assertTrue(Files.size(out.resolve(PeerReport.PNG)) > 1000);
    }

    /** One round per core: a JMH file with STUDY and a torch file on that OpenBLAS (format /2). */
    private List<List<Path>> roundsOn(List<String> forkArgs, Blas... cores) throws IOException {
        List<Path> jmh = new ArrayList<>();
        List<Path> torch = new ArrayList<>();
        for (int r = 0; r < cores.length; r++) {
            jmh.add(TorchFixtures.jmh(dir.resolve("jmh-" + r + ".json"), forkArgs, List.of(new Timing(STUDY, POLYGATE[r]))));
            torch.add(TorchFixtures.torch(dir.resolve("torch-" + r + ".json"), 1,
                    List.of(new Timing(STUDY, 50 * POLYGATE[r])), cores[r]));
        }
        return List.of(jmh, torch);
    }

    private PeerComparison onCores(Blas... cores) throws IOException {
        List<List<Path>> files = roundsOn(FORK_ARGS, cores);
        return PeerComparison.compare(files.get(0), files.get(1), AVX512, "bin/compare-torch");
    }

    private String markdown(PeerComparison c) throws IOException {
        Path out = Files.createDirectories(dir.resolve("md"));
        PeerReport.writeAll(c, out);
        return Files.readString(out.resolve(PeerReport.MARKDOWN));
    }

    private JsonNode torchSide(PeerComparison c) throws IOException {
        Path out = Files.createDirectories(dir.resolve("json"));
        PeerReport.writeAll(c, out);
        return new ObjectMapper().readTree(out.resolve(PeerReport.JSON).toFile()).get("torchSide");
    }

    /** The BLAS line: the OpenBLAS kernels that ran, their instruction set, and whether they were forced. */
    @Test
    void theBlasLineNamesOpenBlasKernelsTheirInstructionSetAndWhetherTheyWereForced() throws IOException {
        String chosen = markdown(onCores(Blas.HASWELL, Blas.HASWELL));
        assertTrue(chosen.contains("/libopenblasp-r0.3.21.so`; OpenBLAS ran its Haswell kernels (AVX2 + FMA, 8 float "
                + "lanes, in sgemm), chosen by OpenBLAS for this CPU (openblas_get_config(): `OpenBLAS 0.3.21 DYNAMIC_ARCH "
                + "NO_AFFINITY Haswell MAX_THREADS=64`)\n"), chosen);

        Blas skylake = new Blas("SkylakeX", "SkylakeX");
        String forced = markdown(onCores(skylake, skylake));
        assertTrue(forced.contains("; OpenBLAS ran its SkylakeX kernels (AVX-512, 16 float lanes, in sgemm), forced with "
                + "OPENBLAS_CORETYPE=SkylakeX (openblas_get_config(): "), forced);

        Blas unknown = new Blas("NEOVERSEN1", null);
        assertTrue(markdown(onCores(unknown)).contains("; OpenBLAS ran its NEOVERSEN1 kernels (instruction set not known "
                + "to polygate), chosen by OpenBLAS for this CPU"));

        String none = markdown(onCores(Blas.NONE));
        assertFalse(none.contains("OpenBLAS ran"), none);
        assertTrue(none.contains("netlib reference BLAS"), none);
    }

    @Test
    void peerTorchJsonCarriesTheCoreItsInstructionSetAndOpenblasCoretype() throws IOException {
        JsonNode forced = torchSide(onCores(new Blas("SkylakeX", "skylakex")));
        assertEquals("SkylakeX", forced.get("openblasCore").asText());
        assertEquals("AVX-512", forced.get("openblasIsa").asText());
        assertEquals(16, forced.get("openblasFloatLanes").asInt());
        assertEquals("skylakex", forced.get("openblasCoretype").asText());
        assertEquals("OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64", forced.get("openblasConfig").asText());

        JsonNode unknown = torchSide(onCores(new Blas("NEOVERSEN1", null)));
        assertEquals("NEOVERSEN1", unknown.get("openblasCore").asText());
        assertTrue(unknown.get("openblasIsa").isNull());
        assertTrue(unknown.get("openblasFloatLanes").isNull());
        assertTrue(unknown.get("openblasCoretype").isNull(), "chosen by OpenBLAS");

        JsonNode none = torchSide(onCores(Blas.NONE));
        assertTrue(none.has("openblasCore") && none.get("openblasCore").isNull(), none.toString());
    }

    /** Torch files of format /1 did not look at OpenBLAS: the report says so, the JSON leaves the fields out. */
    @Test
    void torchFilesOfFormatOneAreReadAndTheCoreIsNotRecorded() throws IOException {
        Path jmh = TorchFixtures.jmh(dir.resolve("jmh.json"), FORK_ARGS, List.of(new Timing(STUDY, 1)));
        Path torch = Files.writeString(dir.resolve("torch.json"),
                TorchFixtures.formatOne(TorchFixtures.torchJson(1, List.of(new Timing(STUDY, 100)), Blas.HASWELL)));
        PeerComparison c = PeerComparison.compare(List.of(jmh), List.of(torch), AVX512, "");
        assertTrue(markdown(c).contains("; which OpenBLAS kernels ran is not recorded (torch result files of format "
                + "polygate-torch-step/1)\n"));
        assertFalse(torchSide(c).has("openblasCore"));
    }

    /**
     * Rounds on two OpenBLAS cores would make each median one of two libraries: refused naming both,
     * by peer-report in one line with exit 2, as for a wrong format or a missing case.
     */
    @Test
    void roundsOnDifferentOpenBlasCoresAreRefused() throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> onCores(Blas.HASWELL, Blas.HASWELL, new Blas("SkylakeX", "SkylakeX")));
        assertEquals("torch result file " + dir.resolve("torch-2.json") + ": OpenBLAS core SkylakeX, but Haswell in "
                + dir.resolve("torch-0.json") + " (one comparison needs one set of OpenBLAS kernels, or its medians mix "
                + "two; bin/compare-torch --openblas-core NAME holds every round to one)", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> onCores(Blas.HASWELL, Blas.NONE));
        assertTrue(e.getMessage().contains(": OpenBLAS core no OpenBLAS, but Haswell in "), e.getMessage());
        // The same kernels, once forced and once chosen: not one setting either.
        e = assertThrows(InvalidInputException.class, () -> onCores(Blas.HASWELL, new Blas("Haswell", "Haswell")));
        assertTrue(e.getMessage().endsWith(": openblasCoretype differs from " + dir.resolve("torch-0.json")
                + "'s (one comparison needs one PyTorch setting)"), e.getMessage());
        Path one = Files.writeString(dir.resolve("torch-one.json"),
                TorchFixtures.formatOne(TorchFixtures.torchJson(1, List.of(new Timing(STUDY, 100)), Blas.HASWELL)));
        Path jmh = TorchFixtures.jmh(dir.resolve("jmh.json"), FORK_ARGS, List.of(new Timing(STUDY, 1)));
        e = assertThrows(InvalidInputException.class, () -> PeerComparison.compare(List.of(jmh),
                List.of(dir.resolve("torch-0.json"), one), AVX512, ""));
        assertTrue(e.getMessage().contains(": OpenBLAS core not recorded (polygate-torch-step/1), but Haswell in "),
                e.getMessage());

        // The command: forks as this JVM was started (or the vector check would answer first).
        VectorSetting here = VectorSetting.current();
        List<String> forkArgs = new ArrayList<>(FORK_ARGS);
        if (here.useAvxOnCommandLine()) {
            forkArgs.add("-XX:UseAVX=" + here.useAvx());
        }
        List<List<Path>> files = roundsOn(forkArgs, Blas.HASWELL, new Blas("SkylakeX", "SkylakeX"));
        Path out = dir.resolve("refused");
        CommandRun run = CommandRun.run("", "peer-report", "--jmh", files.get(0).get(0).toString(), "--jmh",
                files.get(0).get(1).toString(), "--torch", files.get(1).get(0).toString(), "--torch",
                files.get(1).get(1).toString(), "--out", out.toString());
        run.assertUsageError("peer-report: torch result file " + files.get(1).get(1) + ": OpenBLAS core SkylakeX, but "
                + "Haswell in " + files.get(1).get(0));
        assertFalse(Files.exists(out.resolve(PeerReport.MARKDOWN)));
    }
}
