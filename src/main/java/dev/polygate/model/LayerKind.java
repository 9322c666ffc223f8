package dev.polygate.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a hidden layer turns its input into its output. */
public enum LayerKind {
    /** h = σ(Wx + b). */
    PLAIN("plain", 1),
    /** h = σ(Wx + b)². */
    SQUARED("squared", 1),
    /** h = σ(W_g x + b_g) ⊙ (W_v x + b_v): two affine branches, gate then value. */
    GATED("gated", 2),
    /**
     * h = (W_g x + b_g) ⊙ (W_v x + b_v): gated with the identity in place of σ, so the model's
     * activation is ignored. The biases stay: without them a layer on 1-D input could only make
     * c·x² (plus the read-out's constant); with them each unit is any quadratic in its input.
     */
    BILINEAR("bilinear", 2);

    private final String cliName;
    private final int branches;

    LayerKind(String cliName, int branches) {
        this.cliName = cliName;
        this.branches = branches;
    }

    public String cliName() {
        return cliName;
    }

    /** Affine maps per hidden layer: 1, or 2 for gated and bilinear (gate rows first, then value rows). */
    public int branches() {
        return branches;
    }

    public static LayerKind parse(String name) {
        for (LayerKind k : values()) {
            if (k.cliName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + name + "' (allowed: " + allowed() + ")");
    }

    public static String allowed() {
        return Arrays.stream(values()).map(LayerKind::cliName).collect(Collectors.joining(", "));
    }
}
