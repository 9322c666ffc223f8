package dev.polygate.report.scaling;

import dev.polygate.report.format.FailedRuns;
import dev.polygate.experiment.ScalingDesign;
import dev.polygate.experiment.SweepResult;
import dev.polygate.text.FloatText;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.report.format.SweepProvenance;
import dev.polygate.report.format.MarkdownTable;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.format.StoreFileLine;
import dev.polygate.report.stats.PowerLawFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** scaling.md: what was run, the slopes, the medians by width, the optimisation check, the published slopes, a reading. */
final class ScalingMarkdown {
    private ScalingMarkdown() {
    }

    static String render(ScalingResults results) {
        StringBuilder md = new StringBuilder();
        md.append("# Scaling: training MSE against parameter count\n\n");
        md.append("## What this is\n\n").append(introduction(results));
        md.append("## Slopes\n\n").append(slopes(results));
        md.append("## Median MSE by width\n\n").append(medians(results));
        md.append("## Is the slope an optimisation artefact?\n\n").append(check(results));
        md.append("## The published slopes are for another protocol\n\n").append(otherProtocol());
        md.append("## Reading\n\n").append(ScalingReading.text(results)).append("\n\n");
        md.append(FailedRuns.section(results.sweep()));
        md.append(filesSection(results));
        return md.toString();
    }

    /** "10,000": step counts, as the chart prints them. */
    static String steps(int steps) {
        return String.format(Locale.ROOT, "%,d", steps);
    }

    private static String introduction(ScalingResults results) {
        ScalingDesign d = results.design();
        SweepResult sweep = results.sweep();
        StringBuilder s = new StringBuilder();
        s.append("How fast does the error fall as the network grows, and does a gated layer make it fall faster? ")
                .append("For each kind of hidden layer and each target xⁿ, networks of one hidden layer are trained ")
                .append("at a range of widths, and log₁₀ MSE is fitted against log₁₀ P, P the parameter count, by ")
                .append("least squares over every run (each seed a separate point). The slope is the scaling ")
                .append("exponent (MSE ∝ P^slope); it comes with its t-based 95 % confidence interval and R². ")
                .append("The same fit over the larger half of the widths only (")
                .append(widthRange(results.largerWidths())).append(") is given beside it: where the two disagree, ")
                .append("MSE against P is not one straight line over the range, and no single slope describes it.\n\n");
        s.append("**What the slope is of.** Training MSE (mean squared error on the ").append(d.samples())
                .append(" training points; there is no separate test set) against the parameter count, for a 1-D ")
                .append("input x ~ N(0, 1), trained by full-batch Adam at a constant learning rate. The slope of the ")
                .append("RMSE is exactly half of it; a slope against width is nearly the same here, since P = 3w + 1 ")
                .append("for plain and squared layers and 5w + 1 for gated ones at depth 1; a slope of the largest ")
                .append("error (L∞) would be another number again.\n\n");
        s.append("**Which MSE of a run.** The lowest training MSE the run reached up to the step read (its best ")
                .append("checkpoint), not the loss at that exact step: at a constant learning rate full-batch Adam ")
                .append("has loss spikes, and a run read at one step can sit decades above where it was a few hundred ")
                .append("steps before. The slope of the MSE at the last step itself is in the slope table too, to ")
                .append("show what that choice does.\n\n");
        s.append("**Grid.** ").append(listed("Activation", d.activations(), Activation::cliName)).append("; ")
                .append(listed("kind", d.kinds(), LayerKind::cliName)).append("; ")
                .append(listed("target", d.degrees(), n -> Target.power(n).text())).append("; ")
                .append(listed("width", d.widths(), String::valueOf)).append(" (")
                .append(parameterRange(results)).append("); depth ").append(d.depth()).append("; learning rate ")
                .append(FloatText.shortest(d.lr())).append("; ").append(d.samples()).append(" samples; ")
                .append(readingText(d)).append("; ").append(d.seeds()).append(d.seeds() == 1 ? " seed" : " seeds")
                .append(" per width (").append(seedRange(d)).append("). ").append(SweepProvenance.text(sweep))
                .append("\n\n");
        return s.toString();
    }

    private static String readingText(ScalingDesign d) {
        if (!d.checks()) {
            return steps(d.steps()) + " Adam steps (no optimisation check: --check-factor 1)";
        }
        return "every run trained for " + steps(d.longSteps()) + " Adam steps and read at T = " + steps(d.steps())
                + " and at " + d.checkFactor() + " × T = " + steps(d.longSteps())
                + " (the slope at " + steps(d.longSteps()) + " is the result)";
    }

