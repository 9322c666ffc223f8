package dev.polygate.report.protocol;

import dev.polygate.experiment.QueirugaDesign.Method;
import dev.polygate.report.format.CsvText;
import dev.polygate.train.TrainingResult;
import java.util.List;

/** scaling.csv of the Queiruga protocol: one row per run, its method, kind, n, seed and errors. */
final class ProtocolCsv {
    static final List<String> HEADER = List.of("method", "activation", "kind", "hidden_units", "parameter_count", "seed",
            "steps", "status", "mse", "rmse", "test_mse", "test_rmse", "wall_seconds", "failure");

    private ProtocolCsv() {
    }

    static String render(ProtocolSlopes slopes) {
        StringBuilder csv = new StringBuilder();
        CsvText.appendRow(csv, HEADER);
        for (ProtocolSlopes.Series s : slopes.series()) {
            for (TrainingResult r : s.runs()) {
                CsvText.appendRow(csv, List.of(Method.of(r.spec()).cliName(), "relu", s.kind().cliName(),
                        Integer.toString(r.spec().model().width()), Integer.toString(r.parameterCount()),
                        Long.toString(r.spec().seed()), Integer.toString(r.spec().steps()),
                        r.failed() ? "failed" : r.diverged() ? "diverged" : "finished",
                        CsvText.finiteOrEmpty(r.finalMse()), CsvText.finiteOrEmpty(Math.sqrt(r.finalMse())),
                        CsvText.finiteOrEmpty(r.testMse()), CsvText.finiteOrEmpty(Math.sqrt(r.testMse())),
                        CsvText.finiteOrEmpty(r.wallSeconds()), r.failure() == null ? "" : r.failure()));
            }
        }
        return csv.toString();
    }

}
