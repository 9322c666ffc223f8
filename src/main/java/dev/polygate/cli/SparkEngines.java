package dev.polygate.cli;

import dev.polygate.experiment.store.RunEngine;
import dev.polygate.experiment.store.SparkEngine;

/**
 * --engine spark. Spark is not in polygate.jar (bin/polygate adds target/spark-lib for this
 * engine; spark-submit brings its own): without it on the class path this is one line, exit 2.
 */
final class SparkEngines {
    private SparkEngines() {
    }

    static RunEngine create(String command, String master, int threadsPerRun) {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkEngines.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new UsageException(command + ": --engine spark needs Apache Spark on the class path: run through "
                    + "bin/polygate (it adds target/spark-lib) or spark-submit");
        }
        return new SparkEngine(master, threadsPerRun);
    }
}