    /** "13–769 parameters plain, …": the decade span the fit covers, per kind. */
    private static String parameterRange(ScalingResults results) {
        ScalingDesign d = results.design();
        Activation act = d.activations().get(0);
        int degree = d.degrees().get(0);
        return d.kinds().stream().map(kind -> {
            List<SlopeFit.WidthMedian> widths = results.result(new Series(act, kind, degree)).widths();
            int low = widths.get(0).parameterCount();
            int high = widths.get(widths.size() - 1).parameterCount();
            return low + "–" + high + " parameters " + kind.cliName();
        }).collect(Collectors.joining(", "));
    }

    private static String seedRange(ScalingDesign d) {
        long last = d.firstSeed() + d.seeds() - 1;
        return d.seeds() == 1 ? "seed " + d.firstSeed() : "seeds " + d.firstSeed() + "–" + last;
    }

    private static <T> String listed(String noun, List<T> values, java.util.function.Function<T, String> name) {
        String what = values.size() == 1 ? noun : noun + "s";
        return what + " " + values.stream().map(name).collect(Collectors.joining(", "));
    }

    private static String slopes(ScalingResults results) {
        ScalingDesign d = results.design();
        StringBuilder s = new StringBuilder();
        s.append("Slope of log₁₀ MSE against log₁₀ P with its 95 % confidence interval; R² of the fit on log-log ")
                .append("axes; points: runs fitted, with runs left out because they had diverged in brackets. ")
                .append("Lowest MSE up to the step unless the column says otherwise; the last two columns are at ")
                .append(steps(d.longSteps())).append(" steps.");
        if (results.series().stream().anyMatch(ExactRepresentation::exact)) {
            s.append(" † marks a target two units of the kind represent exactly: no approximation error is left ")
                    .append("to scale, so its slope only says how close Adam got (see the reading).");
        }
        s.append("\n\n");
        for (Activation act : d.activations()) {
            if (d.activations().size() > 1) {
                s.append("### ").append(act.cliName()).append("\n\n");
            }
            List<String> columns = new ArrayList<>(List.of("n>", "kind"));
            for (int steps : d.readings()) {
                columns.addAll(List.of("slope at " + steps(steps) + ">", "R²>", "points>"));
            }
            columns.add("widths " + widthRange(results.largerWidths()) + ": slope>");
            columns.add("MSE at step " + steps(d.longSteps()) + ": slope>");
            MarkdownTable table = new MarkdownTable(columns);
            for (int degree : d.degrees()) {
                for (Series series : results.series(act, degree)) {
                    List<String> row = new ArrayList<>(List.of(Integer.toString(degree), kindLabel(series)));
                    for (SlopeFit fit : results.readings(series)) {
                        row.addAll(slopeCells(fit));
                    }
                    row.add(slopeText(results.largerWidthFit(series)));
                    row.add(slopeText(results.atStep(series)));
                    table.row(row);
                }
            }
            s.append(table.render());
            s.append('\n');
        }
        return s.toString();
    }

    private static String kindLabel(Series series) {
        return series.kind().cliName() + (ExactRepresentation.exact(series) ? " †" : "");
    }

    /** The slope, R² and points cells: "-3.41 [-3.90, -2.93]", "0.97", "20 (1 diverged)". */
    private static List<String> slopeCells(SlopeFit fit) {
        String points = fit.points().size() + (fit.leftOut() == 0 ? "" : " (" + leftOutText(fit) + ")");
        if (fit.fit().isEmpty()) {
            return List.of("no fit: fewer than 3 widths with a run", "—", points);
        }
        return List.of(slopeText(fit), NumberText.decimals3(fit.fit().get().rSquared()), points);
    }

    private static String leftOutText(SlopeFit fit) {
        String diverged = fit.diverged() == 0 ? "" : fit.diverged() + " diverged";
        String zero = fit.zero() == 0 ? "" : fit.zero() + " at MSE 0";
        return diverged.isEmpty() || zero.isEmpty() ? diverged + zero : diverged + ", " + zero;
    }

    static String slopeText(SlopeFit fit) {
        return fit.fit().map(f -> NumberText.slopeWithInterval(f.slope(), f.slopeLow(), f.slopeHigh())).orElse("—");
    }

