package dev.polygate.report.equivalence;

import dev.polygate.report.format.FailedRuns;
import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.EquivalenceDesign.Arm;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.SweepResult;
import dev.polygate.text.FloatText;
import dev.polygate.model.Activation;
import dev.polygate.model.ModelSpec;
import dev.polygate.report.accuracy.CellStats;
import dev.polygate.report.format.SweepProvenance;
import dev.polygate.report.format.MarkdownTable;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.format.StoreFileLine;
import dev.polygate.report.equivalence.EquivalenceCells.Row;
import dev.polygate.report.stats.PairedTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** equivalence.md: what was run, a summary, per gate and sizing a table, and a reading in words. */
final class EquivalenceMarkdown {
    /** A pair is "equivalent within a factor" when its median ratio's whole interval lies in [1/F, F]. */
    static final double FACTOR = 2;

    private EquivalenceMarkdown() {
    }

    /** How one row's main pair came out. */
    enum Outcome {
        INDISTINGUISHABLE, GATED_LOWER, INTEGRAL_LOWER, NO_PAIRS
    }

    static Outcome outcome(Row row) {
        return row.gatedVsIntegral().map(t -> switch (t.verdict()) {
            case A_LOWER -> Outcome.GATED_LOWER;
            case B_LOWER -> Outcome.INTEGRAL_LOWER;
            case NOT_DISTINGUISHABLE -> Outcome.INDISTINGUISHABLE;
        }).orElse(Outcome.NO_PAIRS);
    }

    /** Whether the interval of the median ratio lies within [1/FACTOR, FACTOR]. */
    static boolean withinFactor(Optional<PairedTest> test) {
        return test.map(t -> t.ratio().low() >= 1 / FACTOR && t.ratio().high() <= FACTOR).orElse(false);
    }

    static String render(EquivalenceCells cells) {
        EquivalenceDesign design = cells.design();
        StringBuilder md = new StringBuilder();
        md.append("# Equivalence: does a gated layer with gate g act like a plain layer with activation ∫g?\n\n");
        md.append("## What this is\n\n").append(introduction(cells)).append("\n\n");
        md.append("## How to read the tables\n\n").append(howToRead(design)).append("\n\n");
        md.append("## Summary\n\n").append(summary(cells)).append('\n');
        for (Activation gate : design.gates()) {
            Activation integral = EquivalenceDesign.integralOf(gate);
            md.append("## ").append(gate.cliName()).append(" (∫g = ").append(integral.cliName()).append(")\n\n");
            for (Sizing sizing : design.sizings()) {
                md.append("### ").append(sizing.label()).append("\n\n").append(widths(design, gate, sizing))
                        .append("\n\n").append(table(cells.rows(gate, sizing))).append('\n');
            }
        }
        md.append("## Reading\n\n").append(reading(cells)).append("\n\n");
        md.append(FailedRuns.section(cells.result()));
        md.append(files(cells.result()));
        return md.toString();
    }

    private static String introduction(EquivalenceCells cells) {
        EquivalenceDesign d = cells.design();
        SweepResult result = cells.result();
        return "The study argued that σ(x) ≈ x·σ′(x) — two neurons with nearby weights w and w + ε differ by "
                + "ε·x·σ′(wx) — so a gated layer σ(W_g x + b_g) ⊙ (W_v x + b_v) with gate g behaves like a plain "
                + "layer whose activation is ∫g, and a good gate becomes a good activation \"for free, except for "
                + "the integration\". For ReLU, ∫relu = relu²/2, so plain ∫relu is the squared kind up to the "
                + "read-out's scale. This report tests the claim: for every gate g it trains gated-with-g and "
                + "plain-with-∫g on the same data and seeds, at equal width and at equal parameter count, and asks "
                + "seed by seed whether their final MSEs can be told apart. It also trains plain-with-g (what the "
                + "gate does as an ordinary activation) and gated-with-∫g. The integrated activations A(x) = ∫₀ˣ g "
                + "are tabulated once by Commons Math's Gauss–Legendre integrator and evaluated by cubic Hermite "
                + "interpolation whose slopes are g at the knots, with A′ = g computed exactly by the gate's own "
                + "code (GELU is its tanh form). "
                + "Grid: gates " + d.gates().stream().map(Activation::cliName).collect(Collectors.joining(", "))
                + "; targets xⁿ for n = " + d.degrees().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + "; depth " + d.depth() + "; learning rate " + FloatText.shortest(d.lr()) + "; " + d.samples()
                + " samples; "
                + d.steps() + " Adam steps; " + d.seeds() + " seeds per cell (seeds " + d.firstSeed() + "–"
                + (d.firstSeed() + d.seeds() - 1) + "); " + SweepProvenance.text(result);
    }

