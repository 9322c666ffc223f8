package dev.polygate.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class HodgesLehmannRatioTest {

    @Test
    void theUDistributionIsTheExactNullDistribution() {
        // m = n = 5: C(10, 5) = 252 orderings; U = 0, 1, 2, 3 arise in 1, 1, 2, 3 of them.
        double[] cdf = HodgesLehmannRatio.uDistribution(5, 5);
        assertEquals(26, cdf.length);
        assertEquals(1, cdf[0] * 252, 1e-9);
        assertEquals(2, cdf[1] * 252, 1e-9);
        assertEquals(4, cdf[2] * 252, 1e-9);
        assertEquals(7, cdf[3] * 252, 1e-9);
        assertEquals(1, cdf[25], 1e-12);
        // Symmetric: P(U ≤ u) = P(U ≥ mn − u) = 1 − P(U ≤ mn − u − 1).
        double[] c = HodgesLehmannRatio.uDistribution(3, 7);
        for (int u = 0; u < 21; u++) {
            assertEquals(c[u], 1 - c[20 - u], 1e-12, "u = " + u);
        }
    }

    @Test
    void fiveForksPerSideGiveTheThirdSmallestToThirdLargestRatioAt96Point8Percent() {
        // Numerator i·10, denominator j: the 25 ratios 10i/j sorted; k = 3.
        double[] num = {10, 20, 30, 40, 50};
        double[] den = {1, 2, 3, 4, 5};
        HodgesLehmannRatio r = HodgesLehmannRatio.of95(num, den);
        double[] ratios = new double[25];
        int i = 0;
        for (double x : num) {
            for (double y : den) {
                ratios[i++] = x / y;
            }
        }
        Arrays.sort(ratios);
        assertEquals(3, r.lowRank());
        assertEquals(1 - 2 * 4.0 / 252, r.coverage(), 1e-12);
        assertFalse(r.belowLevel());
        assertEquals(ratios[2], r.low(), 1e-9);
        assertEquals(ratios[22], r.high(), 1e-9);
        assertEquals(ratios[12], r.ratio(), 1e-9, "the median of 25 ratios is the 13th");
        assertEquals(2.0 / 252, r.minimumAttainableP(), 1e-15);
    }

    @Test
    void theSmallestPIsReachedWhenTheGroupsDoNotOverlapAndAgreesWithCommonsStatistics() {
        HodgesLehmannRatio apart = HodgesLehmannRatio.of95(new double[] {2, 2.1, 2.2, 2.3, 2.4},
                new double[] {1, 1.1, 1.2, 1.3, 1.4});
        assertEquals(apart.minimumAttainableP(), apart.pValue(), 1e-12);
        assertTrue(apart.excludes(1));
        // Three forks a side can never reach 5 %: min p = 2/20, and no 95 % interval exists.
        HodgesLehmannRatio three = HodgesLehmannRatio.of95(new double[] {2, 2.1, 2.2}, new double[] {1, 1.1, 1.2});
        assertEquals(0.1, three.minimumAttainableP(), 1e-12);
        assertEquals(0.1, three.pValue(), 1e-12);
        assertTrue(three.belowLevel());
        assertEquals(0.9, three.coverage(), 1e-12);
    }

    @Test
    void theRatioIsEquivariantAndDeterministic() {
        double[] num = {3.1, 2.9, 3.3, 3.0, 2.7, 3.6};
        double[] den = {1.5, 1.7, 1.4, 1.6, 1.55};
        HodgesLehmannRatio r = HodgesLehmannRatio.of95(num, den);
        assertEquals(r, HodgesLehmannRatio.of95(num.clone(), den.clone()));
        double[] doubled = Arrays.stream(num).map(v -> 2 * v).toArray();
        HodgesLehmannRatio d = HodgesLehmannRatio.of95(doubled, den);
        assertEquals(2 * r.ratio(), d.ratio(), 1e-12);
        assertEquals(2 * r.low(), d.low(), 1e-12);
        assertEquals(2 * r.high(), d.high(), 1e-12);
        // Swapping the groups inverts the ratio and its interval.
        HodgesLehmannRatio inverse = HodgesLehmannRatio.of95(den, num);
        assertEquals(1 / r.ratio(), inverse.ratio(), 1e-12);
        assertEquals(1 / r.high(), inverse.low(), 1e-12);
        assertEquals(1 / r.low(), inverse.high(), 1e-12);
    }

    @Test
    void oneForkASideHasNoIntervalWorthTheName() {
        HodgesLehmannRatio r = HodgesLehmannRatio.of95(new double[] {2}, new double[] {1});
        assertEquals(2, r.ratio(), 1e-15);
        assertTrue(r.belowLevel());
        assertEquals(0, r.coverage());
        assertEquals(1, r.pValue());
    }

    @Test
    void refusesEmptyNonPositiveOrNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> HodgesLehmannRatio.of95(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> HodgesLehmannRatio.of95(new double[] {0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> HodgesLehmannRatio.of95(new double[] {1}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> HodgesLehmannRatio.of(new double[] {1}, new double[] {1}, 1));
    }

    // --- simulated benchmarks: forks with known spread --------------------------------------------

    /**
     * Synthetic JMH forks: each fork has its own offset (log-normal, sd {@code forkSd}: the JIT
     * and memory layout of that JVM), and its iterations scatter tightly around it (sd
     * {@code iterationSd}), as real forks do. Returns per fork its iterations.
     */
    static double[][] forks(ZigguratSampler.NormalizedGaussian z, double time, int forks, int iterations,
                            double forkSd, double iterationSd) {
        double[][] out = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double offset = forkSd * z.sample();
            for (int i = 0; i < iterations; i++) {
                out[f][i] = time * Math.exp(offset + iterationSd * z.sample());
            }
        }
        return out;
    }

    static double[] forkMedians(double[][] forks) {
        return Arrays.stream(forks).mapToDouble(f -> MedianInterval.of95(f).median()).toArray();
    }

    static double[] pooled(double[][] forks) {
        return Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void inAnAaComparisonTheFalsePositiveRateIsTheNominalOneWherePoolingIterationsIsFarAbove() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240611L);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int benchmarks = 3000;
        int forkCalls = 0;
        int pooledCalls = 0;
        for (int b = 0; b < benchmarks; b++) {
            // Same distribution on both sides: every call is false. Fork offsets 3 %, iterations 0.5 %.
            double[][] a = forks(z, 1000, 5, 3, 0.03, 0.005);
            double[][] a2 = forks(z, 1000, 5, 3, 0.03, 0.005);
            if (HodgesLehmannRatio.of95(forkMedians(a2), forkMedians(a)).excludes(1)) {
                forkCalls++;
            }
            // The old rule on the old schedule: 2 forks × 5 iterations pooled per side, called where the two
            // median intervals do not overlap.
            double[][] old = forks(z, 1000, 2, 5, 0.03, 0.005);
            double[][] old2 = forks(z, 1000, 2, 5, 0.03, 0.005);
            if (!MedianInterval.of95(pooled(old2)).overlaps(MedianInterval.of95(pooled(old)))) {
                pooledCalls++;
            }
        }
        double forkRate = (double) forkCalls / benchmarks;
        double pooledRate = (double) pooledCalls / benchmarks;
        // Nominal: 1 − coverage = 8/252 = 3.17 %; the binomial sd over 3000 benchmarks is 0.32 points.
        assertTrue(forkRate > 0.02 && forkRate < 0.045, "fork-as-unit A/A false-positive rate " + forkRate);
        // Were the 10 pooled values independent, two non-overlapping 95 % intervals would be rarer than 1 %;
        // fork offsets make them common (the issue saw 4 and 5 of 30 in A/A).
        assertTrue(pooledRate > 0.1, "pooled iterations call many A/A differences: " + pooledRate);
    }

    @Test
    void aTrue20PercentSlowdownWithLittleNoiseIsFoundEveryTimeAndEstimatedClosely() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int runs = 500;
        int found = 0;
        double worst = 0;
        for (int r = 0; r < runs; r++) {
            double[] a = forkMedians(forks(z, 1000, 5, 3, 0.02, 0.005));
            double[] b = forkMedians(forks(z, 1200, 5, 3, 0.02, 0.005));
            HodgesLehmannRatio ratio = HodgesLehmannRatio.of95(b, a);
            if (ratio.low() > 1) {
                found++;
            }
            worst = Math.max(worst, Math.abs(Math.log(ratio.ratio() / 1.2)));
        }
        assertEquals(runs, found);
        assertTrue(worst < 0.06, "largest log error of the estimate " + worst);
    }
}
