package dev.polygate.train;

import dev.polygate.model.RunSpec;

/**
 * Trains one run on a given number of threads inside it: {@link Trainer#train(RunSpec, int)}, or
 * in tests a stand-in that fails on purpose. The result must not depend on the thread count.
 */
@FunctionalInterface
public interface RunTrainer {
    TrainingResult train(RunSpec spec, int threadsPerRun);
}
