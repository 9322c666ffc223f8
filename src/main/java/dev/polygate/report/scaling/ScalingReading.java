package dev.polygate.report.scaling;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.stats.PowerLawFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plain-words reading of scaling.md, computed from the fits alone: what the slopes are,
 * which kinds scale faster than plain where the intervals say so, how the published slopes
 * compare, and what the optimisation check found. It never says more than the intervals allow.
 */
final class ScalingReading {
    private ScalingReading() {
    }

    static String text(ScalingResults results) {
        List<String> paragraphs = new ArrayList<>();
        for (Activation act : results.design().activations()) {
            paragraphs.add(slopesParagraph(results, act));
            curvatureParagraph(results, act).ifPresent(paragraphs::add);
            comparisonWithPlain(results, act).ifPresent(paragraphs::add);
        }
        if (results.design().checks()) {
            paragraphs.add(checkSummary(results));
        } else {
            paragraphs.add("No optimisation check was run (--check-factor 1): these slopes may be limits of the "
                    + "optimiser rather than of the widths.");
        }
        exactNote(results).ifPresent(paragraphs::add);
        return String.join("\n\n", paragraphs);
    }

    /** "relu, at 40,000 steps: plain -3.41 (n = 2), …; doubling P divides the MSE by 2^3.41 ≈ 10.6 …". */
    private static String slopesParagraph(ScalingResults results, Activation act) {
        StringBuilder s = new StringBuilder("**").append(act.cliName()).append(".** At ")
                .append(ScalingMarkdown.steps(results.design().longSteps()))
                .append(" steps the MSE falls with the parameter count P as P^slope, slope per kind and n: ");
        List<String> perKind = new ArrayList<>();
        for (LayerKind kind : results.design().kinds()) {
            List<String> perDegree = new ArrayList<>();
            for (int degree : results.design().degrees()) {
                Series series = new Series(act, kind, degree);
                Optional<PowerLawFit> fit = results.result(series).fit();
                String value = fit.map(f -> NumberText.slope(f.slope())).orElse("no fit");
                perDegree.add(value + " (n = " + degree + (ExactRepresentation.exact(series) ? ", exact" : "") + ")");
            }
            perKind.add(kind.cliName() + " " + String.join(", ", perDegree));
        }
        s.append(String.join("; ", perKind)).append(". ");
        List<Double> slopes = results.series().stream()
                .filter(x -> x.activation() == act && !ExactRepresentation.exact(x))
                .map(x -> results.result(x).fit()).flatMap(Optional::stream).map(PowerLawFit::slope).toList();
        if (!slopes.isEmpty()) {
            double steepest = slopes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double shallowest = slopes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            s.append("In plain words, doubling the parameters divides the MSE by 2^−slope: by ")
                    .append(NumberText.threeDigits(Math.pow(2, -shallowest))).append(" at the shallowest of these ")
                    .append("slopes and by ").append(NumberText.threeDigits(Math.pow(2, -steepest)))
                    .append(" at the steepest (targets represented exactly left aside).");
        }
        return s.toString();
    }

