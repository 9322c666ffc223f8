package dev.polygate.train;

import dev.polygate.model.RunSpec;

/** Placeholder for the second-order methods (issue 12, being written): refuses every run. */
final class SecondOrderTrainer {
    private SecondOrderTrainer() {
    }

    static TrainingResult train(RunSpec spec) {
        throw new UnsupportedOperationException("optimiser " + spec.setup().optimizer().text() + " is not built yet");
    }
}
