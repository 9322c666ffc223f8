package dev.polygate.experiment;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The study's second idea as an experiment. Two neurons with nearby weights differ by
 * ε·x·σ′(wx), so σ(x) ≈ x·σ′(x) locally and a gated layer with gate g should behave like a plain
 * layer whose activation is ∫g (gated ReLU ≈ plain ReLU²/2). For every gate g this trains, on the
 * same data and seeds, gated-with-g against plain-with-∫g — plus plain-with-g (what the gate does
 * as an ordinary activation) and gated-with-∫g — at equal width and at equal parameter count.
 *
 * @param gates the closed-form gates g; each must have an integrated activation
 * @param width the width of the equal-width comparison, and the gated width whose parameter count
 *              the equal-parameter comparison matches
 */
public record EquivalenceDesign(List<Activation> gates, List<Integer> degrees, int width, int depth, double lr,
                                int samples, int steps, int seeds, long firstSeed) implements GridDesign {

    /** The four models trained per gate, the first two being the pair the study says are equivalent. */
    public enum Arm {
        GATED_G("gated g", LayerKind.GATED, false),
        PLAIN_INTEGRAL("plain ∫g", LayerKind.PLAIN, true),
        PLAIN_G("plain g", LayerKind.PLAIN, false),
        GATED_INTEGRAL("gated ∫g", LayerKind.GATED, true);

        private final String label;
        private final LayerKind kind;
        private final boolean integrated;

        Arm(String label, LayerKind kind, boolean integrated) {
            this.label = label;
            this.kind = kind;
            this.integrated = integrated;
        }

        public String label() {
            return label;
        }

        public LayerKind kind() {
            return kind;
        }

        /** The activation this arm uses for gate g: g itself or ∫g. */
        public Activation activation(Activation gate) {
            return integrated ? integralOf(gate) : gate;
        }
    }

    public EquivalenceDesign {
        gates = List.copyOf(gates);
        degrees = List.copyOf(degrees);
        for (Activation gate : gates) {
            integralOf(gate);
        }
    }

    @Override
    public String command() {
        return "equivalence";
    }

    @Override
    public List<Integer> readSteps() {
        return List.of(steps);
    }

    public static EquivalenceDesign defaults() {
        return new EquivalenceDesign(List.of(Activation.RELU, Activation.SILU, Activation.GELU),
                List.of(1, 2, 3, 4, 5, 6, 7, 8), 10, 1, 0.01, 1000, 3000, 10, 0);
    }

    /** The gates that have an integrated activation: the allowed values of --gates. */
    public static List<Activation> possibleGates() {
        return Arrays.stream(Activation.values()).filter(a -> a.isIntegrated()).map(a -> a.gate().orElseThrow())
                .toList();
    }

    /** ∫g for gate g; an IllegalArgumentException naming the allowed gates otherwise. */
    public static Activation integralOf(Activation gate) {
        for (Activation a : Activation.values()) {
            if (a.gate().filter(g -> g == gate).isPresent()) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + gate.cliName() + "' is not a gate with an integrated activation "
                + "(allowed: " + possibleGates().stream().map(Activation::cliName).collect(Collectors.joining(", "))
                + ")");
    }

    /** The sizings compared: equal width, and each kind at the gated model's parameter count. */
    public List<Sizing> sizings() {
        return List.of(Sizing.equalWidth(width), Sizing.likeGated(Sizing.Match.PARAMS, width));
    }

    /**
     * One grid for everything: activations g and ∫g of every gate × kinds plain and gated × the
     * targets × both sizings. Its cells include all four arms of every gate; gated at the equal
     * width is also gated at its own parameter count, so it is trained once.
     */
    @Override
    public Grid grid() {
        List<Activation> activations = new ArrayList<>();
        for (Activation gate : gates) {
            activations.add(gate);
            activations.add(integralOf(gate));
        }
        return new Grid(activations, List.of(LayerKind.PLAIN, LayerKind.GATED), Target.powers(degrees), sizings(),
                List.of(depth), List.of(lr), samples, steps, seeds, firstSeed);
    }
}
