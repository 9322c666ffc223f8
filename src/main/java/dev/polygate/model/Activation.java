package dev.polygate.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The nonlinearity σ of a hidden layer. The math lives with the kernels (vector and scalar
 * reference); this type only names the choice.
 *
 * <p>Two families. A closed form is computed directly. An integrated activation is built from a
 * closed-form gate g by integration, A(x) = ∫₀ˣ g(t) dt, so that A′ = g exactly: its value comes
 * from a table of A (tabulated once, interpolated by cubic Hermite with slopes g), its derivative
 * from the gate's own closed-form code (kernel/GateIntegral). The integrated form of a gate is
 * one constant naming the gate.
 */
public enum Activation {
    /** max(z, 0); derivative 1 for z &gt; 0 and 0 otherwise (PyTorch's choice at 0). */
    RELU("relu"),
    /** z·sigmoid(z). */
    SILU("silu"),
    /** Tanh form: z·sigmoid(2u), u = √(2/π)(z + 0.044715 z³) — equals 0.5 z (1 + tanh u). */
    GELU("gelu"),
    /** ∫₀ˣ relu = relu(x)²/2. */
    INT_RELU("int-relu", RELU),
    /** ∫₀ˣ silu = x·softplus(x) + Li₂(−eˣ) + π²/12. */
    INT_SILU("int-silu", SILU),
    /** ∫₀ˣ gelu, of GELU's tanh form (as above); no closed form. */
    INT_GELU("int-gelu", GELU);

    private final String cliName;
    private final Activation gate;

    Activation(String cliName) {
        this(cliName, null);
    }

    Activation(String cliName, Activation gate) {
        this.cliName = cliName;
        this.gate = gate;
    }

    /** The lower-case name used on the command line, in reports and in model files. */
    public String cliName() {
        return cliName;
    }

    /** The closed-form gate g this activation integrates (A′ = g); empty for a closed form. */
    public Optional<Activation> gate() {
        return Optional.ofNullable(gate);
    }

    /** Whether this is ∫ g of a gate rather than a closed form. */
    public boolean isIntegrated() {
        return gate != null;
    }

    /** The closed form whose code runs for this activation: itself, or the gate it integrates. */
    public Activation closedForm() {
        return gate == null ? this : gate;
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
