/**
 * JMH results for reports: {@link dev.polygate.report.jmh.JmhJson} reads the JSON JMH writes
 * with {@code -rf json} into {@link dev.polygate.report.jmh.JmhResult}s (one per benchmark and
 * parameter set, raw iteration values per fork, the JVM it ran on), keyed by
 * {@link dev.polygate.report.jmh.BenchmarkId}; {@link dev.polygate.report.jmh.MedianInterval}
 * gives a sample's median with a distribution-free order-statistic confidence interval.
 *
 * <p>Nothing here knows about a particular report: every report that reads JMH output (the JDK
 * comparison in {@code report.jdk}, and any other) should use these classes rather than keep its
 * own reader or interval code. Bad input is an IllegalArgumentException with a one-line message
 * naming the file, fit to show a user.
 */
package dev.polygate.report.jmh;
