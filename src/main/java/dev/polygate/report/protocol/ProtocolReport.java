package dev.polygate.report.protocol;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.QueirugaDesign;
import dev.polygate.io.AtomicFiles;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The scaling report under the Queiruga protocol: {@value #MARKDOWN}, {@value #JSON}, {@value #CSV}
 * and {@value #PNG}, each written completely or not at all.
 */
public final class ProtocolReport {
    public static final String MARKDOWN = "scaling.md";
    public static final String JSON = "scaling.json";
    public static final String CSV = "scaling.csv";
    public static final String PNG = "scaling.png";

    private ProtocolReport() {
    }

    /** Writes the four files into {@code dir}, which must exist; returns the slopes. */
    public static ProtocolSlopes writeAll(QueirugaDesign design, List<TrainingResult> runs, List<Environment> environments,
                                          Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ProtocolSlopes slopes = ProtocolSlopes.of(design, runs);
        AtomicFiles.writeString(dir.resolve(MARKDOWN), ProtocolMarkdown.render(slopes, environments));
        AtomicFiles.write(dir.resolve(JSON), out -> ProtocolJson.write(slopes, out));
        AtomicFiles.writeString(dir.resolve(CSV), ProtocolCsv.render(slopes));
        AtomicFiles.write(dir.resolve(PNG), out -> ProtocolChart.write(slopes, out));
        return slopes;
    }
}
