package dev.polygate.kernel;

import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterLayout;

/**
 * One MLP on one data set, float32 and vectorized: the forward pass with its loss, and the
 * backward pass into a gradient buffer of the parameter layout. Every buffer is allocated here,
 * once, at the sizes {@link RunMemory} lists; a training step allocates nothing.
 *
 * <p>Threads: the passes can run on several threads ({@link ParallelFor}), each kernel a parallel
 * region whose threads compute disjoint outputs; the loss's sum over the batch runs on the caller.
 * No sum is ever split, so every bit (loss, outputs, gradient) is the same for every thread count.
 * With more than one thread the instance owns its worker threads until {@link #close}.
 */
public final class VectorMlp implements AutoCloseable {
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
    // A dense layer's W packed for the forward product, then its Wᵀ for the backward (depth ≥ 2).
    private final float[] packedWeights;
    // Lane indices of an integrated activation's table gather, one array per thread (null entries
    // for closed forms).
    private final int[][] knots;
    private final ParallelFor threads;

    // What the regions below work on, set by the calling thread before each region (ParallelFor.run
    // publishes them to the workers): the parameters, the gradient, the layer, its dh and dh_in.
    private float[] stepP;
    private float[] stepG;
    private int stepLayer;
    private float[] stepDh;
    private float[] stepDhIn;
    // The regions, made once: a step allocates nothing, whatever the thread count.
    private final ParallelFor.Share firstLayerForwardRegion = this::firstLayerForward;
    private final ParallelFor.Share packWeightsRegion = this::packWeights;
    private final ParallelFor.Share denseForwardRegion = this::denseForward;
    private final ParallelFor.Share readoutForwardRegion = this::readoutForward;
    private final ParallelFor.Share readoutBackwardRegion = this::readoutBackward;
    private final ParallelFor.Share denseBackwardDzRegion = this::denseBackwardDz;
    private final ParallelFor.Share denseBackwardProductsRegion = this::denseBackwardProducts;
    private final ParallelFor.Share firstLayerBackwardRegion = this::firstLayerBackward;

    /** One thread: {@link #VectorMlp(ModelSpec, float[], float[], int)} with 1. */
    public VectorMlp(ModelSpec spec, float[] inputs, float[] targets) {
        this(spec, inputs, targets, 1);
    }

    /**
     * The model {@code spec} on n = inputs.length samples, its passes on {@code threads} threads
     * (the caller and threads − 1 workers started here; close them with {@link #close}).
     *
     * @throws IllegalArgumentException without inputs, with fewer targets than inputs, for threads
     *         &lt; 1, or when a buffer would exceed a Java array (naming it)
     */
    public VectorMlp(ModelSpec spec, float[] inputs, float[] targets, int threads) {
        if (inputs.length != targets.length || inputs.length == 0) {
            throw new IllegalArgumentException("need as many targets as inputs, at least one");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads per run must be at least 1, got " + threads);
        }
        this.spec = spec;
        this.layout = spec.layout();
        this.n = inputs.length;
        // Every size from RunMemory, in long and checked against the array limit before the first
        // allocation: a run too large fails here, naming the buffer, not with a negative size.
        RunMemory sizes = RunMemory.ofKernels(spec, n, threads);
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
        this.packedWeights = new float[sizes.packedWeightsFloats()];
        this.knots = new int[threads][];
        for (int part = 0; part < threads; part++) {
            knots[part] = VectorKernels.activationScratch(spec.activation());
        }
        this.threads = new ParallelFor(threads);   // last: nothing after it can fail and leak the threads
    }

    public ModelSpec spec() {
        return spec;
    }

    public int samples() {
        return n;
    }

    /** The threads each pass runs on. */
    public int threads() {
        return threads.parts();
    }

    /** Where the passes' parallel regions spent their time so far (live; all zero on one thread): {@link ParallelFor#times}. */
    public RegionTimes regionTimes() {
        return threads.times();
    }

