package dev.polygate.report.accuracy;

import dev.polygate.report.format.SweepProvenance;
import dev.polygate.report.format.FailedRuns;
import dev.polygate.report.format.MarkdownTable;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.format.StoreFileLine;

import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.SweepResult;
import dev.polygate.kernel.FlopCount;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.Target;
import dev.polygate.report.accuracy.PairedComparison.Win;
import dev.polygate.report.stats.MedianInterval;
import dev.polygate.report.stats.PairedTest;
import dev.polygate.text.FloatText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** accuracy.md: what was run, then per setting the final-MSE table, the paired comparisons and a reading. */
final class AccuracyMarkdown {
    private AccuracyMarkdown() {
    }

    static String render(SweepCells sweep) {
        StringBuilder md = new StringBuilder();
        List<String> kinds = sweep.kinds().stream().map(LayerKind::cliName).toList();
        String kindList = kinds.size() == 1 ? kinds.get(0) : String.join(", ", kinds.subList(0, kinds.size() - 1))
                + " and " + kinds.get(kinds.size() - 1);
        md.append("# Accuracy: ").append(kindList).append(" layers").append(" fitting ")
                .append(sweep.onlyPowers() ? "xⁿ" : sweep.targets().stream().map(Target::text)
                        .collect(Collectors.joining(", "))).append("\n\n");
        md.append("## What this is\n\n").append(introduction(sweep.result())).append("\n\n");
        for (Setting setting : sweep.settings()) {
            SettingCells stats = SettingCells.of(sweep, setting);
            String label = sweep.label(setting);
            md.append("## ").append(label).append("\n\n");
            md.append(sizingLine(stats, sweep)).append("\n\n");
            md.append(finalMseTable(stats, sweep.result().grid().seeds(), sweep.onlyPowers())).append('\n');
            md.append(pairedTable(stats, sweep.result().grid().seeds())).append('\n');
            md.append("**Reading.** ").append(ClaimReading.paragraph(stats, label)).append("\n\n");
        }
        md.append(FailedRuns.section(sweep.result()));
        md.append(filesSection(sweep.result()));
        return md.toString();
    }

    private static String introduction(SweepResult result) {
        Grid grid = result.grid();
        return "The study fitted xⁿ (input x ~ N(0, 1), MSE loss, full-batch Adam) with three hidden-layer kinds "
                + "— plain σ(Wx+b), squared σ(Wx+b)², gated σ(W_g x+b_g) ⊙ (W_v x+b_v) — and claimed that "
                + "(1) gated beats plain for every n ≥ 2 and (2) squared is as strong as gated or stronger. "
                + "This report asks whether those claims hold in our own runs. Each reading follows the seed-paired "
                + "Wilcoxon test of its table at α = " + NumberText.pValue(ClaimReading.ALPHA) + ": a claim holds "
                + "at n only where the test supports it, fails where the test says the opposite, and is not shown "
                + "where the test cannot tell, whichever way the medians point; claim 2's \"as strong\" also counts "
                + "where the test cannot tell and the interval of the per-seed ratio squared / gated lies at or below "
                + NumberText.ratio(ClaimReading.CLAIM_2_MARGIN) + " (our margin). "
                + "Grid run: " + plural("activation", grid.activations(), Activation::cliName)
                + "; " + plural("kind", grid.kinds(), LayerKind::cliName)
                + "; " + plural("target", grid.targets(), Target::text)
                + "; " + plural("sizing", grid.sizings(), Sizing::label)
                + "; " + plural("depth", grid.depths(), String::valueOf)
                + "; " + plural("learning rate", grid.lrs(), FloatText::shortest)
                + "; " + grid.samples() + " samples; " + grid.steps() + " Adam steps; "
                + grid.seeds() + (grid.seeds() == 1 ? " seed" : " seeds") + " per cell (" + seedRange(grid) + "); "
                + SweepProvenance.text(result);
    }

    private static String seedRange(Grid grid) {
        long last = grid.firstSeed() + grid.seeds() - 1;
        return grid.seeds() == 1 ? "seed " + grid.firstSeed() : "seeds " + grid.firstSeed() + "–" + last;
    }

