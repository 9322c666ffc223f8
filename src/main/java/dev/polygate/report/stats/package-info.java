/**
 * Statistics the reports share, pure functions of arrays of numbers (no I/O, no report types):
 * {@link dev.polygate.report.stats.MedianInterval} gives a sample's median with a
 * distribution-free order-statistic confidence interval;
 * {@link dev.polygate.report.stats.PairedTest} compares two kinds' final MSEs seed by seed (wins,
 * median ratio with its interval, exact Wilcoxon signed-rank and sign tests, a verdict at a level);
 * {@link dev.polygate.report.stats.HodgesLehmannRatio} compares two groups of forks (Hodges–Lehmann ratio,
 * Mann–Whitney interval and test); {@link dev.polygate.report.stats.PowerLawFit} fits a power law on log-log axes with a
 * confidence interval for its exponent.
 *
 * <p>Distributions and tests come from Commons Statistics and Commons Math rather than being
 * written here; these classes choose the method, handle the edge cases the reports meet (diverged
 * runs, exact ties, too few samples for the level asked for) and say which was met.
 */
package dev.polygate.report.stats;
