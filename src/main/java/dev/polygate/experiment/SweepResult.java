package dev.polygate.experiment;

import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A finished sweep: its grid, every distinct run in grid order, where and how long it ran. */
public record SweepResult(Grid grid, List<TrainingResult> runs, Environment environment, int threads,
                          double wallSeconds) {

    /**
     * The runs of one cell of the grid, in seed order; a run shared by two cells (one model under
     * two sizings) is in both. Runs the result lacks are skipped.
     */
    public List<TrainingResult> runsOf(Grid.Cell cell) {
        Map<String, TrainingResult> byId = new HashMap<>();
        for (TrainingResult run : runs) {
            byId.put(run.spec().id(), run);
        }
        List<TrainingResult> out = new ArrayList<>();
        for (var spec : cell.runs()) {
            TrainingResult run = byId.get(spec.id());
            if (run != null) {
                out.add(run);
            }
        }
        return out;
    }
}
