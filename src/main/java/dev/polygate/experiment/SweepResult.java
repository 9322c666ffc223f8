package dev.polygate.experiment;

import dev.polygate.train.TrainingResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A sweep's runs as its report reads them: its grid, every distinct run in grid order, and the
 * environments the runs were trained in (one, unless a resumed, sharded or cluster sweep ran on several).
 */
public record SweepResult(Grid grid, List<TrainingResult> runs, List<Environment> environments) {

    public SweepResult {
        runs = List.copyOf(runs);
        environments = List.copyOf(environments);
    }

    /** The first environment (the only one, in a sweep that ran in one JVM); this JVM's if no run is stored. */
    public Environment environment() {
        return environments.isEmpty() ? Environment.current() : environments.get(0);
    }

    /** Seconds the runs took, each on its own thread, summed: the work, whatever the threads or machines. */
    public double trainingSeconds() {
        double sum = 0;
        for (TrainingResult run : runs) {
            if (Double.isFinite(run.wallSeconds())) {
                sum += run.wallSeconds();
            }
        }
        return sum;
    }

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
