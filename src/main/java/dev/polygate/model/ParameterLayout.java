package dev.polygate.model;

/**
 * Where every parameter sits in the one flat float buffer.
 *
 * <pre>
 * for each hidden layer l = 0..depth-1   (fanIn = 1 for l = 0, width otherwise; M = branches·width)
 *     W_l  [M][fanIn]   row-major; rows 0..width-1 are the gate (or only) branch,
 *                       rows width..2·width-1 the value branch of a gated or bilinear layer
 *     b_l  [M]
 * read-out
 *     w_o  [width]
 *     b_o  [1]
 * </pre>
 *
 * Stacking the gate and value rows makes a two-branch layer one affine map of M = 2·width outputs,
 * so one matrix kernel serves every kind.
 */
public final class ParameterLayout {
    private final int width;
    private final int depth;
    private final int branches;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int readoutWeightOffset;
    private final int readoutBiasOffset;
    private final int size;

    ParameterLayout(ModelSpec spec) {
        this.width = spec.width();
        this.depth = spec.depth();
        this.branches = spec.kind().branches();
        this.weightOffset = new int[depth];
        this.biasOffset = new int[depth];
        long offset = 0;
        for (int l = 0; l < depth; l++) {
            weightOffset[l] = (int) offset;
            offset += (long) rows() * fanIn(l);
            biasOffset[l] = (int) offset;
            offset += rows();
        }
        readoutWeightOffset = (int) offset;
        offset += width;
        readoutBiasOffset = (int) offset;
        offset += 1;
        if (offset > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("model too large: " + offset + " parameters");
        }
        size = (int) offset;
    }

    /** Inputs of hidden layer l: 1 for the first, width after. */
    public int fanIn(int layer) {
        return layer == 0 ? 1 : width;
    }

    /** Output rows of every hidden layer's affine map: branches × width. */
    public int rows() {
        return branches * width;
    }

    public int width() {
        return width;
    }

    public int depth() {
        return depth;
    }

    public int branches() {
        return branches;
    }

    public int weightOffset(int layer) {
        return weightOffset[layer];
    }

    public int biasOffset(int layer) {
        return biasOffset[layer];
    }

    public int readoutWeightOffset() {
        return readoutWeightOffset;
    }

    public int readoutBiasOffset() {
        return readoutBiasOffset;
    }

    /** Total number of parameters. */
    public int size() {
        return size;
    }
}
