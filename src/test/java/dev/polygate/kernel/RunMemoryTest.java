package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

class RunMemoryTest {
    private static final long BLOCK = VectorKernels.BLOCK;

    /** Bytes of one array of n elements of b bytes: 16-byte header, rounded up to 8. */
    private static long array(long n, long b) {
        return (16 + n * b + 7) / 8 * 8;
    }

    private static RunSpec run(Activation act, LayerKind kind, int width, int depth, int samples, int steps) {
        return new RunSpec(new ModelSpec(act, kind, width, depth), Target.power(2), 0.01, samples, steps, 0);
    }

    @Test
    void width4096Depth2OverAMillionSamplesOverflowsAnIntInTheHiddenOutputs() {
        RunMemory m = RunMemory.of(run(Activation.RELU, LayerKind.GATED, 4096, 2, 1_000_000, 2));
        // ld = 10⁶ (every BLOCK of 8, 16 or 32 lanes divides 10⁶); h = width × ld = 4.096·10⁹ > 2³¹ − 1.
        RunMemory.Buffer first = m.overArrayLimit().orElseThrow();
        assertEquals("h", first.name());
        assertEquals(4_096_000_000L, first.elements());
        assertTrue(first.elements() > Integer.MAX_VALUE);
        assertTrue(first.tooLargeMessage().contains("2147483639"), first.tooLargeMessage());
        // The same run, once allocated, must fail on the size and name the buffer, not wrap negative.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VectorMlp(new ModelSpec(Activation.RELU, LayerKind.GATED, 4096, 2),
                        new float[1_000_000], new float[1_000_000]));
        assertTrue(e.getMessage().contains("buffer h"), e.getMessage());
    }

    @Test
    void width10Depth1PlainRunHasTheHandCountedBytes() {
        RunMemory m = RunMemory.of(run(Activation.RELU, LayerKind.PLAIN, 10, 1, 1000, 3000));
        long ld = (1000 + BLOCK - 1) / BLOCK * BLOCK;
        long parameters = 10 + 10 + 10 + 1;                   // W_0 [10][1], b_0, w_o, b_o
        long expected = 3 * array(ld, 4)                       // x, t, valid
                + 2 * array(ld, 4)                             // y, dy
                + 1 * array(10 * ld, 4)                        // h, one layer
                + 1 * array(10 * ld, 4)                        // f, rows = width (one branch)
                + 2 * array(10 * ld, 4)                        // dh ping-pong; no dz, no scratch at depth 1
                + 2 * array(1000, 4)                           // dataset x, t
                + 4 * array(parameters, 4)                     // p, g, Adam m, v: 16 + 124 → 144 bytes each
                + 2 * array(3001, 4)                           // curve and a diverged run's copy
                + RunMemory.OVERHEAD_BYTES;
        assertEquals(expected, m.bytes());
        assertEquals(array(parameters, 4) + array(3001, 4), m.resultBytes());
        assertFalse(m.overArrayLimit().isPresent());
    }

    @Test
    void width1024Depth2GatedOverAMillionSamplesFitsArraysButNeedsThirtyEightGibibytes() {
        RunMemory m = RunMemory.of(run(Activation.RELU, LayerKind.GATED, 1024, 2, 1_000_000, 2));
        long ld = 1_000_000;
        long rows = 2 * 1024;
        long parameters = (rows + rows) + (rows * 1024 + rows) + 1024 + 1;
        long expected = 5 * array(ld, 4)                       // x, t, valid, y, dy
                + 2 * array(1024 * ld, 4)                      // h, two layers
                + 2 * array(rows * ld, 4)                      // f, two layers
                + 2 * array(1024 * ld, 4)                      // dh ping-pong
                + array(rows * ld, 4)                          // dz
                                                               // no scratch: width 1024 is whole blocks
                + array(rows * 1024, 4)                        // packed W (and Wᵀ: the same size)
                + 2 * array(ld, 4)                             // dataset
                + 4 * array(parameters, 4)
                + 2 * array(3, 4)
                + RunMemory.OVERHEAD_BYTES;
        assertEquals(expected, m.bytes());
        assertEquals(41_031_106_704L, m.bytes());
        assertFalse(m.overArrayLimit().isPresent());
    }

    @Test
    void integratedActivationsAddTheirKnotLanes() {
        long plain = RunMemory.of(run(Activation.RELU, LayerKind.PLAIN, 10, 1, 1000, 10)).bytes();
        long integrated = RunMemory.of(run(Activation.INT_RELU, LayerKind.PLAIN, 10, 1, 1000, 10)).bytes();
        assertEquals(array(VectorMath.LANES, 4), integrated - plain);
    }

    @Test
    void paddedBatchFailsLoudlyInsteadOfWrappingNegative() {
        assertThrows(ArithmeticException.class, () -> VectorKernels.paddedBatch(Integer.MAX_VALUE));
        // Scratch of a gated width-100 layer: W's gradient with padded rows [rows 200][kp], kp = 100
        // padded to a block (never 100: no block of 8, 16 or 32 divides it); none at a block multiple.
        long kp = (100 + BLOCK - 1) / BLOCK * BLOCK;
        assertEquals(200 * kp, VectorKernels.denseBackwardScratchFloats(100, 2));
        assertEquals(0, VectorKernels.denseBackwardScratchFloats(4 * VectorKernels.BLOCK, 2));
    }

    /**
     * Every array VectorMlp holds, element for element, is one RunMemory lists (and no more), on one
     * thread and on three (a knots array per thread).
     */
    @Test
    void vectorMlpAllocatesExactlyTheListedKernelBuffers() throws IllegalAccessException {
        for (ModelSpec spec : new ModelSpec[] {
            new ModelSpec(Activation.SILU, LayerKind.GATED, 70, 2),        // scratch with a padded W copy
            new ModelSpec(Activation.INT_GELU, LayerKind.PLAIN, 13, 3),    // knots, no scratch
            new ModelSpec(Activation.RELU, LayerKind.SQUARED, 64, 1),      // depth 1: no dz, no scratch
        }) {
            for (int threads : new int[] {1, 3}) {
                int n = 37;
                long allocated = 0;
                try (VectorMlp mlp = new VectorMlp(spec, new float[n], new float[n], threads)) {
                    for (Field field : VectorMlp.class.getDeclaredFields()) {
                        field.setAccessible(true);
                        allocated += elements(field.get(mlp));
                    }
                }
                long listed = RunMemory.ofKernels(spec, n, threads).buffers().stream()
                        .mapToLong(b -> b.copies() * b.elements()).sum();
                assertEquals(listed, allocated, spec.id() + " on " + threads + " threads");
            }
        }
    }

    /** Elements of a float or int array, or of an array of them; 0 for anything else. */
    private static long elements(Object value) {
        if (value instanceof float[] a) {
            return a.length;
        }
        if (value instanceof int[] a) {
            return a.length;
        }
        long sum = 0;
        if (value instanceof Object[] arrays) {
            for (Object a : arrays) {
                sum += elements(a);
            }
        }
        return sum;
    }
}
