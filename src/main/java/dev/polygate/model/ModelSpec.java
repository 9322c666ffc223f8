package dev.polygate.model;

/**
 * The architecture: 1-D input → {@code depth} hidden layers of {@code width} units of one
 * {@link LayerKind} and {@link Activation} → linear read-out to 1 output.
 */
public record ModelSpec(Activation activation, LayerKind kind, int width, int depth) {

    public static final int MAX_WIDTH = 4096;
    public static final int MAX_DEPTH = 16;

    public ModelSpec {
        if (activation == null || kind == null) {
            throw new IllegalArgumentException("activation and kind are required");
        }
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("width must be an integer in 1.." + MAX_WIDTH + ", got " + width);
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be an integer in 1.." + MAX_DEPTH + ", got " + depth);
        }
    }

    public ParameterLayout layout() {
        return new ParameterLayout(this);
    }

    /** Stable text form, e.g. {@code relu/gated/w10/d1}; also feeds the per-run seed. */
    public String id() {
        return activation.cliName() + "/" + kind.cliName() + "/w" + width + "/d" + depth;
    }
}
