package dev.polygate.report;

import dev.polygate.model.Activation;
import dev.polygate.model.RunSpec;

/**
 * Everything a run's setting depends on except the target degree, the layer kind and the seed:
 * the runs of one config are what one section of the report (and one row of the figure) compares.
 */
record Config(Activation activation, int width, int depth, double lr, int samples, int steps) {

    static Config of(RunSpec spec) {
        return new Config(spec.model().activation(), spec.model().width(), spec.model().depth(), spec.lr(),
                spec.samples(), spec.steps());
    }

    /** "relu", or "relu, width 10, depth 1, lr 0.01" when the sweep has more than one of those values. */
    String label(boolean withHyperparameters) {
        String name = activation.cliName();
        return withHyperparameters ? name + ", width " + width + ", depth " + depth + ", lr " + lr : name;
    }
}