    /**
     * The slopes over the larger half of the widths, and where they differ from the whole-range
     * slope beyond both intervals: there the data are not one power law over the range.
     */
    private static Optional<String> curvatureParagraph(ScalingResults results, Activation act) {
        List<String> slopes = new ArrayList<>();
        List<String> flatter = new ArrayList<>();
        List<String> steeper = new ArrayList<>();
        for (Series series : results.series()) {
            if (series.activation() != act || ExactRepresentation.exact(series)) {
                continue;
            }
            Optional<PowerLawFit> all = results.result(series).fit();
            Optional<PowerLawFit> larger = results.largerWidthFit(series).fit();
            if (all.isEmpty() || larger.isEmpty()) {
                continue;
            }
            String name = series.kind().cliName() + " at n = " + series.degree();
            slopes.add(name + " " + NumberText.slope(larger.get().slope()));
            if (apart(larger.get(), all.get())) {
                (larger.get().slope() > all.get().slope() ? flatter : steeper).add(name);
            }
        }
        if (slopes.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder("Over the larger widths only (")
                .append(ScalingMarkdown.widthRange(results.largerWidths())).append(") the slopes are ")
                .append(String.join(", ", slopes)).append(". ");
        if (flatter.isEmpty() && steeper.isEmpty()) {
            s.append("Each lies within the interval of its whole-range slope or overlaps it: no bend the fits can show.");
        } else {
            if (!flatter.isEmpty()) {
                s.append("Flatter than over all widths, intervals apart: ").append(String.join(", ", flatter))
                        .append(". ");
            }
            if (!steeper.isEmpty()) {
                s.append("Steeper than over all widths, intervals apart: ").append(String.join(", ", steeper))
                        .append(". ");
            }
            s.append("There MSE against P bends on log-log axes (the median tables show where), so the whole-range ")
                    .append("slope is an average over a curve rather than one exponent.");
        }
        return Optional.of(s.toString().strip());
    }

    private static boolean apart(PowerLawFit a, PowerLawFit b) {
        return a.slopeHigh() < b.slopeLow() || b.slopeHigh() < a.slopeLow();
    }

    /** Each other kind against plain at each n where neither is exact: steeper, shallower, or not told apart. */
    private static Optional<String> comparisonWithPlain(ScalingResults results, Activation act) {
        if (!results.design().kinds().contains(LayerKind.PLAIN) || results.design().kinds().size() < 2) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (int degree : results.design().degrees()) {
            Series plain = new Series(act, LayerKind.PLAIN, degree);
            for (LayerKind kind : results.design().kinds()) {
                Series other = new Series(act, kind, degree);
                if (kind == LayerKind.PLAIN || ExactRepresentation.exact(other) || ExactRepresentation.exact(plain)) {
                    continue;
                }
                Optional<PowerLawFit> a = results.result(other).fit();
                Optional<PowerLawFit> b = results.result(plain).fit();
                if (a.isEmpty() || b.isEmpty()) {
                    continue;
                }
                parts.add("n = " + degree + ", " + kind.cliName() + " " + NumberText.slope(a.get().slope())
                        + " against plain " + NumberText.slope(b.get().slope()) + ": " + order(a.get(), b.get(), kind));
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Against plain (" + act.cliName() + "): " + String.join("; ", parts) + ".");
    }

    private static String order(PowerLawFit other, PowerLawFit plain, LayerKind kind) {
        if (!apart(other, plain)) {
            return "the intervals overlap, so the two are not told apart";
        }
        return other.slope() < plain.slope()
                ? kind.cliName() + "'s MSE falls faster with P (intervals apart)"
                : kind.cliName() + "'s MSE falls more slowly with P (intervals apart)";
    }

    /** How many slopes settled, steepened or flattened between the two readings, naming those that moved. */
    static String checkSummary(ScalingResults results) {
        List<SlopeCheck> checks = results.series().stream().map(results::check).flatMap(Optional::stream).toList();
        StringBuilder s = new StringBuilder("Optimisation check, ").append(ScalingMarkdown.steps(
                results.design().steps())).append(" against ").append(ScalingMarkdown.steps(
                results.design().longSteps())).append(" steps: of ").append(checks.size()).append(" slopes, ");
        List<String> counts = new ArrayList<>();
        for (SlopeCheck.Verdict v : SlopeCheck.Verdict.values()) {
            List<String> which = checks.stream().filter(c -> c.verdict() == v).map(c -> c.early().series())
                    .map(x -> x.activation().cliName() + " " + x.kind().cliName() + " at n = " + x.degree()).toList();
            if (which.isEmpty()) {
                continue;
            }
            String name = switch (v) {
                case SETTLED -> "settled";
                case STILL_IMPROVING -> "not settled, the largest width still more than halving its MSE";
                case STEEPENED -> "steepened beyond the interval";
                case FLATTENED -> "flattened beyond the interval";
                case NO_FIT -> "had no fit";
            };
            counts.add(which.size() + " " + name + " (" + String.join(", ", which) + ")");
        }
        s.append(String.join("; ", counts)).append(". ");
        boolean steepened = checks.stream().anyMatch(c -> c.verdict() == SlopeCheck.Verdict.STEEPENED
                || c.verdict() == SlopeCheck.Verdict.STILL_IMPROVING);
        boolean flattened = checks.stream().anyMatch(c -> c.verdict() == SlopeCheck.Verdict.FLATTENED);
        if (steepened) {
            s.append("A slope that steepened, or whose largest width was still improving, was optimisation-limited ")
                    .append("at T and may still be at ").append(ScalingMarkdown.steps(results.design().longSteps()))
                    .append(": where the largest width gained more from the extra steps than the smallest (the check ")
                    .append("table's two ratio columns), more training would steepen it further, so read it as a ")
                    .append("bound, not a value. ");
        }
        if (flattened) {
            s.append("A slope that flattened gained more at its small widths than at its large ones; its large ")
                    .append("widths may sit at an optimiser floor rather than at their capacity. ");
        }
        if (!steepened && !flattened) {
            s.append("Within their intervals, more steps did not change the slopes. ");
        }
        return s.toString().strip();
    }

    private static Optional<String> exactNote(ScalingResults results) {
        List<String> exact = results.series().stream().filter(ExactRepresentation::exact).map(Series::label).toList();
        if (exact.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Not scaling slopes: " + String.join("; ", exact) + ". Two ReLU units of these kinds "
                + "represent the target exactly (x² = relu(x)² + relu(−x)² for squared, relu(x)·x + relu(−x)·(−x) for "
                + "gated, x = relu(x) − relu(−x) for plain, a constant is the read-out bias), so more width has no approximation error to remove and "
                + "the MSE only says how close Adam at this learning rate gets to an exact fit.");
    }
}
