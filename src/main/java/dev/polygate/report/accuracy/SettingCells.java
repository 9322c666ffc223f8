package dev.polygate.report.accuracy;

import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cells of one setting: one {@link CellStats} per (target, kind) of the grid, and the
 * comparisons between them the section reads.
 */
final class SettingCells {
    private final Setting setting;
    private final List<Target> targets;
    private final List<LayerKind> kinds;
    private final Map<Target, Map<LayerKind, CellStats>> cells = new LinkedHashMap<>();

    private SettingCells(SweepCells sweep, Setting setting) {
        this.setting = setting;
        this.targets = sweep.targets();
        this.kinds = sweep.kinds();
        for (Target target : targets) {
            Map<LayerKind, CellStats> row = new EnumMap<>(LayerKind.class);
            for (LayerKind kind : kinds) {
                row.put(kind, CellStats.of(sweep.runs(setting, target, kind)));
            }
            cells.put(target, row);
        }
    }

    static SettingCells of(SweepCells sweep, Setting setting) {
        return new SettingCells(sweep, setting);
    }

    Setting setting() {
        return setting;
    }

    List<Target> targets() {
        return targets;
    }

    List<LayerKind> kinds() {
        return kinds;
    }

    /** The grid's powers xⁿ with n ≥ {@code min}, in grid order: the targets the study's claims are about. */
    List<Target> powersFrom(int min) {
        return targets.stream().filter(t -> t.isPower() && t.degree() >= min).toList();
    }

    boolean hasKind(LayerKind kind) {
        return kinds.contains(kind);
    }

    CellStats cell(Target target, LayerKind kind) {
        CellStats stats = cells.get(target).get(kind);
        if (stats == null) {
            throw new IllegalArgumentException("the grid has no " + kind.cliName() + " runs");
        }
        return stats;
    }

    /** The kind with the lowest median final MSE at this target (first in grid order on a tie). */
    Optional<LayerKind> bestKind(Target degree) {
        LayerKind best = null;
        for (LayerKind kind : kinds) {
            CellStats stats = cell(degree, kind);
            if (stats.hasFinished() && (best == null || stats.median() < cell(degree, best).median())) {
                best = kind;
            }
        }
        return Optional.ofNullable(best);
    }

    PairedComparison compare(Target degree, LayerKind challenger, LayerKind baseline, PairedComparison.Win rule) {
        return PairedComparison.of(cell(degree, challenger), cell(degree, baseline), rule);
    }
}
