package dev.polygate.report.throughput;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.SweepResult;
import dev.polygate.io.AtomicFiles;
import dev.polygate.report.jmh.VectorSetting;
import dev.polygate.report.runs.SweepStores;
import dev.polygate.report.format.ChartStyle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The throughput report of JMH results, and the summary that joins it with an accuracy sweep:
 *
 * <ul>
 * <li>{@value #MARKDOWN}: set-up, per-family tables, speed-ups, gated versus squared, PyTorch's step
 * beside polygate's with each miss explained (with a peer file), targets;</li>
 * <li>{@value #JSON}: the same numbers for programs;</li>
 * <li>{@value #SUMMARY}: per activation and kind, cost of a training step against final MSE;</li>
 * <li>{@value #SUMMARY_PNG}: that as a log-log chart.</li>
 * </ul>
 *
 * {@link #build} reads and checks every input and computes everything; only then does
 * {@link #writeAll} touch the output directory, so bad input leaves earlier reports as they were.
 */
public final class ThroughputReport {
    public static final String MARKDOWN = "throughput.md";
    public static final String JSON = "throughput.json";
    public static final String SUMMARY = "summary.md";
    public static final String SUMMARY_PNG = "summary.png";

    private final ThroughputResults results;
    private final CostVersusAccuracy summary;
    private final Optional<PeerTorchReport> peer;
    private final List<KernelProfile> profiles;
    private final Environment machine;

    private ThroughputReport(ThroughputResults results, CostVersusAccuracy summary, Optional<PeerTorchReport> peer,
                             List<KernelProfile> profiles, Environment machine) {
        this.results = results;
        this.summary = summary;
        this.peer = peer;
        this.profiles = profiles;
        this.machine = machine;
    }

    /**
     * Reads the JMH files, the accuracy sweep and the PyTorch comparison if given, and computes the
     * report. Any problem with one is an {@link dev.polygate.report.input.InvalidInputException} of
     * one line naming the file: among them a peer file whose polygate side ran at another vector
     * width or UseAVX level than the JMH forks.
     *
     * @param jmhFiles     JMH JSON result files, merged in order
     * @param accuracyFile a sweep's run store (or the directory holding it)
     * @param peerFile     a peer-torch.json of {@code polygate peer-report}, or empty for a report without PyTorch
     * @param profilesDir  a directory of JFR profiles ({@link KernelProfile}), or empty for a report without
     * @param machine      where the report is written: its CPU and lane count go into the report
     */
    public static ThroughputReport build(List<Path> jmhFiles, Path accuracyFile, Optional<Path> peerFile,
                                         Optional<Path> profilesDir, Environment machine) {
        ThroughputResults results = ThroughputResults.read(jmhFiles);
        // The lanes behind every FLOP count of the roof are this JVM's: refuse forks run at another
        // UseAVX level than this JVM (bin/benchmarks --jvm-args starts both alike).
        VectorSetting vector = VectorSetting.current();
        results.jvms().forEach(jvm -> vector.checkForks(jvm.jvmArgs()));
        Optional<PeerTorchReport> peer = peerFile.map(PeerTorchJson::read);
        peer.ifPresent(p -> p.requireVectorSetting(vector));
        List<KernelProfile> profiles = profilesDir.map(d -> KernelProfile.readAll(d, vector)).orElse(List.of());
        SweepResult sweep = SweepStores.read(accuracyFile);
        return new ThroughputReport(results, CostVersusAccuracy.of(sweep, accuracyFile, results), peer, profiles,
                machine);
    }

    public ThroughputResults results() {
        return results;
    }

    public CostVersusAccuracy summary() {
        return summary;
    }

    /** Every target: the JMH results' own, then the PyTorch comparison's if there is one. */
    public List<TargetResult> targets() {
        return Targets.check(results, peer);
    }

    /**
     * Renders all four files in memory, then writes each into {@code dir} (which must exist)
     * through {@link AtomicFiles}: a failure never leaves a half-written file.
     */
    public void writeAll(Path dir) throws IOException {
        // The chart is drawn off-screen; a JVM without a display would otherwise fail in AWT.
        System.setProperty("java.awt.headless", "true");
        String markdown = ThroughputMarkdown.render(results, peer, profiles, machine);
        byte[] json = ThroughputJson.render(results, peer, profiles, machine);
        String summaryMarkdown = SummaryMarkdown.render(summary);
        BufferedImage chart = SummaryChart.render(summary);
        AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown);
        AtomicFiles.write(dir.resolve(JSON), out -> out.write(json));
        AtomicFiles.writeString(dir.resolve(SUMMARY), summaryMarkdown);
        AtomicFiles.write(dir.resolve(SUMMARY_PNG), out -> ChartStyle.writePng(chart, out));
    }
}
