package dev.polygate.report;

import java.util.Map;

/**
 * One kind against another in the same (config, degree), seed by seed. Runs of one seed share
 * their data, so per-seed ratios remove the data's luck from the comparison. Seeds where either
 * run diverged have no ratio and are left out of both counts.
 *
 * @param pairs        seeds where both runs finished
 * @param wins         of those, seeds where the challenger won under the rule
 * @param excluded     seeds present in both cells where at least one run diverged
 * @param medianRatio  median over paired seeds of challenger MSE / baseline MSE (NaN if no pairs)
 */
record PairedComparison(int pairs, int wins, int excluded, double medianRatio) {

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

        boolean test(double challenger, double baseline) {
            return this == STRICTLY_LOWER ? challenger < baseline : challenger <= baseline;
        }
    }

    static PairedComparison of(CellStats challenger, CellStats baseline, Win rule) {
        double[] ratios = new double[challenger.finalMseBySeed().size()];
        int pairs = 0;
        int wins = 0;
        int excluded = 0;
        for (Map.Entry<Long, Double> entry : challenger.finalMseBySeed().entrySet()) {
            Double other = baseline.finalMseBySeed().get(entry.getKey());
            if (other == null) {
                continue;
            }
            double mine = entry.getValue();
            if (Double.isNaN(mine) || Double.isNaN(other)) {
                excluded++;
                continue;
            }
            ratios[pairs++] = ratio(mine, other);
            if (rule.test(mine, other)) {
                wins++;
            }
        }
        return new PairedComparison(pairs, wins, excluded, Stats.median(ratios, pairs));
    }

    /** a / b, with 0 / 0 read as a tie (1) rather than NaN: both runs fit the data exactly. */
    private static double ratio(double a, double b) {
        return a == 0 && b == 0 ? 1.0 : a / b;
    }

    /** Whether the challenger won on every paired seed (and there was at least one). */
    boolean wonEverySeed() {
        return pairs > 0 && wins == pairs;
    }
}
