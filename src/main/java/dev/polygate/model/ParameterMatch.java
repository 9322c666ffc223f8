package dev.polygate.model;

import java.util.function.IntToLongFunction;

/** Widths that make models of different kinds comparable at (nearly) the same parameter count. */
public final class ParameterMatch {
    /** A kind name benchmarks accept besides the three kinds: gated at squared's parameter count. */
    public static final String GATED_MATCHED = "gated-matched";

    private ParameterMatch() {
    }

    /**
     * The model that (activation, kind name, width, depth) names, where kind may also be
     * {@value #GATED_MATCHED}: gated at the width whose parameter count is closest to that of
     * squared at the given width (gated has ~1.5–2× the parameters per unit).
     */
    public static ModelSpec spec(String activation, String kind, int width, int depth) {
        Activation act = Activation.parse(activation);
        if (kind.equals(GATED_MATCHED)) {
            long squared = new ModelSpec(act, LayerKind.SQUARED, width, depth).layout().size();
            return new ModelSpec(act, LayerKind.GATED, width(act, LayerKind.GATED, depth, squared), depth);
        }
        return new ModelSpec(act, LayerKind.parse(kind), width, depth);
    }

    /**
     * The width whose parameter count is closest to {@code target} for this activation, kind and
     * depth (the smaller width on a tie).
     */
    public static int width(Activation act, LayerKind kind, int depth, long target) {
        return closestWidth(w -> new ModelSpec(act, kind, w, depth).layout().size(), target);
    }

    /**
     * The width in 1..{@value ModelSpec#MAX_WIDTH} whose count is closest to {@code target} (the
     * smaller width on a tie), for any count that grows with width: parameters, FLOPs.
     */
    public static int closestWidth(IntToLongFunction countAtWidth, long target) {
        int best = 1;
        long bestGap = Long.MAX_VALUE;
        for (int w = 1; w <= ModelSpec.MAX_WIDTH; w++) {
            long gap = Math.abs(countAtWidth.applyAsLong(w) - target);
            if (gap < bestGap) {
                best = w;
                bestGap = gap;
            }
        }
        return best;
    }
}