    private static String howToRead(EquivalenceDesign d) {
        double floor = PairedTest.minimumAttainableP(d.seeds());
        return "Cells: median final training MSE [order-statistic interval of the median] over seeds. "
                + "\"gated g / plain ∫g\": median over seeds of the per-seed MSE ratio with its interval; below 1 "
                + "the gated layer fits better. Verdict: two-sided Wilcoxon signed-rank test on the per-seed log "
                + "ratios (exact unless seeds tie, then ≈) at α = 0.05: \"indistinguishable\" means p ≥ 0.05. With "
                + d.seeds() + " seeds the smallest attainable p is " + NumberText.pValue(floor)
                + (floor >= PairedTest.DEFAULT_ALPHA ? ", so no pair can be told apart at all: every verdict is "
                + "\"indistinguishable\" by construction — rerun with --seeds 6 or more" : "")
                + ". Indistinguishable is not the same as equal: the ratio's interval says how far apart the two "
                + "could be. A pair is \"within " + NumberText.ratio(FACTOR) + "×\" when the whole interval lies in ["
                + NumberText.ratio(1 / FACTOR) + ", " + NumberText.ratio(FACTOR) + "]. \"plain g / plain ∫g\" shows "
                + "what integrating the gate buys a plain layer.";
    }

    /** Per gate and sizing: at how many n the pair was indistinguishable, which side won elsewhere. */
    private static String summary(EquivalenceCells cells) {
        MarkdownTable table = new MarkdownTable("gate", "sizing", "indistinguishable", "gated g lower", "plain ∫g lower",
                "within " + NumberText.ratio(FACTOR) + "×", "gated g / plain ∫g, median ratios");
        for (Activation gate : cells.design().gates()) {
            for (Sizing sizing : cells.design().sizings()) {
                List<Row> rows = cells.rows(gate, sizing);
                double[] range = ratioRange(rows);
                table.row(gate.cliName(), sizing.label(), degrees(rows, Outcome.INDISTINGUISHABLE),
                        degrees(rows, Outcome.GATED_LOWER), degrees(rows, Outcome.INTEGRAL_LOWER),
                        listOrDash(rows.stream().filter(r -> withinFactor(r.gatedVsIntegral()))
                                .map(r -> r.target().rowLabel()).toList()),
                        NumberText.ratio(range[0]) + " to " + NumberText.ratio(range[1]));
            }
        }
        return table.render();
    }

    private static double[] ratioRange(List<Row> rows) {
        double[] ratios = rows.stream().flatMap(r -> r.gatedVsIntegral().stream()).mapToDouble(t -> t.ratio().median())
                .toArray();
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (double r : ratios) {
            lo = Double.isNaN(lo) ? r : Math.min(lo, r);
            hi = Double.isNaN(hi) ? r : Math.max(hi, r);
        }
        return new double[] {lo, hi};
    }

    private static String degrees(List<Row> rows, Outcome outcome) {
        return listOrDash(rows.stream().filter(r -> outcome(r) == outcome).map(r -> r.target().rowLabel()).toList());
    }

    private static String listOrDash(List<String> values) {
        return values.isEmpty() ? "—" : "n = " + String.join(", ", values);
    }

