package dev.polygate.report.jdk;

import dev.polygate.report.jdk.SpeedRow.Difference;
import dev.polygate.report.jmh.BenchmarkId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every benchmark measured on both JDKs, one {@link SpeedRow} each (sorted by benchmark), plus
 * the benchmarks only one side has. The maps hold each benchmark's fork medians (one value per fork).
 */
record SpeedComparison(List<SpeedRow> rows, List<BenchmarkId> onlyInA, List<BenchmarkId> onlyInB) {

    static SpeedComparison of(Map<BenchmarkId, double[]> a, Map<BenchmarkId, double[]> b) {
        List<SpeedRow> rows = new ArrayList<>();
        List<BenchmarkId> onlyA = new ArrayList<>();
        for (Map.Entry<BenchmarkId, double[]> e : a.entrySet()) {
            double[] other = b.get(e.getKey());
            if (other == null) {
                onlyA.add(e.getKey());
            } else {
                rows.add(SpeedRow.of(e.getKey(), e.getValue(), other));
            }
        }
        List<BenchmarkId> onlyB = b.keySet().stream().filter(id -> !a.containsKey(id)).sorted().toList();
        rows.sort((x, y) -> x.id().compareTo(y.id()));
        onlyA.sort(null);
        return new SpeedComparison(List.copyOf(rows), List.copyOf(onlyA), onlyB);
    }

    long count(Difference difference) {
        return rows.stream().filter(r -> r.difference() == difference).count();
    }

    /**
     * The geometric mean of the median ratios B/A: the typical factor by which B's time differs,
     * where a 2× speed-up and a 2× slow-down cancel. NaN if there are no rows.
     */
    double geometricMeanRatio() {
        return geometricMean(rows.stream().mapToDouble(r -> r.ratio().ratio()).toArray());
    }

    static double geometricMean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double logSum = 0;
        for (double v : values) {
            logSum += Math.log(v);
        }
        return Math.exp(logSum / values.length);
    }

    /** The fewest forks any compared benchmark has on either side; 0 if there are no rows. */
    int fewestForks() {
        return rows.stream().mapToInt(r -> Math.min(r.a().n(), r.b().n())).min().orElse(0);
    }

    /** The most forks any compared benchmark has on either side; 0 if there are no rows. */
    int mostForks() {
        return rows.stream().mapToInt(r -> Math.max(r.a().n(), r.b().n())).max().orElse(0);
    }

    boolean anyFallback() {
        return rows.stream().anyMatch(SpeedRow::usesFallback);
    }
}
