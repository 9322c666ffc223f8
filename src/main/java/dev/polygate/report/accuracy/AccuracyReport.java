package dev.polygate.report.accuracy;

import dev.polygate.experiment.SweepResult;
import dev.polygate.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The accuracy report of a sweep: three files side by side, each written completely or not at all,
 * from the sweep's runs as its store keeps them (sweep-runs.jsonl, beside them: every run with its
 * loss curve).
 *
 * <ul>
 * <li>{@value #MARKDOWN}: what was run, per-cell final-MSE tables, paired comparisons, and a
 *     reading of the study's two claims computed from the numbers;</li>
 * <li>{@value #CSV}: one row per run, without curves;</li>
 * <li>{@value #PNG}: the loss curves, median and min–max band per kind.</li>
 * </ul>
 */
public final class AccuracyReport {
    public static final String MARKDOWN = "accuracy.md";
    public static final String CSV = "accuracy.csv";
    public static final String PNG = "loss-curves.png";

    private AccuracyReport() {
    }

    /**
     * Writes accuracy.md, accuracy.csv and loss-curves.png into {@code dir}, which
     * must exist. Each file goes through {@link AtomicFiles} (temp file, then move), so a crash
     * or a failed write never leaves a half-written file behind.
     */
    public static void writeAll(SweepResult result, Path dir) throws IOException {
        // The chart is drawn off-screen; without this a JVM started without the flag on a machine
        // with no display would fail in AWT. Harmless when already set.
        System.setProperty("java.awt.headless", "true");
        SweepCells cells = SweepCells.of(result);
        AtomicFiles.writeString(dir.resolve(MARKDOWN), AccuracyMarkdown.render(cells));
        AtomicFiles.writeString(dir.resolve(CSV), AccuracyCsv.render(result));
        AtomicFiles.write(dir.resolve(PNG), out -> LossCurveChart.write(cells, out));
    }
}
