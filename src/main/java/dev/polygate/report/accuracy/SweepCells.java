package dev.polygate.report.accuracy;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sweep's runs by cell (setting, target, kind; a cell is the runs that differ only by seed), in the grid's order
 * so every output of the report has the same row and column order. A run that sits in two cells
 * (the same model under two sizings) is trained once and counted in both.
 */
final class SweepCells {
    private final SweepResult result;
    private final List<Setting> settings;
    private final Map<CellKey, List<TrainingResult>> runsByCell = new LinkedHashMap<>();

    private record CellKey(Setting setting, Target target, LayerKind kind) {
    }

    private SweepCells(SweepResult result) {
        this.result = result;
        Grid grid = Objects.requireNonNull(result.grid(), "sweep result has no grid");
        List<Setting> ordered = new ArrayList<>();
        var cellRuns = result.cellRuns();
        for (Grid.Cell cell : grid.cells()) {
            Setting setting = Setting.of(cell, grid);
            if (!ordered.contains(setting)) {
                ordered.add(setting);
            }
            runsByCell.put(new CellKey(setting, cell.target(), cell.kind()), cellRuns.apply(cell));
        }
        this.settings = List.copyOf(ordered);
    }

    static SweepCells of(SweepResult result) {
        return new SweepCells(result);
    }

    SweepResult result() {
        return result;
    }

    /** Settings in the grid's order. */
    List<Setting> settings() {
        return settings;
    }

    List<Target> targets() {
        return result.grid().targets();
    }

    /** Whether every target is a power xⁿ, so tables can head their rows "n". */
    boolean onlyPowers() {
        return targets().stream().allMatch(Target::isPower);
    }

    List<LayerKind> kinds() {
        return result.grid().kinds();
    }

    /** The seeds of one cell; empty if the sweep has no such cell. */
    List<TrainingResult> runs(Setting setting, Target target, LayerKind kind) {
        return runsByCell.getOrDefault(new CellKey(setting, target, kind), List.of());
    }

    /** Whether settings differ in their sizing, so labels must name it. */
    boolean sizingsVary() {
        return result.grid().sizings().size() > 1;
    }

    /** Whether settings differ in depth or lr, so labels must name them too. */
    boolean hyperparametersVary() {
        Grid grid = result.grid();
        return grid.depths().size() > 1 || grid.lrs().size() > 1;
    }

    /** A setting's label, naming as much as needed to tell the sweep's settings apart. */
    String label(Setting setting) {
        return setting.label(sizingsVary(), hyperparametersVary());
    }
}