    /** Runs the forward pass and returns the MSE; keeps what {@link #backward} needs. */
    public double forwardLoss(float[] p) {
        stepP = p;
        threads.run(firstLayerForwardRegion);
        for (int l = 1; l < spec.depth(); l++) {
            stepLayer = l;
            threads.run(packWeightsRegion);
            threads.run(denseForwardRegion);
        }
        if (threads.parts() == 1) {
            return VectorKernels.readoutLoss(y, dy, h[spec.depth() - 1], t, valid, p, layout.readoutWeightOffset(),
                    layout.readoutBiasOffset(), spec.width(), n, ld);
        }
        threads.run(readoutForwardRegion);
        return VectorKernels.meanSquaredError(y, t, valid, n, ld);
    }

    /** Gradient of the last {@link #forwardLoss} into g (every entry overwritten). */
    public void backward(float[] g, float[] p) {
        stepP = p;
        stepG = g;
        stepDh = dhA;
        stepDhIn = dhB;
        threads.run(readoutBackwardRegion);
        for (int l = spec.depth() - 1; l >= 1; l--) {
            stepLayer = l;
            threads.run(denseBackwardDzRegion);
            threads.run(denseBackwardProductsRegion);
            VectorKernels.unpadWeightGradient(g, layout.weightOffset(l), spec.width(), layout.branches(),
                    layout.fanIn(l), scratch);
            float[] swap = stepDh;
            stepDh = stepDhIn;
            stepDhIn = swap;
        }
        threads.run(firstLayerBackwardRegion);
    }

    /** The model's outputs from the last {@link #forwardLoss}, first n entries. */
    public float[] outputs() {
        return java.util.Arrays.copyOf(y, n);
    }

    /** Ends the worker threads (none with one thread); the instance is unusable after. Idempotent. */
    @Override
    public void close() {
        threads.close();
    }

    // The regions, share `part` of `parts` each, in the order forwardLoss and backward run them.

    private void firstLayerForward(int part, int parts) {
        VectorKernels.firstLayerForward(h[0], f[0], x, stepP, layout.weightOffset(0), layout.biasOffset(0),
                spec.activation(), spec.kind(), spec.width(), ld, part, parts, knots[part]);
    }

    private void packWeights(int part, int parts) {
        int l = stepLayer;
        VectorKernels.packWeights(packedWeights, stepP, layout.weightOffset(l), layout.rows(), layout.fanIn(l), part,
                parts);
    }

    private void denseForward(int part, int parts) {
        int l = stepLayer;
        VectorKernels.denseForward(h[l], f[l], h[l - 1], packedWeights, stepP, layout.biasOffset(l),
                spec.activation(), spec.kind(), spec.width(), layout.fanIn(l), ld, part, parts, knots[part]);
    }

    private void readoutForward(int part, int parts) {
        VectorKernels.readoutForward(y, dy, h[spec.depth() - 1], t, valid, stepP, layout.readoutWeightOffset(),
                layout.readoutBiasOffset(), spec.width(), n, ld, part, parts);
    }

    private void readoutBackward(int part, int parts) {
        VectorKernels.readoutBackward(stepG, stepDh, dy, h[spec.depth() - 1], stepP, layout.readoutWeightOffset(),
                layout.readoutBiasOffset(), spec.width(), ld, part, parts);
    }

    // Wᵀ is packed in the same region as dz: the products region after it reads both.
    private void denseBackwardDz(int part, int parts) {
        int l = stepLayer;
        VectorKernels.packTransposedWeights(packedWeights, stepP, layout.weightOffset(l), layout.rows(),
                layout.fanIn(l), part, parts);
        VectorKernels.denseBackwardDz(stepG, dz, stepDh, f[l], layout.biasOffset(l), spec.width(),
                layout.branches(), ld, part, parts);
    }

    private void denseBackwardProducts(int part, int parts) {
        int l = stepLayer;
        VectorKernels.denseBackwardProducts(stepG, stepDhIn, dz, h[l - 1], packedWeights, layout.weightOffset(l),
                spec.width(), layout.branches(), layout.fanIn(l), ld, part, parts, scratch);
    }

    private void firstLayerBackward(int part, int parts) {
        VectorKernels.firstLayerBackward(stepG, layout.weightOffset(0), layout.biasOffset(0), stepDh, f[0], x,
                spec.width(), layout.branches(), ld, part, parts);
    }
}
