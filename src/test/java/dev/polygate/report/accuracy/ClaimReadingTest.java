package dev.polygate.report.accuracy;

import static dev.polygate.report.accuracy.ClaimReading.Outcome.FAILS;
import static dev.polygate.report.accuracy.ClaimReading.Outcome.HOLDS;
import static dev.polygate.report.accuracy.ClaimReading.Outcome.HOLDS_WITHIN_MARGIN;
import static dev.polygate.report.accuracy.ClaimReading.Outcome.NOT_SHOWN;
import static dev.polygate.report.format.MarkdownTables.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.report.accuracy.ClaimReading.Claim;
import dev.polygate.report.accuracy.ClaimReading.Judgement;
import dev.polygate.report.accuracy.ClaimReading.Outcome;
import dev.polygate.report.format.MarkdownTables;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.stats.PairedTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reading follows the paired test the tables print: a claim holds at n only where the
 * Wilcoxon test at α = 0.05 supports it, fails where the test says the opposite, and is "not
 * shown" where it cannot tell — whichever way the medians point. Claim 2's "as strong" holds
 * within the stated margin only. 8 seeds (the smallest exact p, 0.0078, can reach 0.05).
 */
class ClaimReadingTest {
    private static final int SEEDS = 8;

    /** Per-seed ratios gated / plain (claim 1) and squared / gated (claim 2) at n = 2..5. */
    private static double ratio(LayerKind kind, int degree, long seed) {
        double small = 0.01 * seed;   // no two seeds alike: exact p
        boolean even = seed % 2 == 0;
        if (kind == LayerKind.GATED) {
            return switch (degree) {
                case 2 -> 0.1 + small;                     // gated lower on every seed: holds
                case 3 -> (even ? 0.5 : 1.6) + small;      // gated median lower, test cannot tell: not shown
                case 4 -> 3 + small;                       // gated higher on every seed: fails
                default -> 0.2 + small;
            };
        }
        return switch (degree) {                            // squared / gated
            case 2 -> 0.3 + small;                          // squared lower: holds
            case 3 -> (even ? 0.9 : 1.1) + small;           // within [0.9, 1.2]: as strong within the margin 2
            case 4 -> (even ? 0.5 : 3.0) + small;           // cannot tell, interval past 2: not shown
            default -> 2.5 + small;                         // squared higher on every seed: fails
        };
    }

    private static SweepCells cells() {
        Grid grid = new Grid(List.of(Activation.RELU), List.of(LayerKind.PLAIN, LayerKind.SQUARED, LayerKind.GATED),
                Target.powers(List.of(1, 2, 3, 4, 5)), List.of(Sizing.equalWidth(10)), List.of(1), List.of(0.01),
                64, 40, SEEDS, 0);
        return SweepCells.of(SyntheticSweeps.sweep(grid, (activation, kind, degree, seed) -> {
            double plain = 1e-2 * degree * (1 + 0.37 * seed);
            double gated = plain * ratio(LayerKind.GATED, degree, seed);
            return switch (kind) {
                case PLAIN -> plain;
                case GATED -> gated;
                case SQUARED -> gated * ratio(LayerKind.SQUARED, degree, seed);
                case BILINEAR -> throw new IllegalArgumentException("not in this sweep");
            };
        }));
    }

    private static SettingCells stats() {
        SweepCells cells = cells();
        return SettingCells.of(cells, cells.settings().get(0));
    }

    /** The table's "best" follows the same test: unmarked only where it is lower than every other kind. */
    @Test
    void theBestColumnIsMarkedWhereTheTestCannotShowIt() {
        String md = AccuracyMarkdown.render(cells());
        // n = 2: squared below gated below plain on every seed.
        assertEquals("squared", MarkdownTables.row(md, "best", where("n", "2")).get("best"));
        // n = 3: squared and gated within 0.9–1.2 of each other: the lowest median is not shown to be lowest.
        assertTrue(MarkdownTables.row(md, "best", where("n", "3")).get("best").matches("(squared|gated) \\(not shown\\)"),
                md);
    }

    private static List<Outcome> outcomes(Claim claim) {
        return ClaimReading.judgements(claim, stats()).stream().map(Judgement::outcome).toList();
    }

    @Test
    void claimOneFollowsTheWilcoxonVerdictNotTheMedians() {
        assertEquals(List.of(HOLDS, NOT_SHOWN, FAILS, HOLDS), outcomes(ClaimReading.GATED_BEATS_PLAIN));
        // At n = 3 the gated median is below plain's, and still the claim is not shown there.
        SettingCells stats = stats();
        Target three = Target.power(3);
        assertTrue(stats.cell(three, LayerKind.GATED).median() < stats.cell(three, LayerKind.PLAIN).median());
        assertEquals(PairedTest.Verdict.NOT_DISTINGUISHABLE, stats.compare(three, LayerKind.GATED, LayerKind.PLAIN,
                PairedComparison.Win.STRICTLY_LOWER).test().orElseThrow().verdict());
    }

    @Test
    void claimTwoHoldsAsStrongOnlyWithinTheStatedMargin() {
        assertEquals(List.of(HOLDS, HOLDS_WITHIN_MARGIN, NOT_SHOWN, FAILS), outcomes(ClaimReading.SQUARED_MATCHES_GATED));
    }

    /** Every outcome agrees with the verdict the paired table prints for the same pair. */
    @Test
    void everyOutcomeAgreesWithThePairedTablesVerdict() {
        SettingCells stats = stats();
        for (Claim claim : List.of(ClaimReading.GATED_BEATS_PLAIN, ClaimReading.SQUARED_MATCHES_GATED)) {
            for (Judgement j : ClaimReading.judgements(claim, stats)) {
                PairedTest.Verdict verdict = stats.compare(j.target(), claim.challenger(), claim.baseline(),
                        claim.seedWin()).test().orElseThrow().verdict(ClaimReading.ALPHA);
                Outcome expected = switch (verdict) {
                    case A_LOWER -> HOLDS;
                    case B_LOWER -> FAILS;
                    case NOT_DISTINGUISHABLE -> j.outcome() == HOLDS_WITHIN_MARGIN ? HOLDS_WITHIN_MARGIN : NOT_SHOWN;
                };
                assertEquals(expected, j.outcome(), claim.statement() + " at " + j.target().prose());
            }
        }
    }

    /** The paragraph names each degree under its outcome: n = 4 where claim 1 fails, n = 3 where it is not shown. */
    @Test
    void theParagraphNamesTheDegreesOfEachOutcomeAndItsLevelAndMargin() {
        String text = ClaimReading.paragraph(stats(), "relu");
        List<Judgement> claim1 = ClaimReading.judgements(ClaimReading.GATED_BEATS_PLAIN, stats());
        assertEquals(Target.power(4), claim1.get(2).target());
        assertEquals(FAILS, claim1.get(2).outcome());
        assertTrue(text.contains(claim1.get(2).evidence()), text);
        assertTrue(text.contains(NumberText.pValue(ClaimReading.ALPHA)), text);
        assertTrue(text.contains(NumberText.ratio(ClaimReading.CLAIM_2_MARGIN)), text);
        // Gated at n = 3: lower median, and the paragraph gives its per-seed ratio with its interval.
        PairedTest three = stats().compare(Target.power(3), LayerKind.GATED, LayerKind.PLAIN,
                PairedComparison.Win.STRICTLY_LOWER).test().orElseThrow();
        assertTrue(text.contains(NumberText.ratioWithInterval(three.ratio().median(), three.ratio().low(),
                three.ratio().high())), text);
    }
}
