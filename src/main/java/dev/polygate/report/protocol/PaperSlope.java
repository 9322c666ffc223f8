package dev.polygate.report.protocol;

import dev.polygate.experiment.QueirugaDesign.Method;
import dev.polygate.model.LayerKind;
import java.util.Optional;

/**
 * The slopes Queiruga 2026 ("Divine Benevolence is an x²: GLUs scale asymptotically faster than
 * MLPs", arXiv 2602.14495) reports for RMSE against hidden units n on f(x) = 1/(1 + cos²(πx)),
 * trained by Newton's method in float64 from the spline initialisation: ReLU MLP −2.13, ReLU GLU
 * −3.08 (theory: −2 and −3, piecewise linear against piecewise quadratic splines). Compared with
 * ours only where the protocol matches: our second-order methods (readout, lm) on plain and gated
 * ReLU; Adam is a different optimiser and squared layers are not in the paper.
 */
enum PaperSlope {
    MLP(LayerKind.PLAIN, -2.13, -2), GLU(LayerKind.GATED, -3.08, -3);

    /** How close our slope must come to the paper's to count as a reproduction (the target). */
    static final double TOLERANCE = 0.3;
    static final String SOURCE = "Queiruga 2026 (arXiv 2602.14495)";

    final LayerKind kind;
    final double slope;
    final double theory;

    PaperSlope(LayerKind kind, double slope, double theory) {
        this.kind = kind;
        this.slope = slope;
        this.theory = theory;
    }

    /** The paper's slope for this series, if the protocols match. */
    static Optional<PaperSlope> of(Method method, LayerKind kind) {
        if (method == Method.ADAM) {
            return Optional.empty();
        }
        for (PaperSlope p : values()) {
            if (p.kind == kind) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
