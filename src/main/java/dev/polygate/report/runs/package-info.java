/**
 * Run records: accuracy.json, the file a sweep's runs are kept in. {@link
 * dev.polygate.report.runs.AccuracyJsonWriter} is its one writer and {@link
 * dev.polygate.report.runs.AccuracyJsonReader} its one reader, used by every report that reads a
 * sweep back (throughput's cost versus accuracy, the JDK comparison). A run's identity is its
 * {@link dev.polygate.model.RunSpec}: everything that goes into the computation.
 */
package dev.polygate.report.runs;
