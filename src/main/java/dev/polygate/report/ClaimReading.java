package dev.polygate.report;

import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;

import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.report.PairedComparison.Win;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "Reading" paragraph of one config: whether the study's two claims hold in our numbers,
 * judged degree by degree from the cell statistics, never from expectations.
 *
 * <ol>
 * <li>Claim 1, gated beats plain for every n ≥ 2: at each n the gated median is below the plain
 *     median; it holds fully where gated was also lower on every paired seed.</li>
 * <li>Claim 2, squared is as strong as gated or stronger: at each n the squared median is at
 *     most the gated median; it holds weakly where the squared median is at most twice it.</li>
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

    /** Claim 2's tolerance: a squared median up to this many times the gated one still counts, weakly. */
    static final int CLAIM_2_FACTOR = 2;

    /** How one degree bears on a claim. */
    enum Outcome {
        HOLDS,
        HOLDS_WEAKLY,
        /** Holds because every baseline run diverged and some challenger run finished. */
        HOLDS_AS_BASELINE_DIVERGED,
        FAILS,
        UNDECIDED
    }

    /** The outcome at one degree, with the numbers behind it in words. */
    record Judgement(Target target, Outcome outcome, String evidence) {
    }

    /** How a claim judges a degree where both kinds have finished runs. */
    @FunctionalInterface
    private interface Rule {
        Outcome judge(CellStats challenger, CellStats baseline, PairedComparison paired);
    }

    /** One claim: "challenger is at least as good as baseline", in words and as a rule. */
    private record Claim(String statement, LayerKind challenger, LayerKind baseline, Win seedWin, Rule rule,
                         String holdsMeaning, String holdsWeaklyMeaning) {
    }

    private static final Claim GATED_BEATS_PLAIN = new Claim(CLAIM_1, GATED, PLAIN, Win.STRICTLY_LOWER,
            (gated, plain, paired) -> {
                if (!(gated.median() < plain.median())) {
                    return Outcome.FAILS;
                }
                return paired.wonEverySeed() ? Outcome.HOLDS : Outcome.HOLDS_WEAKLY;
            },
            "the gated median is below the plain median and gated was lower on every paired seed",
            "the gated median is below the plain median but gated was not lower on every paired seed");

    private static final Claim SQUARED_MATCHES_GATED = new Claim(CLAIM_2, SQUARED, GATED, Win.LOWER_OR_EQUAL,
            (squared, gated, paired) -> {
                if (squared.median() <= gated.median()) {
                    return Outcome.HOLDS;
                }
                return squared.median() <= CLAIM_2_FACTOR * gated.median() ? Outcome.HOLDS_WEAKLY : Outcome.FAILS;
            },
            "the squared median is at most the gated median",
            "the squared median is above the gated median but within a factor " + CLAIM_2_FACTOR + " of it");

    private ClaimReading() {
    }

    /** The paragraph for one config; {@code label} names it in the text, e.g. "relu". */
    static String paragraph(ConfigStats stats, String label) {
        return read(GATED_BEATS_PLAIN, stats, label) + " " + read(SQUARED_MATCHES_GATED, stats, label);
    }

    /** The sentences on one claim for one config. */
    private static String read(Claim claim, ConfigStats stats, String label) {
        String untestable = untestable(claim, stats);
        if (untestable != null) {
            return claim.statement() + " is not tested: " + untestable + ".";
        }
        List<Judgement> judgements = new ArrayList<>();
        for (Target n : stats.powersFrom(FIRST_CLAIMED_DEGREE)) {
            judgements.add(judge(claim, stats, n));
        }
        return sentence(claim, label, judgements);
    }

    /** Why the claim cannot be tested on this grid, or null if it can. */
    private static String untestable(Claim claim, ConfigStats stats) {
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

    private static Judgement judge(Claim claim, ConfigStats stats, Target n) {
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
        return new Judgement(n, claim.rule().judge(challenger, baseline, paired),
                evidence(claim, challenger, baseline, paired));
    }

    /** E.g. "gated median 1.00e-03 vs plain 2.00e-03, ratio 0.500; gated < plain on 4/5 paired seeds". */
    private static String evidence(Claim claim, CellStats challenger, CellStats baseline, PairedComparison paired) {
        String c = claim.challenger().cliName();
        String b = claim.baseline().cliName();
        String text = c + " median " + NumberText.loss(challenger.median()) + " vs " + b + " "
                + NumberText.loss(baseline.median()) + ", ratio " + NumberText.ratio(challenger.median()
                / baseline.median()) + "; " + c + " " + claim.seedWin().symbol() + " " + b + " on "
                + paired.wins() + "/" + paired.pairs() + " paired seeds"
                + paired.test().map(t -> " (Wilcoxon p " + (t.wilcoxonExact() ? "= " : "≈ ")
                        + NumberText.pValue(t.wilcoxonP()) + ")").orElse("");
        if (paired.excluded() > 0) {
            text += ", " + paired.excluded() + (paired.excluded() == 1 ? " seed" : " seeds")
                    + " left out because a run diverged";
        }
        return text;
    }

    /**
     * "does not hold for n = …" with the evidence whenever any degree fails; "holds" only when
     * every degree that can be judged holds; the degrees that cannot be judged said separately.
     */
    private static String sentence(Claim claim, String label, List<Judgement> judgements) {
        List<Judgement> fails = only(judgements, Outcome.FAILS);
        List<Judgement> holds = only(judgements, Outcome.HOLDS);
        List<Judgement> weak = only(judgements, Outcome.HOLDS_WEAKLY);
        List<Judgement> baselineDiverged = only(judgements, Outcome.HOLDS_AS_BASELINE_DIVERGED);
        List<Judgement> undecided = only(judgements, Outcome.UNDECIDED);
        StringBuilder s = new StringBuilder(claim.statement());
        if (!fails.isEmpty()) {
            s.append(" does not hold for ").append(degrees(fails)).append(" (").append(label).append("): ")
                    .append(withDegrees(fails)).append('.');
            if (!holds.isEmpty() || !weak.isEmpty() || !baselineDiverged.isEmpty()) {
                s.append(" Elsewhere it holds: ").append(holdsClauses(claim, holds, weak, baselineDiverged))
                        .append('.');
            }
        } else if (!holds.isEmpty() || !weak.isEmpty() || !baselineDiverged.isEmpty()) {
            s.append(" holds for ").append(label).append(undecided.isEmpty() ? "" : " wherever it can be judged")
                    .append(": ").append(holdsClauses(claim, holds, weak, baselineDiverged)).append('.');
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
     * The degrees where the claim holds, grouped by how: fully (the numbers are in the tables
     * above), weakly (with the evidence, since that is the borderline), and by divergence.
     */
    private static String holdsClauses(Claim claim, List<Judgement> holds, List<Judgement> weak,
                                       List<Judgement> baselineDiverged) {
        List<String> clauses = new ArrayList<>();
        if (!holds.isEmpty()) {
            clauses.add(claim.holdsMeaning() + " at " + degrees(holds));
        }
        if (!weak.isEmpty()) {
            clauses.add(claim.holdsWeaklyMeaning() + " at " + degreesWithEvidence(weak));
        }
        if (!baselineDiverged.isEmpty()) {
            clauses.add("every " + claim.baseline().cliName() + " run diverged at "
                    + degreesWithEvidence(baselineDiverged));
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
