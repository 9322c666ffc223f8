package dev.polygate.report;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.LayerKind;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sweep's runs grouped into cells (config, degree, kind), listed in the grid's order so every
 * output of the report has the same row and column order.
 */
final class SweepCells {
    private final SweepResult result;
    private final List<Config> configs;
    private final Map<CellKey, List<TrainingResult>> runsByCell = new LinkedHashMap<>();

    private record CellKey(Config config, int degree, LayerKind kind) {
    }

    private SweepCells(SweepResult result) {
        this.result = result;
        Objects.requireNonNull(result.grid(), "sweep result has no grid");
        List<Config> ordered = new ArrayList<>();
        for (TrainingResult run : result.runs()) {
            Config config = Config.of(run.spec());
            if (!ordered.contains(config)) {
                ordered.add(config);
            }
            CellKey key = new CellKey(config, run.spec().degree(), run.spec().model().kind());
            runsByCell.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
        }
        this.configs = List.copyOf(ordered);
    }

    static SweepCells of(SweepResult result) {
        return new SweepCells(result);
    }

    SweepResult result() {
        return result;
    }

    /** Configs in the order their runs appear (the grid's order). */
    List<Config> configs() {
        return configs;
    }

    List<Integer> degrees() {
        return result.grid().degrees();
    }

    List<LayerKind> kinds() {
        return result.grid().kinds();
    }

    /** The seeds of one cell; empty if the sweep has no such cell. */
    List<TrainingResult> runs(Config config, int degree, LayerKind kind) {
        return runsByCell.getOrDefault(new CellKey(config, degree, kind), List.of());
    }

    /** Whether configs differ in more than the activation, so labels must name width, depth and lr. */
    boolean hyperparametersVary() {
        Grid grid = result.grid();
        return grid.widths().size() > 1 || grid.depths().size() > 1 || grid.lrs().size() > 1;
    }
}
