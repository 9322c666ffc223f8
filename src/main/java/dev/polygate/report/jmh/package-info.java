/**
 * JMH results for reports: {@link dev.polygate.report.jmh.JmhJson} reads the JSON JMH writes
 * with {@code -rf json} into {@link dev.polygate.report.jmh.JmhResult}s (one per benchmark and
 * parameter set, each iteration as nanoseconds per call of the benchmark method, per fork, the
 * {@link dev.polygate.report.jmh.Jvm} it ran on), keyed by {@link dev.polygate.report.jmh.BenchmarkId};
 * {@link dev.polygate.report.jmh.RatioInterval} gives the ratio of two medians with the interval
 * both of their {@link dev.polygate.report.stats.MedianInterval}s allow.
 *
 * <p>Nothing here knows about a particular report: every report that reads JMH output (the JDK
 * comparison in {@code report.jdk}, the throughput report in {@code report.throughput}) uses these
 * classes rather than keeping its own reader or interval code. Bad input is an
 * {@link dev.polygate.report.input.InvalidInputException} with a one-line message naming the file, fit
 * to show a user.
 */
package dev.polygate.report.jmh;
