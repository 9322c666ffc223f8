package dev.polygate.report.equivalence;

import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.SweepResult;
import dev.polygate.io.AtomicFiles;
import dev.polygate.report.accuracy.AccuracyCsv;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The equivalence report: {@value #MARKDOWN} (tables, tests and a reading), {@value #PNG} (the
 * ratios against n) and {@value #CSV} (one row per run), each written completely or not at all.
 */
public final class EquivalenceReport {
    public static final String MARKDOWN = "equivalence.md";
    public static final String PNG = "equivalence.png";
    public static final String CSV = "equivalence.csv";

    private EquivalenceReport() {
    }

    public static void writeAll(EquivalenceDesign design, SweepResult result, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        EquivalenceCells cells = new EquivalenceCells(design, result);
        AtomicFiles.writeString(dir.resolve(MARKDOWN), EquivalenceMarkdown.render(cells));
        AtomicFiles.write(dir.resolve(PNG), out -> EquivalenceChart.write(cells, out));
        AtomicFiles.writeString(dir.resolve(CSV), AccuracyCsv.render(result));
    }
}
