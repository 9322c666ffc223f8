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
    void theRatioIsTheHodgesLehmannRatioOfTheForkMedians() {
        // Ten fork medians a side: B's are A's halved, so every statistic of B/A is ½ of A's spread.
        SpeedRow row = SpeedRow.of(id("m"), tenSamples(10), tenSamples(5));
        assertEquals(55, row.a().median());
        assertEquals(27.5, row.b().median());
        assertEquals(0.5, row.ratio().ratio(), 1e-12);
        assertEquals(10, row.a().n(), "one value per fork");
        // The interval of the 100 pairwise ratios (i/j)/2 is wide, because the forks spread 1..10: no call.
        assertTrue(row.ratio().low() < 1 && row.ratio().high() > 0.5);
        assertEquals(Difference.NONE, row.difference());
    }

    @Test
    void aDifferenceNeedsTheIntervalToExcludeOneAndTheRatioToBeFivePercentFromOne() {
        double[] a = {100, 101, 99, 100.5, 99.5};
        // 20 % slower, forks apart: called.
        assertEquals(Difference.B_SLOWER, SpeedRow.of(id("s"), a, scaled(a, 1.2)).difference());
        assertEquals(Difference.B_FASTER, SpeedRow.of(id("f"), a, scaled(a, 0.8)).difference());
        // 3 % slower with every B fork above every A fork: the interval excludes 1, but 3 % < 5 %.
        SpeedRow small = SpeedRow.of(id("t"), a, scaled(a, 1.03));
        assertTrue(small.ratio().low() > 1);
        assertEquals(Difference.NONE, small.difference());
        // 20 % apart but with three forks a side: no 95 % interval exists, no call.
        SpeedRow few = SpeedRow.of(id("few"), new double[] {100, 101, 99}, new double[] {120, 121, 119});
        assertTrue(few.usesFallback());
        assertEquals(Difference.NONE, few.difference());
    }

    private static double[] scaled(double[] values, double factor) {
        return java.util.Arrays.stream(values).map(v -> v * factor).toArray();
    }

    /**
     * 30 simulated benchmarks per A/A run (5 forks a side, fork offsets 3 %, iterations 0.5 %),
     * 200 runs: the rule calls on average far less than 1 benchmark of 30 different.
     */
    @Test
    void anAaRunOfThirtyBenchmarksCallsAtMostOneDifferenceOnAverage() {
        org.apache.commons.rng.UniformRandomProvider rng =
                org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(31L);
        var z = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        int runs = 200;
        int calls = 0;
        int worstRun = 0;
        for (int r = 0; r < runs; r++) {
            int inRun = 0;
            for (int bench = 0; bench < 30; bench++) {
                double[] a = new double[5];
                double[] b = new double[5];
                for (int f = 0; f < 5; f++) {
                    a[f] = 1000 * Math.exp(0.03 * z.sample() + 0.005 * z.sample());
                    b[f] = 1000 * Math.exp(0.03 * z.sample() + 0.005 * z.sample());
                }
                if (SpeedRow.of(id("m"), a, b).difference() != Difference.NONE) {
                    inRun++;
                }
            }
            calls += inRun;
            worstRun = Math.max(worstRun, inRun);
        }
        double perRun = (double) calls / runs;
        assertTrue(perRun <= 1, "false differences per 30 benchmarks: " + perRun);
        assertTrue(worstRun <= 3, "worst A/A run: " + worstRun);
    }

    @Test
    void comparisonCountsVerdictsListsOneSidedBenchmarksAndTakesTheGeometricMean() {
        Map<BenchmarkId, double[]> a = new LinkedHashMap<>();
        Map<BenchmarkId, double[]> b = new LinkedHashMap<>();
        a.put(id("slow"), tenSamples(10));
        b.put(id("slow"), tenSamples(100));     // ratio 10, B slower: every pairwise ratio but a few above 1
        a.put(id("fast"), tenSamples(10));
        b.put(id("fast"), tenSamples(1));       // ratio 0.1, B faster
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
    void fewForksAreFlaggedAsFallback() {
        SpeedRow row = SpeedRow.of(id("m"), new double[] {1, 2, 3}, tenSamples(1));
        assertTrue(row.a().minMaxFallback());
        assertEquals(1, row.a().low());
        assertEquals(3, row.a().high());
        SpeedRow two = SpeedRow.of(id("m"), new double[] {1, 2}, new double[] {3, 4});
        assertTrue(two.usesFallback(), "2 forks a side: smallest p 1/3, no 95 % interval");
    }
}
