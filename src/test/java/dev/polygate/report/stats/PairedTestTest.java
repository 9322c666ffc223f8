package dev.polygate.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.stats.PairedTest.Verdict;
import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class PairedTestTest {
    private static final double EXACT = 1e-12;

    /**
     * The exact two-sided signed-rank p-value by brute force, independent of any library: over all
     * 2ⁿ ways to put signs on the ranks 1..n, the fraction whose W⁺ lies at least as far from its
     * mean n(n+1)/4 as the observed one.
     */
    private static double bruteForceWilcoxonP(int[] signedRanks) {
        int n = signedRanks.length;
        double mean = n * (n + 1) / 4.0;
        double observed = 0;
        for (int r : signedRanks) {
            observed += r > 0 ? r : 0;
        }
        int atLeastAsExtreme = 0;
        for (int signs = 0; signs < 1 << n; signs++) {
            int wPlus = 0;
            for (int rank = 1; rank <= n; rank++) {
                if ((signs & 1 << (rank - 1)) != 0) {
                    wPlus += rank;
                }
            }
            if (Math.abs(wPlus - mean) >= Math.abs(observed - mean) - 1e-9) {
                atLeastAsExtreme++;
            }
        }
        return atLeastAsExtreme / Math.pow(2, n);
    }

    /** The ranks of |d|, signed like d; the test data have no tied sizes. */
    private static int[] signedRanks(double[] d) {
        double[] sizes = Arrays.stream(d).map(Math::abs).sorted().toArray();
        return Arrays.stream(d).mapToInt(x -> (int) Math.signum(x) * (Arrays.binarySearch(sizes, Math.abs(x)) + 1))
                .toArray();
    }

    private static double[] exp(double[] d) {
        return Arrays.stream(d).map(Math::exp).toArray();
    }

    private static double[] ones(int n) {
        double[] b = new double[n];
        Arrays.fill(b, 1.0);
        return b;
    }

    @Test
    void fivePairsAllOneWayGiveTheFloorOfOneSixteenth() {
        // Exact: of the 32 sign assignments only all-plus and all-minus are as extreme, p = 2/32.
        PairedTest t = PairedTest.of(new double[] {2, 3, 4, 5, 6}, ones(5)).orElseThrow();
        assertEquals(5, t.pairs());
        assertEquals(0, t.winsA());
        assertEquals(5, t.winsB());
        assertEquals(0.0625, t.wilcoxonP(), EXACT);
        assertTrue(t.wilcoxonExact());
        assertEquals(15, t.rankSumAHigher());
        assertEquals(0, t.rankSumBHigher());
        // Sign test: 0 of 5 for a, 2 · P(B = 0) = 2/32 for B ~ Binomial(5, ½).
        assertEquals(0.0625, t.signP(), EXACT);
        assertEquals(0.0625, t.minimumAttainableP(), EXACT);
        assertFalse(t.canReach(0.05), "5 seeds can never reach p < 0.05");
        assertEquals(Verdict.NOT_DISTINGUISHABLE, t.verdict());
        assertEquals(Verdict.B_LOWER, t.verdict(0.10));
    }

    @Test
    void tenPairsAllOneWayGiveTwoIn1024AndADirection() {
        double[] higher = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        PairedTest bLower = PairedTest.of(higher, ones(10)).orElseThrow();
        assertEquals(2 / 1024.0, bLower.wilcoxonP(), EXACT);
        assertTrue(bLower.wilcoxonExact());
        assertEquals(2 / 1024.0, bLower.signP(), EXACT);
        assertEquals(Verdict.B_LOWER, bLower.verdict());
        assertEquals("b lower", bLower.verdict().label());

        PairedTest aLower = PairedTest.of(ones(10), higher).orElseThrow();
        assertEquals(10, aLower.winsA());
        assertEquals(2 / 1024.0, aLower.wilcoxonP(), EXACT);
        assertEquals(Verdict.A_LOWER, aLower.verdict());
        assertEquals(55, aLower.rankSumBHigher());
    }

    @Test
    void textbookPairsOnTheLogScaleAgreeWithEnumeration() {
        // Hollander & Wolfe (1973), p. 29, the example in R's ?wilcox.test: Hamilton depression
        // scale before (x) and after (y) a tranquilizer, nine patients.
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        // log(x/y) by hand: 0.734, −0.258, 0.997, 0.190, 0.460, 0.3766, 0.3800, −0.0258, 0.0077.
        int[] signedRanks = {8, -4, 9, 3, 7, 5, 6, -2, 1};
        double[] logRatios = new double[9];
        for (int i = 0; i < 9; i++) {
            logRatios[i] = Math.log(x[i] / y[i]);
        }
        assertEquals(Arrays.toString(signedRanks), Arrays.toString(signedRanks(logRatios)));
        // W⁻ = 6; W⁺ ≤ 6 or ≥ 39 in 2 · 14 of the 512 assignments (subsets of 1..9 summing to at
        // most 6: 1 + 1 + 1 + 2 + 2 + 3 + 4 = 14).
        assertEquals(28 / 512.0, bruteForceWilcoxonP(signedRanks), EXACT);

        PairedTest t = PairedTest.of(x, y).orElseThrow();
        assertTrue(t.wilcoxonExact());
        assertEquals(28 / 512.0, t.wilcoxonP(), EXACT);
        assertEquals(39, t.rankSumAHigher());
        assertEquals(6, t.rankSumBHigher());
        assertEquals(2, t.winsA());
        assertEquals(7, t.winsB());
        // Sign test, 2 of 9: 2 · (C(9,0) + C(9,1) + C(9,2)) / 512 = 2 · 46 / 512.
        assertEquals(92 / 512.0, t.signP(), EXACT);
        assertEquals(Verdict.NOT_DISTINGUISHABLE, t.verdict());
        assertTrue(t.canReach(0.05), "9 pairs could have reached 2/512");
    }

    @Test
    void textbookDifferencesReproduceR() {
        // The same example on raw differences x − y, fed as log ratios (a = e^d, b = 1). R:
        // wilcox.test(x, y, paired = TRUE, alternative = "greater") gives V = 40, p = 0.01953
        // (= 10/512); the two-sided p is twice that.
        double[] d = {0.952, -0.147, 1.022, 0.43, 0.62, 0.59, 0.49, -0.08, 0.01};
        int[] signedRanks = {8, -3, 9, 4, 7, 6, 5, -2, 1};
        assertEquals(Arrays.toString(signedRanks), Arrays.toString(signedRanks(d)));
        assertEquals(20 / 512.0, bruteForceWilcoxonP(signedRanks), EXACT);

        PairedTest t = PairedTest.of(exp(d), ones(9)).orElseThrow();
        assertEquals(40, t.rankSumAHigher());
        assertEquals(20 / 512.0, t.wilcoxonP(), EXACT);
        assertEquals(Verdict.B_LOWER, t.verdict());
    }

    @Test
    void theSignTestIgnoresHowFarEachPairWent() {
        // b lower on eight seeds by a lot, a lower on two by a little (ranks 1 and 2).
        double[] d = {-0.01, -0.02, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        PairedTest t = PairedTest.of(exp(d), ones(10)).orElseThrow();
        // Wilcoxon: W⁻ = 3; subsets of 1..10 summing to at most 3 are {}, {1}, {2}, {3}, {1,2}.
        assertEquals(10 / 1024.0, t.wilcoxonP(), EXACT);
        assertEquals(10 / 1024.0, bruteForceWilcoxonP(signedRanks(d)), EXACT);
        // Sign: 2 of 10, 2 · (1 + 10 + 45) / 1024.
        assertEquals(112 / 1024.0, t.signP(), EXACT);
        assertEquals(Verdict.B_LOWER, t.verdict());
    }

    @Test
    void theFloorIsAttainedAndMatchesTheLibraryForEveryN() {
        assertEquals(1.0, PairedTest.minimumAttainableP(0));
        assertEquals(1.0, PairedTest.minimumAttainableP(1));
        assertEquals(0.5, PairedTest.minimumAttainableP(2));
        assertEquals(0.0625, PairedTest.minimumAttainableP(5));
        assertEquals(0.03125, PairedTest.minimumAttainableP(6));
        for (int n = 1; n <= 30; n++) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = i + 2;
            }
            PairedTest t = PairedTest.of(a, ones(n)).orElseThrow();
            assertEquals(PairedTest.minimumAttainableP(n), t.wilcoxonP(), EXACT, "n = " + n);
            assertEquals(PairedTest.minimumAttainableP(n), t.signP(), EXACT, "n = " + n);
        }
        assertTrue(PairedTest.of(new double[] {2, 3, 4, 5, 6, 7}, ones(6)).orElseThrow().canReach(0.05));
        assertThrows(IllegalArgumentException.class, () -> PairedTest.minimumAttainableP(-1));
    }

    @Test
    void divergedRunsAreExcludedAndCounted() {
        double nan = Double.NaN;
        PairedTest t = PairedTest.of(new double[] {1, nan, 2, 4, nan, 3}, new double[] {2, 1, nan, 1, nan, 3})
                .orElseThrow();
        assertEquals(3, t.pairs());
        assertEquals(3, t.excluded());
        assertEquals(1, t.winsA());
        assertEquals(1, t.winsB());
        assertEquals(1, t.ties());
        // Ratios 0.5, 4, 1: median 1, min–max over 3 values covers 1 − 2/8.
        assertEquals(1.0, t.ratio().median());
        assertEquals(0.5, t.ratio().low());
        assertEquals(4.0, t.ratio().high());
        assertTrue(t.ratio().minMaxFallback());
        assertEquals(0.75, t.ratio().coverage(), EXACT);
        assertTrue(PairedTest.of(new double[] {nan, 1}, new double[] {2, nan}).isEmpty());
        assertTrue(PairedTest.of(new double[0], new double[0]).isEmpty());
    }

    @Test
    void bothZeroIsATieWithRatioOne() {
        PairedTest allTied = PairedTest.of(new double[] {0, 0.5}, new double[] {0, 0.5}).orElseThrow();
        assertEquals(2, allTied.ties());
        assertEquals(1.0, allTied.ratio().median());
        assertEquals(1.0, allTied.wilcoxonP());
        assertEquals(1.0, allTied.signP());
        assertEquals(Verdict.NOT_DISTINGUISHABLE, allTied.verdict(0.5));

        // One exact fit each way and a 0/0 tie: ratios 1, 0, +∞; log ratios 0, −∞, +∞.
        PairedTest t = PairedTest.of(new double[] {0, 0, 1e-3}, new double[] {0, 1e-3, 0}).orElseThrow();
        assertEquals(1, t.ties());
        assertEquals(1, t.winsA());
        assertEquals(1, t.winsB());
        assertEquals(1.0, t.ratio().median());
        assertEquals(0.0, t.ratio().low());
        assertEquals(Double.POSITIVE_INFINITY, t.ratio().high());
        assertFalse(t.wilcoxonExact(), "a zero and two tied sizes: the library approximates");
        assertEquals(2.5, t.rankSumAHigher());
        assertEquals(2.5, t.rankSumBHigher());
        assertEquals(1.0, t.wilcoxonP(), EXACT);
    }

    @Test
    void aTieSwitchesTheLibraryToPrattsZerosAndTheNormalApproximation() {
        // d = 0, 0.1, 0.2, 0.3, 0.4, −0.5 (a = e^d, b = 1; e^0 = 1 is a tie). Pratt: the zero takes
        // rank 1 and counts in n but not in W⁺, so W⁺ = 2 + 3 + 4 + 5 = 14, W⁻ = 6. Cureton's
        // approximation, by hand: E = (n(n+1) − z(z+1)) / 4 = (42 − 2) / 4 = 10,
        // Var = (n(n+1)(2n+1) − z(z+1)(2z+1)) / 24 = (546 − 6) / 24 = 22.5 (no tied sizes),
        // continuity-corrected Z = (14 − 10 − ½) / √22.5 = 0.7379, p = 2(1 − Φ(Z)) ≈ 0.4606.
        double[] d = {0, 0.1, 0.2, 0.3, 0.4, -0.5};
        PairedTest t = PairedTest.of(exp(d), ones(6)).orElseThrow();
        assertEquals(1, t.ties());
        assertFalse(t.wilcoxonExact());
        assertEquals(14, t.rankSumAHigher());
        assertEquals(6, t.rankSumBHigher());
        double z = 3.5 / Math.sqrt(22.5);
        double expected = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-z);
        assertEquals(expected, t.wilcoxonP(), 1e-12);
        assertEquals(0.4606, t.wilcoxonP(), 1e-4);
        // Sign test drops the tie: 1 of 5, 2 · (1 + 5) / 32.
        assertEquals(12 / 32.0, t.signP(), EXACT);
    }

    @Test
    void medianRatioAndItsIntervalOnSixPairs() {
        // Ratios 0.5, 2, 1.5, 0.8, 3, 1.25; sorted 0.5, 0.8, 1.25, 1.5, 2, 3: median (1.25 + 1.5)/2.
        // Six values reach 95 % with min–max: coverage 1 − 2/64.
        PairedTest t = PairedTest.of(new double[] {1, 2, 3, 4, 3, 5}, new double[] {2, 1, 2, 5, 1, 4}).orElseThrow();
        assertEquals(1.375, t.ratio().median(), EXACT);
        assertEquals(0.5, t.ratio().low());
        assertEquals(3.0, t.ratio().high());
        assertFalse(t.ratio().minMaxFallback());
        assertEquals(1 - 2 / 64.0, t.ratio().coverage(), EXACT);
        assertEquals(2, t.winsA());
        assertEquals(4, t.winsB());
    }

    @Test
    void theLogRatioKeepsTheSignOfMsesAFewUlpsApart() {
        double a = 1e-10;
        double b = Math.nextUp(a);
        assertEquals(0.0, Math.log(a) - Math.log(b), "the difference of logs loses it");
        assertTrue(PairedTest.logRatio(a, b) < 0);
        assertTrue(PairedTest.logRatio(b, a) > 0);
        assertEquals(0.0, PairedTest.logRatio(0, 0));
        assertEquals(Double.NEGATIVE_INFINITY, PairedTest.logRatio(0, 1));
        assertEquals(Double.POSITIVE_INFINITY, PairedTest.logRatio(1, 0));
        // 1e-300 / 1e300 underflows; the difference of logs is −600 ln 10.
        assertEquals(-600 * Math.log(10), PairedTest.logRatio(1e-300, 1e300), 1e-9);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PairedTest.of(new double[] {1}, new double[] {1, 2}));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> PairedTest.of(new double[] {1, -1}, new double[] {1, 2}));
        assertEquals("a[1] = -1.0: an MSE must be finite and non-negative, or NaN for a diverged run",
                negative.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PairedTest.of(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}));
        PairedTest t = PairedTest.of(new double[] {1, 2}, new double[] {2, 1}).orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> t.verdict(0));
        assertThrows(IllegalArgumentException.class, () -> t.verdict(1));
        assertThrows(IllegalArgumentException.class, () -> t.canReach(Double.NaN));
    }
}
