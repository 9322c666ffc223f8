package dev.polygate.experiment;

import dev.polygate.kernel.FlopCount;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterMatch;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a sweep sizes each kind's hidden layers. At equal width every kind gets the same number of
 * units — the study's comparison, which gives gated about twice the parameters of plain. At equal
 * parameters (or equal training FLOPs per step) each kind gets the width whose count comes
 * closest to a budget, so a kind cannot win by being bigger.
 *
 * @param match  what is held equal
 * @param width  for {@link Match#WIDTH} the width; for a budget "like gated", the width of the gated
 *               model whose count is the budget (0 when the budget is given as a number)
 * @param budget the budget given as a number (0 for equal width or a budget like gated)
 */
public record Sizing(Match match, int width, long budget) {

    /** What a sizing holds equal across kinds. */
    public enum Match {
        WIDTH("width", "width", "units"),
        PARAMS("params", "parameters", "parameters"),
        FLOPS("flops", "FLOPs", "training FLOPs per step");

        private final String cliName;
        private final String noun;
        private final String unit;

        Match(String cliName, String noun, String unit) {
            this.cliName = cliName;
            this.noun = noun;
            this.unit = unit;
        }

        public String cliName() {
            return cliName;
        }

        /** The count a budget of this kind measures: parameters, or FLOPs of one training step. */
        public long count(ModelSpec model, int samples) {
            switch (this) {
                case PARAMS:
                    return model.layout().size();
                case FLOPS:
                    return FlopCount.trainingStep(model, samples);
                default:
                    return model.width();
            }
        }

        public static Match parse(String name) {
            for (Match m : values()) {
                if (m.cliName.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown match '" + name + "' (allowed: " + allowed() + ")");
        }

        public static String allowed() {
            return Arrays.stream(values()).map(Match::cliName).collect(Collectors.joining(", "));
        }
    }

    public Sizing {
        if (match == null) {
            throw new IllegalArgumentException("match is required");
        }
        if (width < 0 || width > ModelSpec.MAX_WIDTH || (match == Match.WIDTH && width == 0)) {
            throw new IllegalArgumentException("width must be an integer in 1.." + ModelSpec.MAX_WIDTH + ", got " + width);
        }
        if (budget < 0 || (match != Match.WIDTH && width == 0 && budget == 0)) {
            throw new IllegalArgumentException("a " + match.unit + " budget must be a positive integer, got " + budget);
        }
    }

    /** Every kind at this width. */
    public static Sizing equalWidth(int width) {
        return new Sizing(Match.WIDTH, width, 0);
    }

    /** Every kind near the count of the gated model at this width (with the run's activation). */
    public static Sizing likeGated(Match match, int gatedWidth) {
        return new Sizing(match, gatedWidth, 0);
    }

    /** Every kind near this count. */
    public static Sizing budget(Match match, long budget) {
        return new Sizing(match, 0, budget);
    }

    /** The count every kind aims at, for one activation, depth and sample count. */
    public long budget(Activation act, int depth, int samples) {
        if (match == Match.WIDTH || budget > 0) {
            return match == Match.WIDTH ? width : budget;
        }
        return match.count(new ModelSpec(act, LayerKind.GATED, width, depth), samples);
    }

    /**
     * The width this sizing gives a kind: the width itself, or the width whose count is closest to
     * the budget (the smaller on a tie). A budget outside what widths 1..{@value ModelSpec#MAX_WIDTH}
     * can reach is an IllegalArgumentException naming the reachable range.
     */
    public int width(Activation act, LayerKind kind, int depth, int samples) {
        if (match == Match.WIDTH) {
            return width;
        }
        long target = budget(act, depth, samples);
        long smallest = match.count(new ModelSpec(act, kind, 1, depth), samples);
        long largest = match.count(new ModelSpec(act, kind, ModelSpec.MAX_WIDTH, depth), samples);
        if (target < smallest || target > largest) {
            throw new IllegalArgumentException("no width meets a budget of " + target + " " + match.unit + " for "
                    + act.cliName() + "/" + kind.cliName() + " at depth " + depth + " (widths 1.." + ModelSpec.MAX_WIDTH
                    + " give " + smallest + ".." + largest + ")");
        }
        return ParameterMatch.closestWidth(w -> match.count(new ModelSpec(act, kind, w, depth), samples), target);
    }

    /** "equal width 10", "equal parameters (gated at width 10)", "equal FLOPs ≈ 90000": section titles. */
    public String label() {
        if (match == Match.WIDTH) {
            return "equal width " + width;
        }
        String what = "equal " + match.noun;
        return width > 0 ? what + " (gated at width " + width + ")" : what + " ≈ " + budget;
    }

    /** Text for the JSON and the command line: "width:10", "params:like-gated-10", "params:51". */
    public String text() {
        if (match == Match.WIDTH) {
            return "width:" + width;
        }
        return match.cliName + ":" + (width > 0 ? "like-gated-" + width : Long.toString(budget));
    }

    /** Reads {@link #text()} back. */
    public static Sizing parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("malformed sizing '" + text + "' (expected width:W, params:B, "
                    + "flops:B or params:like-gated-W)");
        }
        Match match = Match.parse(text.substring(0, colon).toLowerCase(Locale.ROOT));
        String value = text.substring(colon + 1);
        try {
            if (match == Match.WIDTH) {
                return equalWidth(Integer.parseInt(value));
            }
            if (value.startsWith("like-gated-")) {
                return likeGated(match, Integer.parseInt(value.substring("like-gated-".length())));
            }
            return budget(match, Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed sizing '" + text + "': '" + value + "' is not an integer");
        }
    }
}
