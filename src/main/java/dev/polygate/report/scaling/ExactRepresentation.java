package dev.polygate.report.scaling;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;

/**
 * Where a slope cannot be a scaling exponent: the target is represented exactly by a few units of
 * the kind, so there is no approximation error left to shrink with width and the MSE only says
 * how close Adam got. x⁰ is the read-out bias for every kind; beyond that, with ReLU, on the whole
 * real line (x ~ N(0, 1) is unbounded):
 *
 * <ul>
 * <li>plain: x = relu(x) − relu(−x);</li>
 * <li>squared: x² = relu(x)² + relu(−x)²; not x, since a sum of relu(·)² is quadratic at one
 *     end or the other;</li>
 * <li>gated: x = relu(x)·1 + relu(−x)·(−1) and x² = relu(x)·x + relu(−x)·(−x).</li>
 * </ul>
 * A bilinear unit (w_g x + b_g)(w_v x + b_v) is any quadratic, whatever the activation: x and x².
 *
 * Every other (kind, n) here, and every SiLU or GELU one with n ≥ 1, has an approximation error
 * that only more width shrinks.
 */
public final class ExactRepresentation {
    private ExactRepresentation() {
    }

    /** Whether at most two units of this kind and activation represent xⁿ exactly. */
    public static boolean exact(Activation activation, LayerKind kind, int degree) {
        if (degree == 0) {
            return true;
        }
        if (kind == LayerKind.BILINEAR) {
            return degree <= 2;
        }
        if (activation != Activation.RELU) {
            return false;
        }
        return switch (kind) {
            case PLAIN -> degree == 1;
            case SQUARED -> degree == 2;
            case GATED -> degree <= 2;
            case BILINEAR -> throw new IllegalStateException("handled above");
        };
    }

    public static boolean exact(Series series) {
        return exact(series.activation(), series.kind(), series.degree());
    }
}
