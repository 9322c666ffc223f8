package dev.polygate.report.accuracy;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.text.FloatText;
import dev.polygate.model.Activation;

/**
 * A setting: what the cells of one report section (and one row of the figure) share, that is
 * everything a cell is except its target and layer kind. A cell is the runs that differ only by
 * seed; the cells of one setting are what its section compares.
 */
record Setting(Activation activation, Sizing sizing, int depth, double lr, int samples, int steps) {

    static Setting of(Grid.Cell cell, Grid grid) {
        return new Setting(cell.activation(), cell.sizing(), cell.depth(), cell.lr(), grid.samples(), grid.steps());
    }

    /**
     * "relu", plus the sizing when the sweep has more than one ("relu, equal width 10"), plus depth
     * and lr when those vary.
     */
    String label(boolean withSizing, boolean withHyperparameters) {
        String name = activation.cliName();
        if (withSizing || withHyperparameters) {
            name += ", " + sizing.label();
        }
        return withHyperparameters ? name + ", depth " + depth + ", lr " + FloatText.shortest(lr) : name;
    }
}
