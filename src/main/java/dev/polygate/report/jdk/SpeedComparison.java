package dev.polygate.report.jdk;

import dev.polygate.report.jdk.SpeedRow.Difference;
import dev.polygate.report.jmh.BenchmarkId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every benchmark measured on both JDKs, one {@link SpeedRow} each (sorted by benchmark), plus
 * the benchmarks only one side has.
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

    boolean anyFallback() {
        return rows.stream().anyMatch(SpeedRow::usesFallback);
    }
}
