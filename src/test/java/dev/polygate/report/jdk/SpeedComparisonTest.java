package dev.polygate.report.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.jdk.SpeedRow.Difference;
import dev.polygate.report.jmh.BenchmarkId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeedComparisonTest {
    private static BenchmarkId id(String method) {
        return new BenchmarkId("dev.polygate.bench.X." + method, Map.of());
    }

    /** Ten samples 1..10 scaled: median 5.5·s, 95% interval [2·s, 9·s]. */
    private static double[] tenSamples(double scale) {
        double[] v = new double[10];
        for (int i = 0; i < 10; i++) {
            v[i] = (i + 1) * scale;
        }
        return v;
    }

    @Test
    void ratioAndItsIntervalComeFromTheTwoMedianIntervals() {
        SpeedRow row = SpeedRow.of(id("m"), tenSamples(10), tenSamples(5));
        assertEquals(55, row.a().median());
        assertEquals(27.5, row.b().median());
        assertEquals(0.5, row.ratio().ratio(), 1e-15);
        // [B low / A high, B high / A low] = [10 / 90, 45 / 20]
        assertEquals(10.0 / 90, row.ratio().low(), 1e-15);
        assertEquals(45.0 / 20, row.ratio().high(), 1e-15);
        assertEquals(Difference.NONE, row.difference(), "[10, 45] and [20, 90] overlap");
    }

    @Test
    void onlyIntervalsThatDoNotOverlapAreCalled() {
        // A: [20, 90]. B faster: [1, 9] lies wholly below; B slower: [200, 900] wholly above;
        // touching: [9, 20] shares the point 20 → no clear difference.
        double[] a = tenSamples(10);
        assertEquals(Difference.B_FASTER, SpeedRow.of(id("f"), a, tenSamples(1)).difference());
        assertEquals(Difference.B_SLOWER, SpeedRow.of(id("s"), a, tenSamples(100)).difference());
        double[] touching = {8, 9, 10, 11, 12, 13, 14, 15, 20, 21};
        SpeedRow t = SpeedRow.of(id("t"), a, touching);
        assertEquals(9, t.b().low());
        assertEquals(20, t.b().high());
        assertEquals(Difference.NONE, t.difference());
        // The rule agrees with the ratio interval: a call exactly when it excludes 1.
        SpeedRow fast = SpeedRow.of(id("f"), a, tenSamples(1));
        assertTrue(fast.ratio().high() < 1);
        assertTrue(t.ratio().low() <= 1 && t.ratio().high() >= 1);
    }

    @Test
    void comparisonCountsVerdictsListsOneSidedBenchmarksAndTakesTheGeometricMean() {
        Map<BenchmarkId, double[]> a = new LinkedHashMap<>();
        Map<BenchmarkId, double[]> b = new LinkedHashMap<>();
        a.put(id("slow"), tenSamples(10));
        b.put(id("slow"), tenSamples(100));     // ratio 10, B slower: [200, 900] above [20, 90]
        a.put(id("fast"), tenSamples(10));
        b.put(id("fast"), tenSamples(1));       // ratio 0.1, B faster: [2, 9] below [20, 90]
        a.put(id("same"), tenSamples(10));
        b.put(id("same"), tenSamples(10));      // ratio 1
        a.put(id("onlyA"), tenSamples(1));
        b.put(id("onlyB"), tenSamples(1));
        SpeedComparison c = SpeedComparison.of(a, b);
        assertEquals(List.of("fast", "same", "slow"),
                c.rows().stream().map(r -> r.id().simpleName().substring(2)).toList(), "sorted by name");
        assertEquals(1, c.count(Difference.B_FASTER));
        assertEquals(1, c.count(Difference.B_SLOWER));
        assertEquals(1, c.count(Difference.NONE));
        assertEquals(1.0, c.geometricMeanRatio(), 1e-12, "(10 · 0.1 · 1)^(1/3)");
        assertEquals(List.of(id("onlyA")), c.onlyInA());
        assertEquals(List.of(id("onlyB")), c.onlyInB());
        assertEquals(2.0, SpeedComparison.geometricMean(new double[] {1, 4}), 1e-12);
        assertTrue(Double.isNaN(SpeedComparison.geometricMean(new double[0])));
    }

    @Test
    void fewSamplesAreFlaggedAsFallback() {
        SpeedRow row = SpeedRow.of(id("m"), new double[] {1, 2, 3}, tenSamples(1));
        assertTrue(row.usesFallback());
        assertTrue(row.a().minMaxFallback());
        assertEquals(1, row.a().low());
        assertEquals(3, row.a().high());
    }
}
