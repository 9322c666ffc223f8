package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The register-tiled matrix kernels against textbook loops, on sizes with every kind of remainder:
 * matmulPanel bit for bit against the float fma chain it documents — A read row by row, and W and
 * Wᵀ packed by register tiles — gradWeights (lane sums) within rounding of a double sum.
 */
class MatrixKernelsTest {
    private static final int[] ROWS = {1, 2, 3, 4, 5, 7, 13, 26};
    // 300 and 600 run past one k-block (Tiling.INNER_BLOCK is 128 or 256 by default): the partial
    // sums are stored and resumed.
    private static final int[] INNER = {1, 3, 4, 10, 13, 300, 600};
    private static final int[] BATCH = {1, 7, 37, 100};

    @Test
    void matmulPanelMatchesLoopsForWAndTransposedW() {
        Random r = new Random(1);
        for (int rows : ROWS) {
            for (int inner : INNER) {
                for (int n : BATCH) {
                    int ld = VectorKernels.paddedBatch(n);
                    float[] w = random(r, rows * inner + 3);
                    float[] bias = random(r, rows + 2);
                    float[] b = random(r, inner * ld);
                    float[] c = new float[rows * ld];
                    float[] unpacked = new float[rows * ld];
                    // Packed in two shares, as two threads of a run pack it.
                    float[] packed = new float[VectorKernels.packedWeightsFloats(rows, inner)];
                    VectorKernels.packWeights(packed, w, 3, rows, inner, 0, 2);
                    VectorKernels.packWeights(packed, w, 3, rows, inner, 1, 2);
                    for (int i0 = 0; i0 < ld; i0 += VectorKernels.BLOCK) {
                        VectorKernels.matmulPanel(c, 0, ld, packed, 0, inner, 1, Tiling.ROWS, b, ld, 1, VectorKernels.BLOCK,
                                inner, bias, 2, rows, i0);
                        VectorKernels.matmulPanel(unpacked, 0, ld, w, 3, inner, inner, 1, b, ld, 1, VectorKernels.BLOCK,
                                inner, bias, 2, rows, i0);
                    }
                    for (int m = 0; m < rows; m++) {
                        for (int i = 0; i < n; i++) {
                            // The documented arithmetic, bit for bit: one float fma chain in k order
                            // from the bias, whatever the register tile and k-block.
                            float s = bias[2 + m];
                            for (int k = 0; k < inner; k++) {
                                s = Math.fma(b[k * ld + i], w[3 + m * inner + k], s);
                            }
                            assertEquals(s, c[m * ld + i], rows + "x" + inner + " n" + n);
                            assertEquals(s, unpacked[m * ld + i], "unpacked " + rows + "x" + inner + " n" + n);
                        }
                    }
                    // Transposed: out[k][i] = Σ_m W[m][k] · c[m][i], no bias.
                    float[] t = new float[inner * ld];
                    VectorKernels.packTransposedWeights(packed, w, 3, rows, inner, 0, 1);
                    for (int i0 = 0; i0 < ld; i0 += VectorKernels.BLOCK) {
                        VectorKernels.matmulPanel(t, 0, ld, packed, 0, rows, 1, Tiling.ROWS, c, ld, 1, VectorKernels.BLOCK,
                                rows, null, 0, inner, i0);
                    }
                    for (int k = 0; k < inner; k++) {
                        for (int i = 0; i < n; i++) {
                            float s = 0f;
                            for (int m = 0; m < rows; m++) {
                                s = Math.fma(c[m * ld + i], w[3 + m * inner + k], s);
                            }
                            assertEquals(s, t[k * ld + i], "transposed " + rows + "x" + inner);
                        }
                    }
                }
            }
        }
    }

    /**
     * B read transposed, as the weight gradient reads h_in: out[m][k] = Σ_i a[m][i]·b[k][i], with the
     * output's columns (k) padded to a block and only the real ones read from b.
     */
    @Test
    void matmulPanelMatchesLoopsForTransposedB() {
        Random r = new Random(3);
        for (int rows : ROWS) {
            for (int cols : new int[] {1, 5, 17, 64, 70}) {
                for (int n : new int[] {1, 37, 300}) {
                    int ld = VectorKernels.paddedBatch(n);
                    int kp = VectorKernels.paddedBatch(cols);
                    float[] a = padded(r, rows, n, ld);
                    float[] b = padded(r, cols, n, ld);
                    float[] out = new float[rows * kp];
                    for (int k0 = 0; k0 < kp; k0 += VectorKernels.BLOCK) {
                        VectorKernels.matmulPanel(out, 0, kp, a, 0, ld, ld, 1, b, 1, ld, cols - k0, ld, null, 0, rows, k0);
                    }
                    for (int m = 0; m < rows; m++) {
                        for (int k = 0; k < kp; k++) {
                            float s = 0f;
                            for (int i = 0; k < cols && i < ld; i++) {
                                s = Math.fma(b[k * ld + i], a[m * ld + i], s);
                            }
                            assertEquals(s, out[m * kp + k], rows + "x" + cols + " n" + n);
                        }
                    }
                }
            }
        }
    }

    @Test
    void gradWeightsMatchesLoops() {
        Random r = new Random(2);
        for (int rows : ROWS) {
            for (int inner : INNER) {
                for (int n : BATCH) {
                    int ld = VectorKernels.paddedBatch(n);
                    float[] a = padded(r, rows, n, ld);
                    float[] b = padded(r, inner, n, ld);
                    float[] g = new float[5 + rows * inner];
                    VectorKernels.gradWeights(g, 5, a, b, inner, ld, 0, rows);
                    for (int m = 0; m < rows; m++) {
                        for (int k = 0; k < inner; k++) {
                            double s = 0;
                            for (int i = 0; i < n; i++) {
                                s += (double) a[m * ld + i] * b[k * ld + i];
                            }
                            assertEquals(s, g[5 + m * inner + k], 1e-5 * (1 + Math.abs(s)), rows + "x" + inner + " n" + n);
                        }
                    }
                }
            }
        }
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /** [rows][ld] with zeros in the padding, as the training buffers hold it. */
    private static float[] padded(Random r, int rows, int n, int ld) {
        float[] v = new float[rows * ld];
        for (int m = 0; m < rows; m++) {
            for (int i = 0; i < n; i++) {
                v[m * ld + i] = (float) r.nextGaussian();
            }
        }
        return v;
    }
}
