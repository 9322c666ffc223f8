package dev.polygate.train;

import dev.polygate.model.RunSpec;

/** Placeholder for float64 first-order training (issue 12, being written): refuses every run. */
final class DoubleTrainer {
    private DoubleTrainer() {
    }

    static TrainingResult train(RunSpec spec) {
        throw new UnsupportedOperationException("precision float64 is not built yet");
    }
}
