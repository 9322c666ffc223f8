/**
 * A sweep's runs read back for the reports built on a sweep (throughput's cost versus accuracy, the
 * JDK comparison): {@link dev.polygate.report.runs.SweepStores} reads them from the sweep's run
 * store (sweep-runs.jsonl, written by {@link dev.polygate.experiment.store.RunStore}). A run's
 * identity is its {@link dev.polygate.model.RunSpec}: everything that goes into the computation.
 */
package dev.polygate.report.runs;
