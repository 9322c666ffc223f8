package dev.polygate.model;

/**
 * A problem size, "SAMPLESxWIDTHxDEPTH" (e.g. "1000x10x1"): samples, hidden width, hidden depth.
 * The {@code shape} parameter of the training benchmarks, and how the throughput report reads it
 * back from their JMH results (main code: benchmarks import it, never the reverse).
 */
public record Shape(int samples, int width, int depth) {

    public Shape {
        if (samples < 1 || width < 1 || depth < 1) {
            throw new IllegalArgumentException("shape must be SAMPLESxWIDTHxDEPTH with positive integers, got "
                    + samples + "x" + width + "x" + depth);
        }
    }

    /** Parses "SAMPLESxWIDTHxDEPTH"; an IllegalArgumentException names the text otherwise. */
    public static Shape parse(String s) {
        String[] p = s.split("x", -1);
        if (p.length != 3) {
            throw new IllegalArgumentException("shape must be SAMPLESxWIDTHxDEPTH, got '" + s + "'");
        }
        try {
            return new Shape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shape must be SAMPLESxWIDTHxDEPTH with integers, got '" + s + "'");
        }
    }

    /** The parameter text, e.g. "1000x10x1". */
    @Override
    public String toString() {
        return samples + "x" + width + "x" + depth;
    }
}
