package dev.polygate.report.accuracy;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.text.FloatText;
import dev.polygate.model.Activation;

/**
 * Everything a cell's setting depends on except the target, the layer kind and the seed: the
 * cells of one config are what one section of the report (and one row of the figure) compares.
 */
record Config(Activation activation, Sizing sizing, int depth, double lr, int samples, int steps) {

    static Config of(Grid.Cell cell, Grid grid) {
        return new Config(cell.activation(), cell.sizing(), cell.depth(), cell.lr(), grid.samples(), grid.steps());
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
