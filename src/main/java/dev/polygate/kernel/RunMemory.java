package dev.polygate.kernel;

import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterLayout;
import dev.polygate.model.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every array one training run allocates, sized in exact long arithmetic before anything is
 * allocated, so that a run too large for a Java array or for the heap is refused with a message
 * instead of overflowing an int or dying of OutOfMemoryError mid-run.
 *
 * <p>The arrays (ld = samples rounded up to {@link VectorKernels#BLOCK}, rows = branches × width,
 * P = parameters; floats unless said):
 * <pre>
 * VectorMlp (kernel buffers)
 *   x, t, valid           3 × [ld]              padded data and loss weights
 *   y, dy                 2 × [ld]              read-out output and loss gradient
 *   h                     depth × [width][ld]   hidden outputs
 *   f                     depth × [rows][ld]    backward factors
 *   dh                    2 × [width][ld]       hidden gradients, ping-pong
 *   dz                    1 × [rows][ld]        depth ≥ 2 only
 *   scratch               1 × denseBackwardScratch(width, branches)   depth ≥ 2, width ≥ 64 not a block multiple
 *   packed W              1 × packedWeightsFloats(rows, width)   depth ≥ 2: W, then Wᵀ, packed for the products
 *   knots                 threads × [lanes] ints   integrated activations only, one per thread of the run
 * Trainer
 *   dataset x, t          2 × [samples]
 *   p, g, Adam m, v       4 × [P]
 *   loss curve            2 × [steps + 1]       the curve, and the copy a diverged run returns
 * </pre>
 * Bytes of one array: a 16-byte header (HotSpot, 64 bit) plus the elements, rounded up to 8.
 * A run needs the sum over its arrays plus {@link #OVERHEAD_BYTES} for everything too small to list
 * (specs, layout offsets, generators, empty arrays, the result record).
 * {@link ReferenceMlp} is not part of training and not counted.
 */
public final class RunMemory {
    /** Most elements a Java array can safely hold: some VMs reserve header words (the JDK's own limit). */
    public static final long MAX_ARRAY_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Array header on a 64-bit HotSpot VM: mark word, compressed class pointer, length. */
    public static final long ARRAY_HEADER_BYTES = 16;
    /** Objects of a run too small to list one by one; generous, since they total a few kilobytes. */
    public static final long OVERHEAD_BYTES = 1L << 20;

    /**
     * {@code copies} arrays of {@code elements} elements of {@code elementBytes} bytes each.
     * {@code shape} says in the field's terms where the element count comes from.
     */
    public record Buffer(String name, String shape, int copies, long elements, int elementBytes) {

        /** Whether one such array fits a Java array: elements ≤ {@link #MAX_ARRAY_ELEMENTS}. */
        public boolean fitsInArray() {
            return elements <= MAX_ARRAY_ELEMENTS;
        }

        /** Bytes of one array: header plus elements, rounded up to 8. */
        public long bytesEach() {
            long raw = Math.addExact(ARRAY_HEADER_BYTES, Math.multiplyExact(elements, (long) elementBytes));
            return Math.addExact(raw, 7) & ~7L;
        }

        /** Bytes of all copies. */
        public long bytes() {
            return Math.multiplyExact(bytesEach(), (long) copies);
        }

        /** One array's length as an int, once it is known to fit. */
        int length() {
            if (!fitsInArray()) {
                throw new IllegalArgumentException(tooLargeMessage());
            }
            return Math.toIntExact(elements);
        }

        /** E.g. "buffer h (hidden outputs [width 4096][padded batch 1000000]) would hold 4096000000 elements; ...". */
        public String tooLargeMessage() {
            return "buffer " + name + " (" + shape + ") would hold " + elements
                    + " elements; a Java array holds at most " + MAX_ARRAY_ELEMENTS;
        }
    }

    private final Buffer data;
    private final Buffer outputs;
    private final Buffer hidden;
    private final Buffer factors;
    private final Buffer hiddenGradient;
    private final Buffer denseGradient;
    private final Buffer scratch;
    private final Buffer packedWeights;
    private final List<Buffer> buffers;
    private final long resultBytes;

    private RunMemory(ModelSpec model, long samples, RunSpec run, int threads) {
        ParameterLayout layout = model.layout();
        long width = model.width();
        long rows = layout.rows();
        int depth = model.depth();
        // As VectorKernels.paddedBatch, in long: the batch rounded up to whole blocks.
        long ld = (samples + VectorKernels.BLOCK - 1) / VectorKernels.BLOCK * VectorKernels.BLOCK;
        String batch = "[padded batch " + ld + "]";
        data = new Buffer("x, t, valid", "padded data " + batch, 3, ld, Float.BYTES);
        outputs = new Buffer("y, dy", "read-out output and gradient " + batch, 2, ld, Float.BYTES);
        hidden = new Buffer("h", "hidden outputs [width " + width + "]" + batch + " per layer", depth,
                Math.multiplyExact(width, ld), Float.BYTES);
        factors = new Buffer("f", "backward factors [rows " + rows + "]" + batch + " per layer", depth,
                Math.multiplyExact(rows, ld), Float.BYTES);
        hiddenGradient = new Buffer("dh", "hidden gradients [width " + width + "]" + batch + ", ping-pong", 2,
                Math.multiplyExact(width, ld), Float.BYTES);
        denseGradient = new Buffer("dz", "pre-activation gradients [rows " + rows + "]" + batch, depth > 1 ? 1 : 0,
                depth > 1 ? Math.multiplyExact(rows, ld) : 0, Float.BYTES);
        scratch = new Buffer("scratch", "dense backward scratch [rows " + rows + "][width padded to a block]", depth > 1 ? 1 : 0,
                depth > 1 ? VectorKernels.denseBackwardScratchFloats(model.width(), layout.branches()) : 0,
                Float.BYTES);
        packedWeights = new Buffer("packed W", "a dense layer's W [rows " + rows + "][width " + width
                + "], then its transpose, packed by register tiles", depth > 1 ? 1 : 0,
                depth > 1 ? VectorKernels.packedWeightsFloats(rows, width) : 0, Float.BYTES);
        List<Buffer> all = new ArrayList<>(List.of(data, outputs, hidden, factors, hiddenGradient, denseGradient,
                scratch, packedWeights));
        if (model.activation().isIntegrated()) {
            all.add(new Buffer("knots", "table gather lanes, one per thread", threads, VectorMath.LANES, Integer.BYTES));
        }
        long result = 0;
        if (run != null) {
            long parameters = layout.size();
            Buffer curve = new Buffer("loss curve", "[steps + 1 = " + (run.steps() + 1L) + "], and a diverged run's copy",
                    2, run.steps() + 1L, Float.BYTES);
            Buffer params = new Buffer("p, g, Adam m, v", "[parameters " + parameters + "]", 4, parameters, Float.BYTES);
            all.add(new Buffer("dataset x, t", "[samples " + samples + "]", 2, samples, Float.BYTES));
            all.add(params);
            all.add(curve);
            // A finished run keeps its parameters and its curve (TrainingResult) until it is stored.
            result = Math.addExact(params.bytesEach(), curve.bytesEach());
        }
        this.buffers = all.stream().filter(b -> b.copies() > 0 && b.elements() > 0).toList();
        this.resultBytes = result;
    }

    /**
     * Every array of a training run on one thread: the kernel buffers and the trainer's. More
     * threads per run add only a knots array each (a few dozen bytes, inside {@link #OVERHEAD_BYTES}).
     */
    public static RunMemory of(RunSpec run) {
        return new RunMemory(run.model(), run.samples(), run, 1);
    }

    /** The buffers a one-thread {@link VectorMlp} allocates for this model over {@code samples} samples (≥ 1). */
    public static RunMemory ofKernels(ModelSpec model, int samples) {
        return ofKernels(model, samples, 1);
    }

    /** The buffers {@link VectorMlp} allocates for this model over {@code samples} samples (≥ 1) on {@code threads} threads. */
    public static RunMemory ofKernels(ModelSpec model, int samples, int threads) {
        if (samples < 1) {
            throw new IllegalArgumentException("need at least one sample, got " + samples);
        }
        return new RunMemory(model, samples, null, threads);
    }

    /** The listed arrays (those with at least one element), in allocation order. */
    public List<Buffer> buffers() {
        return buffers;
    }

    /** The first array longer than a Java array can be, if any. */
    public Optional<Buffer> overArrayLimit() {
        return buffers.stream().filter(b -> !b.fitsInArray()).findFirst();
    }

    /** Bytes the run needs at its peak: every listed array plus {@link #OVERHEAD_BYTES}. */
    public long bytes() {
        long sum = OVERHEAD_BYTES;
        for (Buffer b : buffers) {
            sum = Math.addExact(sum, b.bytes());
        }
        return sum;
    }

    /** Bytes a finished run keeps (its parameters and one loss curve); 0 for {@link #ofKernels}. */
    public long resultBytes() {
        return resultBytes;
    }

    // Checked int lengths for VectorMlp's allocation sites: each throws IllegalArgumentException
    // naming the buffer when it would not fit a Java array.

    int paddedBatch() {
        return data.length();
    }

    int hiddenFloats() {
        return hidden.length();
    }

    int factorFloats() {
        return factors.length();
    }

    int hiddenGradientFloats() {
        return hiddenGradient.length();
    }

    int denseGradientFloats() {
        return denseGradient.length();
    }

    int scratchFloats() {
        return scratch.length();
    }

    int packedWeightsFloats() {
        return packedWeights.length();
    }
}
