package dev.polygate.report.scaling;

import dev.polygate.experiment.ScalingDesign;
import dev.polygate.text.FloatText;
import dev.polygate.model.RunSpec;
import dev.polygate.report.format.CsvText;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * scaling.csv: one row per run with both readings side by side, so anyone can refit the slopes by
 * either measure. The check columns are empty when the design has no check; an MSE is empty where
 * the run had diverged by that step. MSEs come from the float loss curve and are written in
 * float's shortest round-trip form (0.1, not 0.10000000149011612).
 */
final class ScalingCsv {
    static final List<String> HEADER = List.of("activation", "kind", "degree", "width", "depth", "lr", "samples",
            "seed", "parameter_count", "steps", "lowest_mse", "mse_at_steps", "check_steps", "check_lowest_mse",
            "check_mse_at_steps", "diverged", "diverged_at", "wall_seconds", "failure");

    private ScalingCsv() {
    }

    static String render(ScalingResults results) {
        StringBuilder csv = new StringBuilder();
        CsvText.appendRow(csv, HEADER);
        for (TrainingResult run : results.sweep().runs()) {
            CsvText.appendRow(csv, row(results.design(), run));
        }
        return csv.toString();
    }

    private static List<String> row(ScalingDesign design, TrainingResult run) {
        RunSpec spec = run.spec();
        List<String> row = new ArrayList<>(List.of(
                spec.model().activation().cliName(),
                spec.model().kind().cliName(),
                Integer.toString(spec.target().degree()),
                Integer.toString(spec.model().width()),
                Integer.toString(spec.model().depth()),
                FloatText.shortest(spec.lr()),
                Integer.toString(spec.samples()),
                Long.toString(spec.seed()),
                Integer.toString(run.parameterCount())));
        row.addAll(reading(run, design.steps()));
        if (design.checks()) {
            row.addAll(reading(run, design.longSteps()));
        } else {
            row.addAll(List.of("", "", ""));
        }
        row.add(Boolean.toString(run.diverged()));
        row.add(run.diverged() ? Integer.toString(run.divergedAt()) : "");
        row.add(CsvText.finiteOrEmpty(run.wallSeconds()));
        row.add(run.failed() ? run.failure() : "");
        return row;
    }

    /** steps, lowest MSE up to them, MSE at them. */
    private static List<String> reading(TrainingResult run, int steps) {
        return List.of(Integer.toString(steps), number(Measure.LOWEST.of(run, steps)),
                number(Measure.AT_STEP.of(run, steps)));
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? FloatText.shortest((float) value.getAsDouble()) : "";
    }
}