    private static String medians(ScalingResults results) {
        ScalingDesign d = results.design();
        StringBuilder s = new StringBuilder();
        s.append("Median over seeds of the lowest training MSE up to step ").append(steps(d.longSteps()));
        if (d.checks()) {
            s.append("; in brackets, that median over the median up to step ").append(steps(d.steps()))
                    .append(" (×0.50: more steps halved it)");
        }
        s.append(". Runs that had diverged are left out of a median, and counted. The parameter column gives P for ")
                .append("each kind in the order of the columns.\n\n");
        for (Activation act : d.activations()) {
            for (int degree : d.degrees()) {
                List<Series> kinds = results.series(act, degree);
                s.append("### ").append(act.cliName()).append(", ").append(Target.power(degree).prose())
                        .append("\n\n");
                List<String> columns = new ArrayList<>(List.of("width>", "parameters>"));
                kinds.forEach(k -> columns.add(kindLabel(k) + ">"));
                MarkdownTable table = new MarkdownTable(columns);
                for (int i = 0; i < d.widths().size(); i++) {
                    int row = i;
                    List<String> cells = new ArrayList<>();
                    cells.add(Integer.toString(results.result(kinds.get(0)).widths().get(row).width()));
                    cells.add(kinds.stream()
                            .map(k -> Integer.toString(results.result(k).widths().get(row).parameterCount()))
                            .collect(Collectors.joining(" / ")));
                    kinds.forEach(k -> cells.add(medianCell(results, k, row)));
                    table.row(cells);
                }
                s.append(table.render());
                s.append('\n');
            }
        }
        return s.toString();
    }

    /** "1.23e-04 (×0.45)", "all 3 diverged", "2.1e-05 (×0.91; 1 of 3 diverged)". */
    private static String medianCell(ScalingResults results, Series series, int row) {
        SlopeFit.WidthMedian late = results.result(series).widths().get(row);
        if (late.points() == 0) {
            return "all " + late.runs() + " diverged";
        }
        StringBuilder cell = new StringBuilder(NumberText.loss(late.median()));
        Optional<SlopeCheck> check = results.check(series);
        String ratio = check.map(c -> "×" + NumberText.ratio(c.medianRatioAt(late.width()))).orElse("");
        String lost = late.points() < late.runs() ? (late.runs() - late.points()) + " of " + late.runs() + " diverged"
                : "";
        if (!ratio.isEmpty() || !lost.isEmpty()) {
            cell.append(" (").append(ratio).append(ratio.isEmpty() || lost.isEmpty() ? "" : "; ").append(lost)
                    .append(')');
        }
        return cell.toString();
    }

    private static String check(ScalingResults results) {
        ScalingDesign d = results.design();
        if (!d.checks()) {
            return "Skipped: this report was made with --check-factor 1, so every run was read once, at "
                    + steps(d.steps()) + " steps. Nothing here says whether the slopes above are set by what the "
                    + "widths can represent or by how far Adam got; run with --check-factor 2 or more to find out.\n\n";
        }
        // The grid's ends; SlopeCheck falls back to a smaller width where every run diverged at the largest.
        int smallest = d.widths().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int largest = d.widths().stream().mapToInt(Integer::intValue).max().orElseThrow();
        StringBuilder s = new StringBuilder();
        s.append("The same runs, read at T = ").append(steps(d.steps())).append(" and after ")
                .append(d.checkFactor()).append(" times as many steps. (One sweep serves both readings: at a ")
                .append("constant learning rate nothing in a run depends on how long it will train, so a run of ")
                .append(steps(d.longSteps())).append(" steps passes through exactly the state a run of ")
                .append(steps(d.steps())).append(" ends in.) If the extra steps move the slope beyond its ")
                .append("interval, the slope at T was set by how far the optimiser got, not by what the widths can ")
                .append("represent. The median ratios say where the extra steps went: a ratio far below 1 at the ")
                .append("largest width and near 1 at the smallest steepens the slope (the largest widths were still ")
                .append("training), the reverse flattens it. Overlapping intervals alone prove little when they are ")
                .append("wide, so a slope counts as settled only if, besides, the median at the largest width fell ")
                .append("by less than half (ratio ≥ ").append(FloatText.shortest(SlopeCheck.STILL_IMPROVING_RATIO))
                .append(").\n\n");
        MarkdownTable table = new MarkdownTable("n>", "kind", "slope at " + steps(d.steps()) + ">",
                "slope at " + steps(d.longSteps()) + ">", "intervals overlap", "median ratio at width " + smallest + ">",
                "median ratio at width " + largest + ">", "verdict");
        for (Series series : results.series()) {
            SlopeCheck c = results.check(series).orElseThrow();
            table.row(Integer.toString(series.degree()),
                    (d.activations().size() > 1 ? series.activation().cliName() + " " : "") + kindLabel(series),
                    slopeText(c.early()), slopeText(c.late()),
                    c.verdict() == SlopeCheck.Verdict.NO_FIT ? "—"
                            : c.verdict() == SlopeCheck.Verdict.SETTLED
                            || c.verdict() == SlopeCheck.Verdict.STILL_IMPROVING ? "yes" : "no",
                    NumberText.ratio(c.medianRatioAt(smallest)), NumberText.ratio(c.medianRatioAt(largest)),
                    verdictText(c));
        }
        s.append(table.render());
        s.append('\n').append(ScalingReading.checkSummary(results)).append("\n\n");
        s.append("**What this check cannot see.** At a constant learning rate Adam's steps do not shrink as the ")
                .append("loss does, so a run can stall at a floor set by the learning rate rather than by its width; ")
                .append("more steps at the same rate would not move such a floor, and the check would call the slope ")
                .append("settled. A lower or decaying learning rate would tell the two apart; this report does not ")
                .append("try one.\n\n");
        return s.toString();
    }

