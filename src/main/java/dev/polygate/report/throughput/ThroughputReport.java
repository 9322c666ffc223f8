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

/**
 * The throughput report of JMH results, and the summary that joins it with an accuracy sweep:
 *
 * <ul>
 * <li>{@value #MARKDOWN}: set-up, per-family tables, speed-ups, gated versus squared, targets;</li>
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
    private final Environment machine;

    private ThroughputReport(ThroughputResults results, CostVersusAccuracy summary, Environment machine) {
        this.results = results;
        this.summary = summary;
        this.machine = machine;
    }

    /**
     * Reads the JMH files and the accuracy sweep and computes the report. Any problem with either
     * is an {@link dev.polygate.report.input.InvalidInputException} naming the file.
     *
     * @param machine where the report is written: its CPU and lane count go into the report
     */
    public static ThroughputReport build(List<Path> jmhFiles, Path accuracyFile, Environment machine) {
        ThroughputResults results = ThroughputResults.read(jmhFiles);
        // The lanes behind every FLOP count of the roof are this JVM's: refuse forks run at another
        // UseAVX level than this JVM (bin/benchmarks --jvm-args starts both alike).
        results.jvms().forEach(jvm -> VectorSetting.current().checkForks(jvm.jvmArgs()));
        SweepResult sweep = SweepStores.read(accuracyFile);
        return new ThroughputReport(results, CostVersusAccuracy.of(sweep, accuracyFile, results), machine);
    }

    public ThroughputResults results() {
        return results;
    }

    public CostVersusAccuracy summary() {
        return summary;
    }

    /**
     * Renders all four files in memory, then writes each into {@code dir} (which must exist)
     * through {@link AtomicFiles}: a failure never leaves a half-written file.
     */
    public void writeAll(Path dir) throws IOException {
        // The chart is drawn off-screen; a JVM without a display would otherwise fail in AWT.
        System.setProperty("java.awt.headless", "true");
        String markdown = ThroughputMarkdown.render(results, machine);
        byte[] json = ThroughputJson.render(results, machine);
        String summaryMarkdown = SummaryMarkdown.render(summary);
        BufferedImage chart = SummaryChart.render(summary);
        AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown);
        AtomicFiles.write(dir.resolve(JSON), out -> out.write(json));
        AtomicFiles.writeString(dir.resolve(SUMMARY), summaryMarkdown);
        AtomicFiles.write(dir.resolve(SUMMARY_PNG), out -> ChartStyle.writePng(chart, out));
    }
}
