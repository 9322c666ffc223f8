package dev.polygate.experiment.store;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.GridDesign;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.RunSpec;
import dev.polygate.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The stored runs of one design, from one store or several merged: every record in grid order
 * (so a report is the same whichever order the runs finished in, on whatever threads, shards or
 * executors), and the runs of the grid that no store holds yet.
 *
 * @param records one per run, in the order of {@code design.design().runs()}
 * @param missing runs of the grid with no record (not trained yet; a failed run has a record)
 * @param files   the store files read
 */
public record StoredRuns(StoreDesign design, String numerics, List<RunRecord> records, List<RunSpec> missing,
                         List<Path> files) {

    /** Orders {@code byRun} (by RunSpec id) as the design's grid, noting the grid's runs it lacks. */
    static StoredRuns of(StoreDesign design, String numerics, Map<String, RunRecord> byRun, List<Path> files) {
        List<RunRecord> records = new ArrayList<>();
        List<RunSpec> missing = new ArrayList<>();
        for (RunSpec spec : design.design().runs()) {
            RunRecord r = byRun.get(spec.id());
            if (r == null) {
                missing.add(spec);
            } else {
                records.add(r);
            }
        }
        return new StoredRuns(design, numerics, List.copyOf(records), List.copyOf(missing), List.copyOf(files));
    }

    /** A store with no run yet. */
    public static StoredRuns empty(StoreDesign design, String numerics, Path file) {
        return of(design, numerics, java.util.Map.of(), List.of(file));
    }

    /** Whether every run of the grid has a record (finished, diverged or failed). */
    public boolean complete() {
        return missing.isEmpty();
    }

    /**
     * The runs as the grid reports take them: grid order; the environments they ran in, each once,
     * first seen first.
     *
     * @throws IllegalStateException for a design that is not one grid (the Queiruga protocol)
     */
    public SweepResult toSweepResult() {
        if (!(design.design() instanceof GridDesign grid)) {
            throw new IllegalStateException(design.command() + " design " + design.id() + " is not one grid");
        }
        List<TrainingResult> runs = new ArrayList<>(records.size());
        LinkedHashSet<Environment> environments = new LinkedHashSet<>();
        for (RunRecord r : records) {
            runs.add(r.result());
            environments.add(r.environment());
        }
        return new SweepResult(grid.grid(), runs, List.copyOf(environments));
    }
}