    /** "kinds plain, squared, gated" or "width 10". */
    private static <T> String plural(String noun, List<T> values, Function<T, String> name) {
        return (values.size() == 1 ? noun : noun + "s") + " " + listed(values, name);
    }

    private static <T> String listed(List<T> values, Function<T, String> name) {
        return values.stream().map(name).collect(Collectors.joining(", "));
    }

    /** Rows n, columns kinds, cells "median [min–max]" over seeds, and the kind with the lowest median. */
    /** What each kind's width came out as, with its parameter count and training FLOPs per step. */
    private static String sizingLine(SettingCells stats, SweepCells sweep) {
        Setting setting = stats.setting();
        List<String> parts = new ArrayList<>();
        for (LayerKind kind : stats.kinds()) {
            int width = setting.sizing().width(setting.activation(), kind, setting.depth(), setting.samples());
            ModelSpec model = new ModelSpec(setting.activation(), kind, width, setting.depth());
            parts.add(kind.cliName() + " width " + width + " (" + model.layout().size() + " parameters, "
                    + NumberText.si(FlopCount.trainingStep(model, setting.samples())) + "FLOPs per step)");
        }
        String what = setting.sizing().match() == Sizing.Match.WIDTH
                ? "Every kind at the same width (the study's comparison): "
                : "Each kind at the width whose " + (setting.sizing().match() == Sizing.Match.PARAMS
                ? "parameter count" : "training FLOPs per step") + " comes closest to "
                + Long.toString(setting.sizing().budget(setting.activation(), setting.depth(), setting.samples()))
                + (setting.sizing().width() > 0 ? ", the gated model's at width " + setting.sizing().width() : "") + ": ";
        return what + String.join("; ", parts) + ".";
    }

    private static String finalMseTable(SettingCells stats, int seeds, boolean onlyPowers) {
        StringBuilder t = new StringBuilder();
        t.append("Final training MSE after ").append(stats.setting().steps())
                .append(" Adam steps: median [interval] over ").append(seeds).append(seeds == 1 ? " seed" : " seeds")
                .append(" (diverged runs counted, not included). The interval is the distribution-free ")
                .append("order-statistic confidence interval of the median: ").append(intervalMethod(seeds))
                .append(". Best: the kind with the lowest median, marked \"(not shown)\" unless the paired test below ")
                .append("puts it lower than every other kind at α = ").append(NumberText.pValue(ClaimReading.ALPHA))
                .append(".\n\n");
        List<String> columns = new ArrayList<>();
        columns.add(onlyPowers ? "n>" : "target>");
        stats.kinds().forEach(k -> columns.add(k.cliName()));
        columns.add("best");
        MarkdownTable table = new MarkdownTable(columns);
        for (Target n : stats.targets()) {
            List<String> row = new ArrayList<>();
            row.add(n.rowLabel());
            stats.kinds().forEach(kind -> row.add(stats.cell(n, kind).text()));
            row.add(stats.bestKind(n).map(best -> best.cliName()
                    + (lowerThanEveryOther(stats, n, best) ? "" : " (not shown)")).orElse("—"));
            table.row(row);
        }
        t.append(table.render());
        return t.toString();
    }

    /** How a cell's interval is obtained when every one of its seeds finished. */
    /** Whether the paired test at ClaimReading.ALPHA puts {@code best} below every other kind that finished at n. */
    private static boolean lowerThanEveryOther(SettingCells stats, Target n, LayerKind best) {
        return stats.kinds().stream()
                .filter(kind -> kind != best && stats.cell(n, kind).hasFinished())
                .allMatch(kind -> stats.compare(n, best, kind, PairedComparison.Win.STRICTLY_LOWER).test()
                        .map(t -> t.verdict(ClaimReading.ALPHA) == PairedTest.Verdict.A_LOWER).orElse(false));
    }

    private static String intervalMethod(int seeds) {
        double[] any = new double[seeds];
        for (int i = 0; i < seeds; i++) {
            any[i] = i;
        }
        return MedianInterval.of95(any).method();
    }


