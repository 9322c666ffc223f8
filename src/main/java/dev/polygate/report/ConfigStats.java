package dev.polygate.report;

import dev.polygate.model.LayerKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cell statistics of one config: one {@link CellStats} per (degree, kind) of the grid. */
final class ConfigStats {
    private final Config config;
    private final List<Integer> degrees;
    private final List<LayerKind> kinds;
    private final Map<Integer, Map<LayerKind, CellStats>> cells = new LinkedHashMap<>();

    private ConfigStats(SweepCells sweep, Config config) {
        this.config = config;
        this.degrees = sweep.degrees();
        this.kinds = sweep.kinds();
        for (int degree : degrees) {
            Map<LayerKind, CellStats> row = new EnumMap<>(LayerKind.class);
            for (LayerKind kind : kinds) {
                row.put(kind, CellStats.of(sweep.runs(config, degree, kind)));
            }
            cells.put(degree, row);
        }
    }

    static ConfigStats of(SweepCells sweep, Config config) {
        return new ConfigStats(sweep, config);
    }

    Config config() {
        return config;
    }

    List<Integer> degrees() {
        return degrees;
    }

    List<LayerKind> kinds() {
        return kinds;
    }

    /** The grid's degrees n ≥ {@code min}, in grid order. */
    List<Integer> degreesFrom(int min) {
        return degrees.stream().filter(n -> n >= min).toList();
    }

    boolean hasKind(LayerKind kind) {
        return kinds.contains(kind);
    }

    CellStats cell(int degree, LayerKind kind) {
        CellStats stats = cells.get(degree).get(kind);
        if (stats == null) {
            throw new IllegalArgumentException("the grid has no " + kind.cliName() + " runs");
        }
        return stats;
    }

    /** The kind with the lowest median final MSE at this degree (first in grid order on a tie). */
    Optional<LayerKind> bestKind(int degree) {
        LayerKind best = null;
        for (LayerKind kind : kinds) {
            CellStats stats = cell(degree, kind);
            if (stats.hasFinished() && (best == null || stats.median() < cell(degree, best).median())) {
                best = kind;
            }
        }
        return Optional.ofNullable(best);
    }

    PairedComparison compare(int degree, LayerKind challenger, LayerKind baseline, PairedComparison.Win rule) {
        return PairedComparison.of(cell(degree, challenger), cell(degree, baseline), rule);
    }
}
