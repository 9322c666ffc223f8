package dev.polygate.report.scaling;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.report.stats.PowerLawFit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The published 1-D scaling slopes this report is compared with: about −2 for plain ReLU MLPs
 * and about −3 for ReLU-gated ones (Queiruga 2026, "Divine Benevolence is an x²"). As quoted to
 * us they do not say whether they are slopes of the MSE or of an error norm such as the RMSE,
 * whose slope is exactly half the MSE's (log RMSE = ½ log MSE), so a comparison is made both ways.
 */
public enum PublishedSlope {
    PLAIN_RELU(Activation.RELU, LayerKind.PLAIN, -2),
    GATED_RELU(Activation.RELU, LayerKind.GATED, -3);

    public static final String SOURCE = "Queiruga 2026, \"Divine Benevolence is an x²\"";

    private final Activation activation;
    private final LayerKind kind;
    private final double slope;

    PublishedSlope(Activation activation, LayerKind kind, double slope) {
        this.activation = activation;
        this.kind = kind;
        this.slope = slope;
    }

    public double slope() {
        return slope;
    }

    /** The published slope for this activation and kind, if there is one. */
    public static Optional<PublishedSlope> of(Activation activation, LayerKind kind) {
        return Arrays.stream(values()).filter(p -> p.activation == activation && p.kind == kind).findFirst();
    }

    /** Whether the published value lies in our MSE slope's 95 % interval. */
    public boolean insideMseInterval(PowerLawFit fit) {
        return fit.consistentWith(slope);
    }

    /** Whether it lies in our RMSE slope's interval: the MSE interval halved. */
    public boolean insideRmseInterval(PowerLawFit fit) {
        return fit.slopeLow() / 2 <= slope && slope <= fit.slopeHigh() / 2;
    }
}