    /**
     * Every pair of kinds in every row, seed by seed: the median ratio with its interval, the seeds
     * each kind won, the exact Wilcoxon signed-rank and sign tests, and what they say at α = 0.05.
     */
    private static String pairedTable(SettingCells stats, int seeds) {
        List<LayerKind> kinds = stats.kinds();
        if (kinds.size() < 2) {
            return "No paired comparisons: the grid has one kind.\n";
        }
        StringBuilder t = new StringBuilder();
        t.append("Paired by seed (every kind of one seed sees the same data); seeds where a run diverged are not ")
                .append("paired. Ratio: median over seeds of the per-seed final-MSE ratio a / b, below 1 favours a, ")
                .append("with its order-statistic interval (the Reading quotes the same ratio the other way up where its claim ")
                .append("names the kinds in the other order; with an even number of seeds the median of the reciprocals ")
                .append("is not quite the reciprocal of the median). p: two-sided Wilcoxon signed-rank test on the per-seed ")
                .append("log ratios (exact; ≈ marks the normal approximation the library falls back to when seeds ")
                .append("tie) and two-sided sign test; the verdict is the Wilcoxon test's at α = 0.05");
        if (PairedTest.minimumAttainableP(seeds) >= PairedTest.DEFAULT_ALPHA) {
            t.append(". With ").append(seeds).append(" seeds the smallest exact p is ")
                    .append(NumberText.pValue(PairedTest.minimumAttainableP(seeds)))
                    .append(", so no pair can be told apart at 0.05: the verdicts here cannot say \"lower\"");
        }
        t.append(".\n\n");
        MarkdownTable table = new MarkdownTable(stats.targets().stream().allMatch(Target::isPower) ? "n>" : "target>",
                "a vs b", "ratio a / b [interval]>", "seeds won a : b (ties)>", "Wilcoxon p>", "sign p>", "verdict");
        for (Target n : stats.targets()) {
            for (int j = 1; j < kinds.size(); j++) {
                for (int i = 0; i < j; i++) {
                    LayerKind a = kinds.get(j);
                    LayerKind b = kinds.get(i);
                    List<String> row = new ArrayList<>(List.of(n.rowLabel(), a.cliName() + " vs " + b.cliName()));
                    row.addAll(pairedCells(stats.compare(n, a, b, Win.STRICTLY_LOWER), a, b));
                    table.row(row);
                }
            }
        }
        return t.append(table.render()).toString();
    }

    /** The ratio, seeds won, Wilcoxon p, sign p and verdict cells: "0.123 [0.05–0.4]", "5 : 0", "0.0625", "0.0625", "not distinguishable". */
    private static List<String> pairedCells(PairedComparison c, LayerKind a, LayerKind b) {
        String unpaired = c.excluded() == 0 ? "" : " (" + c.excluded() + " unpaired)";
        if (c.test().isEmpty()) {
            return List.of("n/a", "0 : 0" + unpaired, "—", "—", "no seed finished both");
        }
        PairedTest test = c.test().get();
        String ratio = NumberText.ratioWithInterval(test.ratio().median(), test.ratio().low(), test.ratio().high());
        String won = test.winsA() + " : " + test.winsB() + (test.ties() == 0 ? "" : " (" + test.ties() + ")") + unpaired;
        String wilcoxon = (test.wilcoxonExact() ? "" : "≈ ") + NumberText.pValue(test.wilcoxonP());
        String verdict = switch (test.verdict()) {
            case A_LOWER -> a.cliName() + " lower";
            case B_LOWER -> b.cliName() + " lower";
            case NOT_DISTINGUISHABLE -> "not distinguishable";
        };
        return List.of(ratio, won, wilcoxon, NumberText.pValue(test.signP()), verdict);
    }

    private static String filesSection(SweepResult result) {
        return "## Files\n\n"
                + StoreFileLine.of("sweep-runs.jsonl", result)
                + "- `accuracy.csv`: one row per run with the store's fields but without the curves.\n"
                + "- `loss-curves.png`: training loss against Adam step on a log scale, one panel per setting and "
                + "degree n; per kind the median over seeds as a line and the min–max over seeds as a band "
                + "(curves thinned to about " + LossCurveChart.POINTS_PER_CURVE
                + " points at most, keeping every window's min and max).\n\n"
                + "![Training loss curves](loss-curves.png)\n\n"
                + "Generated by `polygate sweep` (polygate " + result.environment().polygateVersion() + "). "
                + "The grid above, also recorded under `design` in every line of the store, is enough to reconstruct "
                + "the command's flags.\n";
    }
}
