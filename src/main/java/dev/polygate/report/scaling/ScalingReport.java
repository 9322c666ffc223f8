package dev.polygate.report.scaling;

import dev.polygate.experiment.ScalingDesign;
import dev.polygate.experiment.SweepResult;
import dev.polygate.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The scaling report of a sweep: three files side by side, each written completely or not at all.
 *
 * <ul>
 * <li>{@value #MARKDOWN}: what was run, the slopes with their intervals, the medians by width,
 *     the optimisation check, the published slopes and a reading;</li>
 * <li>{@value #CSV}: one row per run, both readings;</li>
 * <li>{@value #PNG}: log-log panels of MSE against parameters with the fitted lines.</li>
 * </ul>
 */
public final class ScalingReport {
    public static final String MARKDOWN = "scaling.md";
    public static final String CSV = "scaling.csv";
    public static final String PNG = "scaling.png";

    private ScalingReport() {
    }

    /**
     * Writes the three files into {@code dir}, which must exist, each through {@link AtomicFiles}
     * (temp file, then move).
     *
     * @throws IllegalArgumentException if the sweep did not run the design's grid
     */
    public static ScalingResults writeAll(ScalingDesign design, SweepResult sweep, Path dir) throws IOException {
        // Drawn off-screen: without this a JVM started without the flag on a machine with no display fails in AWT.
        System.setProperty("java.awt.headless", "true");
        ScalingResults results = ScalingResults.of(design, sweep);
        AtomicFiles.writeString(dir.resolve(MARKDOWN), ScalingMarkdown.render(results));
        AtomicFiles.writeString(dir.resolve(CSV), ScalingCsv.render(results));
        AtomicFiles.write(dir.resolve(PNG), out -> ScalingChart.write(results, out));
        return results;
    }
}
