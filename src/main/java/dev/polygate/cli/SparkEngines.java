package dev.polygate.cli;

import dev.polygate.experiment.store.RunEngine;

/** --engine spark: the Spark engine, once Spark is on the class path. */
final class SparkEngines {
    private SparkEngines() {
    }

    static RunEngine create(String command, String master) {
        throw new UsageException(command + ": --engine spark is not available yet");
    }
}
