package dev.polygate.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The nonlinearity σ of a hidden layer. The math lives with the kernels (vector and scalar
 * reference); this type only names the choice.
 */
public enum Activation {
    /** max(z, 0); derivative 1 for z &gt; 0 and 0 otherwise (PyTorch's choice at 0). */
    RELU("relu"),
    /** z·sigmoid(z). */
    SILU("silu"),
    /** Tanh form: z·sigmoid(2u), u = √(2/π)(z + 0.044715 z³) — equals 0.5 z (1 + tanh u). */
    GELU("gelu");

    private final String cliName;

    Activation(String cliName) {
        this.cliName = cliName;
    }

    /** The lower-case name used on the command line, in reports and in model files. */
    public String cliName() {
        return cliName;
    }

    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.cliName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "' (allowed: " + allowed() + ")");
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Activation::cliName).collect(Collectors.joining(", "));
    }
}
