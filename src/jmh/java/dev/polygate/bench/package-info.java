/**
 * polygate's JMH benchmarks, one idea per class. Every class runs 6 forks of 3 × 300 ms warm-up
 * and 2 × 300 ms measurement: the fork (one JVM, with its own JIT decisions and memory layout) is
 * the unit the reports compare (fork medians, Hodges–Lehmann ratios with Mann–Whitney intervals,
 * report/stats/HodgesLehmannRatio), and 6 forks a side is the fewest at which a 95 % interval
 * exists and a difference can be called at all (smallest attainable p 0.002; with 3 it is 0.1).
 * Iterations inside a fork are correlated, so more forks buy more than longer ones.
 */
package dev.polygate.bench;