    private static String widths(EquivalenceDesign d, Activation gate, Sizing sizing) {
        List<String> parts = new ArrayList<>();
        for (Arm arm : Arm.values()) {
            Activation act = arm.activation(gate);
            int w = sizing.width(act, arm.kind(), d.depth(), d.samples());
            parts.add(arm.label() + " width " + w + " (" + new ModelSpec(act, arm.kind(), w, d.depth()).layout().size()
                    + " parameters)");
        }
        return "Widths: " + String.join("; ", parts) + ".";
    }

    private static String table(List<Row> rows) {
        MarkdownTable table = new MarkdownTable("n>", "gated g", "plain ∫g", "plain g", "gated ∫g", "gated g / plain ∫g>",
                "won g : ∫g (ties)>", "Wilcoxon p>", "verdict", "plain g / plain ∫g>");
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(row.target().rowLabel());
            for (Arm arm : Arm.values()) {
                cells.add(row.arm(arm).text());
            }
            cells.add(ratio(row.gatedVsIntegral()));
            cells.add(row.gatedVsIntegral().map(p -> p.winsA() + " : " + p.winsB()
                    + (p.ties() == 0 ? "" : " (" + p.ties() + ")")).orElse("—"));
            cells.add(row.gatedVsIntegral().map(p -> (p.wilcoxonExact() ? "" : "≈ ")
                    + NumberText.pValue(p.wilcoxonP())).orElse("—"));
            cells.add(verdict(row));
            cells.add(ratio(row.plainVsIntegral()));
            table.row(cells);
        }
        return table.render();
    }

    private static String verdict(Row row) {
        String within = withinFactor(row.gatedVsIntegral()) ? ", within " + NumberText.ratio(FACTOR) + "×" : "";
        return switch (outcome(row)) {
            case INDISTINGUISHABLE -> "indistinguishable" + within;
            case GATED_LOWER -> "gated g lower" + within;
            case INTEGRAL_LOWER -> "plain ∫g lower" + within;
            case NO_PAIRS -> "no seed finished both";
        };
    }

    private static String ratio(Optional<PairedTest> test) {
        return test.map(t -> NumberText.ratioWithInterval(t.ratio().median(), t.ratio().low(), t.ratio().high()))
                .orElse("—");
    }

    /** The paragraph computed from the outcomes: per gate and sizing, then the claim as a whole. */
    private static String reading(EquivalenceCells cells) {
        List<String> sentences = new ArrayList<>();
        int rows = 0;
        int indistinguishable = 0;
        int within = 0;
        for (Activation gate : cells.design().gates()) {
            for (Sizing sizing : cells.design().sizings()) {
                List<Row> rs = cells.rows(gate, sizing);
                rows += rs.size();
                indistinguishable += (int) rs.stream().filter(r -> outcome(r) == Outcome.INDISTINGUISHABLE).count();
                within += (int) rs.stream().filter(r -> withinFactor(r.gatedVsIntegral())).count();
                sentences.add(gateSentence(gate, sizing, rs));
            }
        }
        // "Cannot tell apart" is no evidence of equivalence: a cell shows it only where the interval of
        // the per-seed ratio lies within the stated margin FACTOR (as accuracy.md's claim 2 does).
        int toldApart = rows - indistinguishable;
        String overall;
        if (within == rows) {
            overall = "The study's equivalence holds in our runs: in every (gate, sizing, n) cell the interval of the "
                    + "per-seed ratio gated-with-g / plain-with-∫g lies within " + NumberText.ratio(FACTOR) + "×";
        } else if (toldApart == rows) {
            overall = "The study's equivalence does not hold in our runs: gated-with-g and plain-with-∫g were told "
                    + "apart at every degree, gate and sizing";
        } else {
            overall = "The study's equivalence is shown in " + within + " of " + rows + " (gate, sizing, n) cells "
                    + "(the per-seed ratio's interval within " + NumberText.ratio(FACTOR) + "×), refuted in " + toldApart
                    + " (the paired test tells gated-with-g and plain-with-∫g apart at α = "
                    + NumberText.pValue(PairedTest.DEFAULT_ALPHA) + "), and not shown in the other "
                    + (rows - within - toldApart) + " (the test cannot tell them apart, but the interval reaches past "
                    + NumberText.ratio(FACTOR) + "×: cannot tell is not the same as equal)";
        }
        overall += ".";
        int seeds = cells.design().seeds();
        if (!(PairedTest.minimumAttainableP(seeds) < PairedTest.DEFAULT_ALPHA)) {
            overall += " With " + seeds + " seeds no pair can be told apart at α = "
                    + NumberText.pValue(PairedTest.DEFAULT_ALPHA) + " (the smallest attainable p is "
                    + NumberText.pValue(PairedTest.minimumAttainableP(seeds)) + "), so no cell can be refuted either.";
        }
        return overall + " " + String.join(" ", sentences) + " " + integrationSentence(cells);
    }

    private static String gateSentence(Activation gate, Sizing sizing, List<Row> rows) {
        String g = gate.cliName();
        String i = EquivalenceDesign.integralOf(gate).cliName();
        List<String> parts = new ArrayList<>();
        for (Outcome o : List.of(Outcome.INDISTINGUISHABLE, Outcome.GATED_LOWER, Outcome.INTEGRAL_LOWER)) {
            List<Row> these = rows.stream().filter(r -> outcome(r) == o).toList();
            if (these.isEmpty()) {
                continue;
            }
            String which = switch (o) {
                case INDISTINGUISHABLE -> "indistinguishable";
                case GATED_LOWER -> "gated " + g + " lower";
                default -> "plain " + i + " lower";
            };
            parts.add(which + " at n = " + these.stream().map(r -> r.target().rowLabel()
                    + (o == Outcome.INDISTINGUISHABLE ? "" : " (ratio " + NumberText.ratio(r.gatedVsIntegral()
                    .orElseThrow().ratio().median()) + ")")).collect(Collectors.joining(", ")));
        }
        return "For " + g + " at " + sizing.label() + ": " + (parts.isEmpty() ? "no comparable seeds"
                : String.join("; ", parts)) + ".";
    }

    /** The second half of the idea: is ∫g a better plain activation than g itself? */
    private static String integrationSentence(EquivalenceCells cells) {
        long gateBetter = cells.rows().stream().filter(r -> r.target().degree() >= 2)
                .filter(r -> r.plainVsIntegral().map(t -> t.verdict() == PairedTest.Verdict.A_LOWER).orElse(false))
                .count();
        long integralBetter = cells.rows().stream().filter(r -> r.target().degree() >= 2)
                .filter(r -> r.plainVsIntegral().map(t -> t.verdict() == PairedTest.Verdict.B_LOWER).orElse(false))
                .count();
        long all = cells.rows().stream().filter(r -> r.target().degree() >= 2).count();
        return "Integrating the gate as a plain activation: for n ≥ 2, plain ∫g fit better than plain g in "
                + integralBetter + " of " + all + " (gate, sizing, n) cells, worse in " + gateBetter
                + ", and could not be told apart in " + (all - gateBetter - integralBetter) + ".";
    }

    private static String files(SweepResult result) {
        return "## Files\n\n"
                + StoreFileLine.of("equivalence-runs.jsonl", result)
                + "- `equivalence.csv`: one row per run (" + result.runs().size() + " runs): activation, kind, width, "
                + "target, seed, parameter count, FLOPs per step, final MSE, timings.\n"
                + "- `equivalence.png`: per gate (columns) and sizing (rows), the median ratios gated g / plain ∫g and "
                + "plain g / plain ∫g against n with their intervals, on a log scale; 1 is a tie.\n\n"
                + "![Equivalence ratios](equivalence.png)\n\n"
                + "Generated by `polygate equivalence` (polygate " + result.environment().polygateVersion()
                + "); the grid above is its flags.\n";
    }
}
