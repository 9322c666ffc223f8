package dev.polygate.report.peer;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import java.util.Comparator;

/**
 * One case both sides time: activation × kind × shape, the shape SAMPLES×WIDTH×DEPTH as the
 * benchmark's {@code shape} parameter writes it (e.g. 1000x10x1). Cases order by shape (samples,
 * width, depth), then activation and kind in their enums' order, so a report's rows are stable.
 *
 * @param activation the activation
 * @param kind       plain, squared or gated (the kinds both sides implement)
 * @param samples    full-batch size
 * @param width      hidden units per layer
 * @param depth      hidden layers
 */
public record PeerCase(Activation activation, LayerKind kind, int samples, int width, int depth)
        implements Comparable<PeerCase> {

    private static final Comparator<PeerCase> ORDER = Comparator.comparingInt(PeerCase::samples)
            .thenComparingInt(PeerCase::width).thenComparingInt(PeerCase::depth)
            .thenComparing(PeerCase::activation).thenComparing(PeerCase::kind);

    /**
     * The case the three texts name; an IllegalArgumentException says which text is wrong and what
     * is allowed (callers add the file and field).
     */
    public static PeerCase parse(String activation, String kind, String shape) {
        Activation a = Activation.parse(activation);
        LayerKind k = LayerKind.parse(kind);
        String[] p = shape.split("x", -1);
        if (p.length != 3 || !shape.matches("[0-9]+x[0-9]+x[0-9]+")) {
            throw new IllegalArgumentException("shape '" + shape + "' is not SAMPLESxWIDTHxDEPTH, e.g. 1000x10x1");
        }
        try {
            int samples = Integer.parseInt(p[0]);
            int width = Integer.parseInt(p[1]);
            int depth = Integer.parseInt(p[2]);
            if (samples < 1 || width < 1 || depth < 1) {
                throw new IllegalArgumentException("shape '" + shape + "' needs positive sizes");
            }
            return new PeerCase(a, k, samples, width, depth);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shape '" + shape + "' has a size beyond the int range");
        }
    }

    /** "1000x10x1". */
    public String shape() {
        return samples + "x" + width + "x" + depth;
    }

    /** "relu/gated/1000x10x1", for messages and chart labels. */
    public String label() {
        return activation.cliName() + "/" + kind.cliName() + "/" + shape();
    }

    /** polygate's parameter count of this model (model/ParameterLayout), which the PyTorch model must equal. */
    public int polygateParameters() {
        return new ModelSpec(activation, kind, width, depth).layout().size();
    }

    @Override
    public int compareTo(PeerCase other) {
        return ORDER.compare(this, other);
    }
}
