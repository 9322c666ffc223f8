package dev.polygate.cli;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.QueirugaDesign;
import dev.polygate.experiment.store.RunRecord;
import dev.polygate.report.protocol.ProtocolReport;
import dev.polygate.train.TrainingResult;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.ScalingDesign;
import dev.polygate.experiment.SweepResult;
import dev.polygate.experiment.store.StoredRuns;
import dev.polygate.report.accuracy.AccuracyReport;
import dev.polygate.report.equivalence.EquivalenceReport;
import dev.polygate.report.scaling.ScalingReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one path from stored runs to a report: whichever design the runs are (a sweep's grid, the
 * equivalence design, the scaling design), its report's files in {@code dir}. The sweeping commands
 * and {@code polygate report} both render through here, so a report from a resumed, sharded or
 * Spark sweep is the same as one from an uninterrupted local one.
 */
final class ReportFiles {
    private ReportFiles() {
    }

    /** Writes the report of {@code runs} (every run of its grid must be stored) into {@code dir}; returns the file names. */
    static List<String> write(StoredRuns runs, Path dir) throws IOException {
        if (runs.design().design() instanceof QueirugaDesign design) {
            List<TrainingResult> results = runs.records().stream().map(RunRecord::result).toList();
            List<Environment> environments = runs.records().stream().map(RunRecord::environment).distinct().toList();
            ProtocolReport.writeAll(design, results, environments, dir);
            return List.of(ProtocolReport.MARKDOWN, ProtocolReport.JSON, ProtocolReport.CSV, ProtocolReport.PNG);
        }
        SweepResult result = runs.toSweepResult();
        if (runs.design().design() instanceof Grid) {
            AccuracyReport.writeAll(result, dir);
            return List.of(AccuracyReport.MARKDOWN, AccuracyReport.CSV, AccuracyReport.PNG);
        }
        if (runs.design().design() instanceof EquivalenceDesign design) {
            EquivalenceReport.writeAll(design, result, dir);
            return List.of(EquivalenceReport.MARKDOWN, EquivalenceReport.PNG, EquivalenceReport.CSV);
        }
        ScalingDesign design = (ScalingDesign) runs.design().design();
        ScalingReport.writeAll(design, result, dir);
        return List.of(ScalingReport.MARKDOWN, ScalingReport.CSV, ScalingReport.PNG);
    }
}
