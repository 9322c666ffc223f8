package dev.polygate.report.accuracy;

import dev.polygate.report.stats.PairedTest;
import java.util.Map;
import java.util.Optional;

/**
 * One kind against another in the same (setting, target), seed by seed, as the claims count it.
 * Runs of one seed share their data, so per-seed ratios remove the data's luck from the
 * comparison. Seeds where either run diverged have no ratio and are left out of both counts.
 *
 * @param test     the seed-paired statistics (wins, ties, median ratio, Wilcoxon and sign tests);
 *                 empty when no seed has both runs finished
 * @param rule     what counts as a win for the challenger
 * @param excluded seeds present in both cells where at least one run diverged
 */
record PairedComparison(Optional<PairedTest> test, Win rule, int excluded) {

    /** What counts as a win for the challenger on one seed. */
    enum Win {
        STRICTLY_LOWER("<"),
        LOWER_OR_EQUAL("≤");

        private final String symbol;

        Win(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }
    }

    /** Pairs the two cells' runs by seed; seeds only one cell has are not compared. */
    static PairedComparison of(CellStats challenger, CellStats baseline, Win rule) {
        int size = challenger.finalMseBySeed().size();
        double[] a = new double[size];
        double[] b = new double[size];
        int n = 0;
        for (Map.Entry<Long, Double> entry : challenger.finalMseBySeed().entrySet()) {
            Double other = baseline.finalMseBySeed().get(entry.getKey());
            if (other != null) {
                a[n] = entry.getValue();
                b[n] = other;
                n++;
            }
        }
        double[] mine = java.util.Arrays.copyOf(a, n);
        double[] theirs = java.util.Arrays.copyOf(b, n);
        int excluded = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(mine[i]) || Double.isNaN(theirs[i])) {
                excluded++;
            }
        }
        return new PairedComparison(PairedTest.of(mine, theirs), rule, excluded);
    }

    /** Seeds where both runs finished. */
    int pairs() {
        return test.map(PairedTest::pairs).orElse(0);
    }

    /** Of those, seeds where the challenger won under the rule (a tie counts for ≤, not for &lt;). */
    int wins() {
        return test.map(t -> rule == Win.STRICTLY_LOWER ? t.winsA() : t.winsA() + t.ties()).orElse(0);
    }

    /** Median over paired seeds of challenger MSE / baseline MSE; NaN without pairs. */
    double medianRatio() {
        return test.map(t -> t.ratio().median()).orElse(Double.NaN);
    }

    /** Whether the challenger won on every paired seed (and there was at least one). */
    boolean wonEverySeed() {
        return pairs() > 0 && wins() == pairs();
    }
}