    static String verdictText(SlopeCheck c) {
        return switch (c.verdict()) {
            case SETTLED -> "settled";
            case STILL_IMPROVING -> "not settled: the largest width more than halved its MSE";
            case STEEPENED -> "steepened: optimisation-limited at T";
            case FLATTENED -> "flattened: the smaller widths gained more";
            case NO_FIT -> "no fit to compare";
        };
    }

    /**
     * Why no published slope is set beside these: Queiruga 2026 measured RMSE against hidden units
     * on another target, with uniform data, spline initialisation, float64 and Newton's method.
     */
    private static String otherProtocol() {
        return "Queiruga 2026 (arXiv 2602.14495) reports RMSE slopes of about -2.13 for ReLU MLPs and -3.08 for "
                + "ReLU GLUs, but under another protocol: the target 1/(1 + cos²(πx)) on uniform points of [−1, 1], "
                + "a spline initialisation, float64 and Newton's method, RMSE against hidden units. The slopes above "
                + "(Adam at a constant rate, float32, x ~ N(0, 1), xⁿ, training MSE against parameters) measure "
                + "something else, so setting them side by side would say nothing. `polygate scaling --protocol "
                + "queiruga` runs the paper's protocol and compares there.\n\n";
    }

    /** "32–256": the span of a list of widths. */
    static String widthRange(List<Integer> widths) {
        int low = widths.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int high = widths.stream().mapToInt(Integer::intValue).max().orElseThrow();
        return low + "–" + high;
    }

    private static String filesSection(ScalingResults results) {
        return "## Files\n\n"
                + StoreFileLine.of("scaling-runs.jsonl", results.sweep())
                + "- `scaling.csv`: one row per run: its settings, seed and parameter count, then at T and at the "
                + "check's step count the lowest training MSE so far and the MSE at that step (empty where the run "
                + "had diverged), whether and where it diverged, and its wall time.\n"
                + "- `scaling.png`: one log-log panel per activation and n: every run's lowest MSE up to step "
                + steps(results.design().longSteps()) + " as a light dot, the median per width as a diamond, "
                + "the fitted power law as a line, its slope and interval in the panel's legend.\n\n"
                + "![Training MSE against parameter count](scaling.png)\n\n"
                + "Generated by `" + commandLine(results.design()) + " --out DIR` (polygate "
                + results.sweep().environment().polygateVersion() + "); --threads changes the wall time only, "
                + "never a number.\n";
    }

    /** The flags that reproduce this design exactly. */
    static String commandLine(ScalingDesign d) {
        return "polygate scaling --activations " + d.activations().stream().map(Activation::cliName)
                .collect(Collectors.joining(",")) + " --kinds " + d.kinds().stream().map(LayerKind::cliName)
                .collect(Collectors.joining(",")) + " --degrees " + joined(d.degrees()) + " --width "
                + joined(d.widths()) + " --depth " + d.depth() + " --lr " + FloatText.shortest(d.lr()) + " --samples "
                + d.samples() + " --steps " + d.steps() + " --check-factor " + d.checkFactor() + " --seeds " + d.seeds()
                + " --first-seed " + d.firstSeed();
    }

    private static String joined(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
