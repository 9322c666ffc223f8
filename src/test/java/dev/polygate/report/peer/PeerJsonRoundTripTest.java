package dev.polygate.report.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygate.cli.CommandRun;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.report.accuracy.SyntheticSweeps;
import dev.polygate.report.format.MarkdownTables;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.jmh.VectorSetting;
import dev.polygate.report.peer.TorchFixtures.Blas;
import dev.polygate.report.peer.TorchFixtures.Timing;
import dev.polygate.report.runs.StoreFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * peer-torch.json has two ends: PeerJson writes it here, and the throughput report reads it back
 * (report.throughput.PeerTorchJson, which cannot call this package). What one writes the other
 * must read, with the same numbers.
 */
class PeerJsonRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void whatPeerReportWritesTheThroughputReportReads() throws IOException {
        VectorSetting here = VectorSetting.current();
        List<String> forkArgs = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector"));
        if (here.useAvxOnCommandLine()) {
            forkArgs.add("-XX:UseAVX=" + here.useAvx());   // the forks as this JVM was started, or compare refuses them
        }
        PeerCase study = TorchFixtures.peerCase("silu", "gated", "1000x10x1");
        List<Path> jmh = new ArrayList<>();
        List<Path> torch = new ArrayList<>();
        double[] polygate = {10_000, 11_000, 9_000, 10_500, 9_500, 10_200};
        for (int r = 0; r < polygate.length; r++) {
            jmh.add(TorchFixtures.jmh(dir.resolve("jmh-" + r + ".json"), forkArgs, List.of(new Timing(study, polygate[r]))));
            torch.add(TorchFixtures.torch(dir.resolve("torch-" + r + ".json"), 1,
                    List.of(new Timing(study, 30 * polygate[polygate.length - 1 - r])), new Blas("SkylakeX", "SkylakeX")));
        }
        PeerComparison comparison = PeerComparison.compare(jmh, torch, here, "bin/compare-torch");
        Path peerDir = Files.createDirectories(dir.resolve("peer"));
        PeerReport.writeAll(comparison, peerDir);
        Grid grid = new Grid(List.of(Activation.SILU), List.of(LayerKind.GATED), Target.powers(List.of(2)),
                List.of(Sizing.equalWidth(10)), List.of(1), List.of(0.01), 1000, 40, 2, 0);
        Path accuracy = StoreFixtures.writeSweep(dir.resolve("sweep/sweep-runs.jsonl"),
                SyntheticSweeps.sweep(grid, (a, k, n, s) -> 1e-3 * (s + 1)));

        CommandRun o = CommandRun.run("", "throughput", "--jmh", jmh.get(0).toString(), "--peer",
                peerDir.resolve(PeerReport.JSON).toString(), "--accuracy", accuracy.toString(), "--out",
                dir.resolve("throughput").toString());

        assertEquals(0, o.code(), o.err());
        String md = Files.readString(dir.resolve("throughput/throughput.md"));
        PeerRow row = comparison.rows().get(0);
        List<String> cells = MarkdownTables.rowStartingWith(md, "silu", "gated", "1000x10x1")
                .orElseThrow(() -> new AssertionError("no silu gated row in:\n" + md));
        assertEquals(NumberText.nanosecondsWithInterval(row.polygate().median(), row.polygate().low(),
                row.polygate().high()), cells.get(3));
        assertEquals(NumberText.nanosecondsWithInterval(row.torch().median(), row.torch().low(), row.torch().high()),
                cells.get(4));
        assertEquals(NumberText.ratio(row.ratio().ratio()) + "× [" + NumberText.ratio(row.ratio().low()) + "–"
                + NumberText.ratio(row.ratio().high()) + "]", cells.get(5));
        assertEquals(List.of("≥ 100×", "missed"), cells.subList(6, 8));
        // Round 0's JMH file holds the step alone: the budget is set beside it.
        assertTrue(md.contains("- silu gated 1000x10x1: " + NumberText.ratio(row.ratio().ratio()) + "× against ≥ 100×. "
                + "100× needs a step of ≤ " + NumberText.nanoseconds(row.torch().median() / 100) + " (PyTorch's "
                + NumberText.nanoseconds(row.torch().median()) + " ÷ 100); polygate's step takes 10.0 µs (this report, "
                + "1 thread; its forward and backward were not timed alone).\n"), md);
        JsonNode torchSide = new ObjectMapper().readTree(dir.resolve("throughput/throughput.json").toFile())
                .get("againstPyTorch").get("torchSide");
        assertEquals("SkylakeX", torchSide.get("openblasCore").asText());
        assertEquals(16, torchSide.get("openblasFloatLanes").asInt());
        assertEquals("SkylakeX", torchSide.get("openblasCoretype").asText());
        assertEquals("OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64", torchSide.get("openblasConfig").asText());
    }
}
