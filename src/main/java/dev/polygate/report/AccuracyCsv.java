package dev.polygate.report;

import dev.polygate.experiment.SweepResult;
import dev.polygate.kernel.FlopCount;
import dev.polygate.model.RunSpec;
import dev.polygate.train.TrainingResult;
import java.util.List;

/**
 * accuracy.csv: one row per run, no curves, for spreadsheets and data frames. RFC 4180: CRLF line
 * ends, a header row, fields quoted only when they need it; numbers in Java's round-trip form.
 */
public final class AccuracyCsv {
    static final List<String> HEADER = List.of("activation", "kind", "width", "depth", "target", "lr", "samples",
            "steps", "seed", "parameter_count", "flops_per_step", "final_mse", "diverged", "diverged_at", "wall_seconds",
            "seconds_per_step");

    private static final String LINE_END = "\r\n";

    private AccuracyCsv() {
    }

    public static String render(SweepResult result) {
        StringBuilder csv = new StringBuilder();
        appendRow(csv, HEADER);
        for (TrainingResult run : result.runs()) {
            appendRow(csv, row(run));
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
                Double.toString(spec.lr()),
                Integer.toString(spec.samples()),
                Integer.toString(spec.steps()),
                Long.toString(spec.seed()),
                Integer.toString(run.parameterCount()),
                Long.toString(FlopCount.trainingStep(spec.model(), spec.samples())),
                finiteOrEmpty(run.finalMse()),
                Boolean.toString(run.diverged()),
                run.diverged() ? Integer.toString(run.divergedAt()) : "",
                finiteOrEmpty(run.wallSeconds()),
                finiteOrEmpty(run.secondsPerStep()));
    }

    /** An empty field for a missing number: "NaN" would be read as text by most tools. */
    private static String finiteOrEmpty(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private static void appendRow(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoteIfNeeded(fields.get(i)));
        }
        csv.append(LINE_END);
    }

    /** RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. */
    private static String quoteIfNeeded(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
