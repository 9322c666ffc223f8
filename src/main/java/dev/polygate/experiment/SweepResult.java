package dev.polygate.experiment;

import dev.polygate.train.TrainingResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** A finished sweep: its grid, every distinct run in grid order, where and how long it ran. */
public record SweepResult(Grid grid, List<TrainingResult> runs, Environment environment, int threads,
                          double wallSeconds) {

    /**
     * The runs of any cell of the grid, in seed order, through one index built here: a run shared
     * by two cells (one model under two sizings) is in both; runs the result lacks are skipped.
     */
    public Function<Grid.Cell, List<TrainingResult>> cellRuns() {
        Map<String, TrainingResult> byId = new HashMap<>();
        for (TrainingResult run : runs) {
            byId.put(run.spec().id(), run);
        }
        return cell -> cell.runs().stream().map(spec -> byId.get(spec.id())).filter(Objects::nonNull).toList();
    }
}
