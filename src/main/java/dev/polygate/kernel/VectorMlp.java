package dev.polygate.kernel;

import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterLayout;

/**
 * One MLP on one data set, float32 and vectorized: the forward pass with its loss, and the
 * backward pass into a gradient buffer of the parameter layout. Every buffer is allocated here,
 * once, at the sizes {@link RunMemory} lists; a training step allocates nothing.
 */
public final class VectorMlp {
    private final ModelSpec spec;
    private final ParameterLayout layout;
    private final int n;
    private final int ld;
    // Data, padded to ld: x = 0, t = 0 and valid = 0 past n.
    private final float[] x;
    private final float[] t;
    private final float[] valid;
    // Per hidden layer l: output h[l] [width][ld] and backward factors f[l] [rows][ld].
    final float[][] h;
    final float[][] f;
    // Read-out output and loss gradient [ld]; hidden gradients ping-pong between two [width][ld].
    private final float[] y;
    private final float[] dy;
    private final float[] dhA;
    private final float[] dhB;
    // Pre-activation gradients of a dense layer [rows][ld] (depth ≥ 2 only).
    private final float[] dz;
    private final float[] scratch;
    // Lane indices of an integrated activation's table gather (null for closed forms).
    private final int[] knots;

    public VectorMlp(ModelSpec spec, float[] inputs, float[] targets) {
        if (inputs.length != targets.length || inputs.length == 0) {
            throw new IllegalArgumentException("need as many targets as inputs, at least one");
        }
        this.spec = spec;
        this.layout = spec.layout();
        this.n = inputs.length;
        // Every size from RunMemory, in long and checked against the array limit before the first
        // allocation: a run too large fails here, naming the buffer, not with a negative size.
        RunMemory sizes = RunMemory.ofKernels(spec, n);
        sizes.overArrayLimit().ifPresent(b -> {
            throw new IllegalArgumentException(b.tooLargeMessage());
        });
        this.ld = sizes.paddedBatch();
        this.x = new float[ld];
        this.t = new float[ld];
        this.valid = new float[ld];
        System.arraycopy(inputs, 0, x, 0, n);
        System.arraycopy(targets, 0, t, 0, n);
        java.util.Arrays.fill(valid, 0, n, 1f);
        this.h = new float[spec.depth()][sizes.hiddenFloats()];
        this.f = new float[spec.depth()][sizes.factorFloats()];
        this.y = new float[ld];
        this.dy = new float[ld];
        this.dhA = new float[sizes.hiddenGradientFloats()];
        this.dhB = new float[sizes.hiddenGradientFloats()];
        this.dz = new float[sizes.denseGradientFloats()];
        this.scratch = new float[sizes.scratchFloats()];
        this.knots = VectorKernels.activationScratch(spec.activation());
    }

    public ModelSpec spec() {
        return spec;
    }

    public int samples() {
        return n;
    }

    /** Runs the forward pass and returns the MSE; keeps what {@link #backward} needs. */
    public double forwardLoss(float[] p) {
        int width = spec.width();
        VectorKernels.firstLayerForward(h[0], f[0], x, p, layout.weightOffset(0), layout.biasOffset(0),
                spec.activation(), spec.kind(), width, ld, knots);
        for (int l = 1; l < spec.depth(); l++) {
            VectorKernels.denseForward(h[l], f[l], h[l - 1], p, layout.weightOffset(l), layout.biasOffset(l),
                    spec.activation(), spec.kind(), width, layout.fanIn(l), ld, knots);
        }
        return VectorKernels.readoutLoss(y, dy, h[spec.depth() - 1], t, valid, p, layout.readoutWeightOffset(),
                layout.readoutBiasOffset(), width, n, ld);
    }

    /** Gradient of the last {@link #forwardLoss} into g (every entry overwritten). */
    public void backward(float[] g, float[] p) {
        int width = spec.width();
        int last = spec.depth() - 1;
        float[] dh = dhA;
        float[] dhIn = dhB;
        VectorKernels.readoutBackward(g, dh, dy, h[last], p, layout.readoutWeightOffset(), layout.readoutBiasOffset(),
                width, ld);
        for (int l = last; l >= 1; l--) {
            VectorKernels.denseBackward(g, dz, dhIn, dh, f[l], h[l - 1], p, layout.weightOffset(l),
                    layout.biasOffset(l), width, layout.branches(), layout.fanIn(l), ld, scratch);
            float[] swap = dh;
            dh = dhIn;
            dhIn = swap;
        }
        VectorKernels.firstLayerBackward(g, layout.weightOffset(0), layout.biasOffset(0), dh, f[0], x,
                width, layout.branches(), ld);
    }

    /** The model's outputs from the last {@link #forwardLoss}, first n entries. */
    public float[] outputs() {
        return java.util.Arrays.copyOf(y, n);
    }
}
