package dev.polygate.report.accuracy;

import dev.polygate.report.format.NumberText;

import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;

import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.report.accuracy.PairedComparison.Win;
import dev.polygate.report.stats.PairedTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "Reading" paragraph of one setting: whether the study's two claims hold in our numbers,
 * judged degree by degree by the same seed-paired test the tables print, never by the medians
 * alone and never from expectations.
 *
 * <ol>
 * <li>Claim 1, gated beats plain for every n ≥ 2: holds at n where the two-sided Wilcoxon
 *     signed-rank test on the per-seed log ratios says gated is lower at α = 0.05
 *     ({@link PairedTest#verdict}); fails where it says plain is lower; otherwise it is not shown,
 *     whichever way the medians point.</li>
 * <li>Claim 2, squared is as strong as gated or stronger: holds where the test says squared is
 *     lower; fails where it says gated is lower; where the test cannot tell, "as strong" is shown
 *     only within a stated margin: the confidence interval of the per-seed ratio squared / gated
 *     lies entirely at or below {@link #CLAIM_2_MARGIN}. Otherwise not shown.</li>
 * </ol>
 *
 * Both claims are about n ≥ 2 (n = 1 is a linear target), the degrees of the paired table. A kind
 * that diverged on every seed loses to one that finished at least once; when both did, the
 * degree cannot be judged.
 */
final class ClaimReading {
    static final int FIRST_CLAIMED_DEGREE = 2;
    static final String CLAIM_1 = "Claim 1 (gated beats plain for every n ≥ 2)";
    static final String CLAIM_2 = "Claim 2 (squared is as strong as gated or stronger)";

    /** The level of every test the reading follows: the paired table's. */
    static final double ALPHA = PairedTest.DEFAULT_ALPHA;
    /**
     * Claim 2's margin for "as strong": squared may be up to this many times gated's MSE, with
     * confidence (the ratio interval's upper end), and still count as strong where the test cannot
     * tell the two apart.
     */
    static final double CLAIM_2_MARGIN = 2;

    /** How one degree bears on a claim. */
    enum Outcome {
        /** The paired test says the challenger is lower at ALPHA. */
        HOLDS,
        /** Claim 2 only: not distinguishable, and the ratio interval lies within the margin. */
        HOLDS_WITHIN_MARGIN,
        /** Holds because every baseline run diverged and some challenger run finished. */
        HOLDS_AS_BASELINE_DIVERGED,
        /** The test cannot tell at ALPHA (and, for claim 2, the interval reaches past the margin). */
        NOT_SHOWN,
        /** The paired test says the baseline is lower at ALPHA, or every challenger run diverged. */
        FAILS,
        UNDECIDED
    }

    /** The outcome at one degree, with the numbers behind it in words. */
    record Judgement(Target target, Outcome outcome, String evidence) {
    }

    /** How a claim judges the seed-paired test where both kinds have paired seeds. */
    @FunctionalInterface
    private interface Rule {
        Outcome judge(PairedTest test);
    }

    /** One claim: "challenger is at least as good as baseline", in words and as a rule. */
    record Claim(String statement, LayerKind challenger, LayerKind baseline, Win seedWin, Rule rule,
                 String holdsMeaning, String withinMarginMeaning) {
    }

    static final Claim GATED_BEATS_PLAIN = new Claim(CLAIM_1, GATED, PLAIN, Win.STRICTLY_LOWER,
            test -> switch (test.verdict(ALPHA)) {
                case A_LOWER -> Outcome.HOLDS;
                case B_LOWER -> Outcome.FAILS;
                case NOT_DISTINGUISHABLE -> Outcome.NOT_SHOWN;
            },
            "gated is lower than plain by the paired Wilcoxon test at α = " + NumberText.pValue(ALPHA),
            null);

    static final Claim SQUARED_MATCHES_GATED = new Claim(CLAIM_2, SQUARED, GATED, Win.LOWER_OR_EQUAL,
            test -> switch (test.verdict(ALPHA)) {
                case A_LOWER -> Outcome.HOLDS;
                case B_LOWER -> Outcome.FAILS;
                case NOT_DISTINGUISHABLE -> test.ratio().high() <= CLAIM_2_MARGIN ? Outcome.HOLDS_WITHIN_MARGIN
                        : Outcome.NOT_SHOWN;
            },
            "squared is lower than gated by the paired Wilcoxon test at α = " + NumberText.pValue(ALPHA),
            "the test cannot tell squared from gated, and the interval of the ratio squared / gated lies at or "
                    + "below " + NumberText.ratio(CLAIM_2_MARGIN) + ", our margin for \"as strong\"");

    private ClaimReading() {
    }

    /** The paragraph for one setting; {@code label} names it in the text, e.g. "relu". */
    static String paragraph(SettingCells stats, String label) {
        return read(GATED_BEATS_PLAIN, stats, label) + " " + read(SQUARED_MATCHES_GATED, stats, label);
    }

    /** The sentences on one claim for one setting. */
    private static String read(Claim claim, SettingCells stats, String label) {
        String untestable = untestable(claim, stats);
        if (untestable != null) {
            return claim.statement() + " is not tested: " + untestable + ".";
        }
        return sentence(claim, label, judgements(claim, stats));
    }

    /** The claim judged at every degree n ≥ 2 of the setting, in degree order. */
    static List<Judgement> judgements(Claim claim, SettingCells stats) {
        List<Judgement> judgements = new ArrayList<>();
        for (Target n : stats.powersFrom(FIRST_CLAIMED_DEGREE)) {
            judgements.add(judge(claim, stats, n));
        }
        return judgements;
    }

    /** Why the claim cannot be tested on this grid, or null if it can. */
    private static String untestable(Claim claim, SettingCells stats) {
        for (LayerKind kind : List.of(claim.challenger(), claim.baseline())) {
            if (!stats.hasKind(kind)) {
                return "the grid has no " + kind.cliName() + " runs";
            }
        }
        if (stats.powersFrom(FIRST_CLAIMED_DEGREE).isEmpty()) {
            return "the grid has no degree n ≥ " + FIRST_CLAIMED_DEGREE;
        }
        return null;
    }

    private static Judgement judge(Claim claim, SettingCells stats, Target n) {
        CellStats challenger = stats.cell(n, claim.challenger());
        CellStats baseline = stats.cell(n, claim.baseline());
        String c = claim.challenger().cliName();
        String b = claim.baseline().cliName();
        if (!challenger.hasFinished() && !baseline.hasFinished()) {
            return new Judgement(n, Outcome.UNDECIDED, "every " + c + " and " + b + " run diverged");
        }
        if (!challenger.hasFinished()) {
            return new Judgement(n, Outcome.FAILS,
                    "every " + c + " run diverged; " + b + " median " + NumberText.loss(baseline.median()));
        }
        if (!baseline.hasFinished()) {
            return new Judgement(n, Outcome.HOLDS_AS_BASELINE_DIVERGED,
                    c + " median " + NumberText.loss(challenger.median()));
        }
        PairedComparison paired = stats.compare(n, claim.challenger(), claim.baseline(), claim.seedWin());
        Outcome outcome = paired.test().map(claim.rule()::judge).orElse(Outcome.NOT_SHOWN);
        return new Judgement(n, outcome, evidence(claim, challenger, baseline, paired));
    }

    /**
     * E.g. "gated median 1.00e-03 vs plain 2.00e-03, per-seed ratio 0.500 [0.41–0.62]; gated &lt; plain
     * on 4/5 paired seeds (Wilcoxon p = 0.0625; with 5 seeds p cannot go below 0.0625)".
     */
    private static String evidence(Claim claim, CellStats challenger, CellStats baseline, PairedComparison paired) {
        String c = claim.challenger().cliName();
        String b = claim.baseline().cliName();
        String text = c + " median " + NumberText.loss(challenger.median()) + " vs " + b + " "
                + NumberText.loss(baseline.median())
                + paired.test().map(t -> ", per-seed ratio " + NumberText.ratioWithInterval(t.ratio().median(),
                        t.ratio().low(), t.ratio().high())).orElse("")
                + "; " + c + " " + claim.seedWin().symbol() + " " + b + " on "
                + paired.wins() + "/" + paired.pairs() + " paired seeds"
                + paired.test().map(t -> " (Wilcoxon p " + (t.wilcoxonExact() ? "= " : "≈ ")
                        + NumberText.pValue(t.wilcoxonP())
                        + (t.canReach(ALPHA) ? "" : "; with " + t.pairs() + (t.pairs() == 1 ? " seed" : " seeds")
                                + " p cannot go below " + NumberText.pValue(t.minimumAttainableP()))
                        + ")").orElse("");
        if (paired.excluded() > 0) {
            text += ", " + paired.excluded() + (paired.excluded() == 1 ? " seed" : " seeds")
                    + " left out because a run diverged";
        }
        return text;
    }

    /**
     * "does not hold for n = …" with the evidence where the test says the baseline is lower; "is not
     * shown" with the evidence where it cannot tell; "holds" only where every degree that can be
     * judged holds by the test; the degrees that cannot be judged said separately.
     */
    private static String sentence(Claim claim, String label, List<Judgement> judgements) {
        List<Judgement> fails = only(judgements, Outcome.FAILS);
        List<Judgement> notShown = only(judgements, Outcome.NOT_SHOWN);
        List<Judgement> holds = only(judgements, Outcome.HOLDS);
        List<Judgement> withinMargin = only(judgements, Outcome.HOLDS_WITHIN_MARGIN);
        List<Judgement> baselineDiverged = only(judgements, Outcome.HOLDS_AS_BASELINE_DIVERGED);
        List<Judgement> undecided = only(judgements, Outcome.UNDECIDED);
        boolean anyHolds = !holds.isEmpty() || !withinMargin.isEmpty() || !baselineDiverged.isEmpty();
        StringBuilder s = new StringBuilder(claim.statement());
        if (!fails.isEmpty() || !notShown.isEmpty()) {
            if (!fails.isEmpty()) {
                s.append(" does not hold for ").append(degrees(fails)).append(" (").append(label).append("): ")
                        .append(withDegrees(fails)).append('.');
            }
            if (!notShown.isEmpty()) {
                s.append(fails.isEmpty() ? " is not shown for " + label + " at " : " It is not shown at ")
                        .append(degrees(notShown)).append(": the paired test cannot tell the two apart at α = ")
                        .append(NumberText.pValue(ALPHA))
                        .append(claim.withinMarginMeaning() == null ? "" : " and the ratio's interval reaches past "
                                + NumberText.ratio(CLAIM_2_MARGIN))
                        .append(", whichever way the medians point (").append(withDegrees(notShown)).append(").");
            }
            if (anyHolds) {
                s.append(" It holds at ").append(holdsClauses(claim, holds, withinMargin, baselineDiverged))
                        .append('.');
            }
        } else if (anyHolds) {
            s.append(" holds for ").append(label).append(undecided.isEmpty() ? "" : " wherever it can be judged")
                    .append(": ").append(holdsClauses(claim, holds, withinMargin, baselineDiverged)).append('.');
        } else {
            s.append(" cannot be judged for ").append(label).append('.');
        }
        if (!undecided.isEmpty()) {
            s.append(" At ").append(degrees(undecided)).append(" it cannot be judged: ").append(withDegrees(undecided))
                    .append('.');
        }
        return s.toString();
    }

    /**
     * The degrees where the claim holds, grouped by how: by the test (the numbers are in the
     * tables above), within the margin (with the evidence, since that is the borderline), and by
     * divergence.
     */
    private static String holdsClauses(Claim claim, List<Judgement> holds, List<Judgement> withinMargin,
                                       List<Judgement> baselineDiverged) {
        List<String> clauses = new ArrayList<>();
        if (!holds.isEmpty()) {
            clauses.add(degrees(holds) + ": " + claim.holdsMeaning());
        }
        if (!withinMargin.isEmpty()) {
            clauses.add(degreesWithEvidence(withinMargin) + ": " + claim.withinMarginMeaning());
        }
        if (!baselineDiverged.isEmpty()) {
            clauses.add(degreesWithEvidence(baselineDiverged) + ": every " + claim.baseline().cliName() + " run diverged");
        }
        return String.join("; ", clauses);
    }

    /** "n = 3 (evidence), n = 4 (evidence)". */
    private static String degreesWithEvidence(List<Judgement> judgements) {
        return judgements.stream().map(j -> j.target().prose() + " (" + j.evidence() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The evidence of each judgement, naming its degree only when there is more than one. */
    private static String withDegrees(List<Judgement> judgements) {
        if (judgements.size() == 1) {
            return judgements.get(0).evidence();
        }
        return judgements.stream().map(j -> "at " + j.target().prose() + ", " + j.evidence())
                .collect(Collectors.joining("; "));
    }

    private static List<Judgement> only(List<Judgement> judgements, Outcome outcome) {
        return judgements.stream().filter(j -> j.outcome() == outcome).toList();
    }

    /** "n = 2" or "n = 2, 3, 4". */
    private static String degrees(List<Judgement> judgements) {
        return "n = " + judgements.stream().map(j -> Integer.toString(j.target().degree())).collect(Collectors.joining(", "));
    }
}
