package dev.polygate.report.accuracy;

import dev.polygate.report.format.CsvText;

import dev.polygate.experiment.SweepResult;
import dev.polygate.text.FloatText;
import dev.polygate.kernel.FlopCount;
import dev.polygate.model.RunSpec;
import dev.polygate.train.TrainingResult;
import java.util.List;

/**
 * accuracy.csv: one row per run, no curves, for spreadsheets and data frames, written as
 * {@link CsvText} writes every report's CSV (RFC 4180, a header row).
 */
public final class AccuracyCsv {
    static final List<String> HEADER = List.of("activation", "kind", "width", "depth", "target", "lr", "samples",
            "steps", "seed", "parameter_count", "flops_per_step", "final_mse", "diverged", "diverged_at", "wall_seconds",
            "seconds_per_step", "failure");

    private AccuracyCsv() {
    }

    public static String render(SweepResult result) {
        StringBuilder csv = new StringBuilder();
        CsvText.appendRow(csv, HEADER);
        for (TrainingResult run : result.runs()) {
            CsvText.appendRow(csv, row(run));
        }
        return csv.toString();
    }

    private static List<String> row(TrainingResult run) {
        RunSpec spec = run.spec();
        return List.of(
                spec.model().activation().cliName(),
                spec.model().kind().cliName(),
                Integer.toString(spec.model().width()),
                Integer.toString(spec.model().depth()),
                spec.target().text(),
                FloatText.shortest(spec.lr()),
                Integer.toString(spec.samples()),
                Integer.toString(spec.steps()),
                Long.toString(spec.seed()),
                Integer.toString(run.parameterCount()),
                Long.toString(FlopCount.trainingStep(spec.model(), spec.samples())),
                CsvText.finiteOrEmpty(run.finalMse()),
                Boolean.toString(run.diverged()),
                run.diverged() ? Integer.toString(run.divergedAt()) : "",
                CsvText.finiteOrEmpty(run.wallSeconds()),
                CsvText.finiteOrEmpty(run.secondsPerStep()),
                run.failed() ? run.failure() : "");
    }
}
