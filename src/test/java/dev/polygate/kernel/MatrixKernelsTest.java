package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The register-tiled matrix kernels against textbook loops, on sizes with every kind of remainder. */
class MatrixKernelsTest {
    private static final int[] ROWS = {1, 2, 3, 4, 5, 7, 13, 26};
    private static final int[] INNER = {1, 3, 4, 10, 13};
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
                    for (int i0 = 0; i0 < ld; i0 += VectorKernels.BLOCK) {
                        VectorKernels.matmulPanel(c, 0, w, 3, inner, 1, b, inner, bias, 2, rows, ld, i0);
                    }
                    for (int m = 0; m < rows; m++) {
                        for (int i = 0; i < n; i++) {
                            double s = bias[2 + m];
                            for (int k = 0; k < inner; k++) {
                                s += (double) w[3 + m * inner + k] * b[k * ld + i];
                            }
                            assertEquals(s, c[m * ld + i], 1e-5 * (1 + Math.abs(s)), rows + "x" + inner + " n" + n);
                        }
                    }
                    // Transposed: out[k][i] = Σ_m W[m][k] · c[m][i], no bias.
                    float[] t = new float[inner * ld];
                    for (int i0 = 0; i0 < ld; i0 += VectorKernels.BLOCK) {
                        VectorKernels.matmulPanel(t, 0, w, 3, 1, inner, c, rows, null, 0, inner, ld, i0);
                    }
                    for (int k = 0; k < inner; k++) {
                        for (int i = 0; i < n; i++) {
                            double s = 0;
                            for (int m = 0; m < rows; m++) {
                                s += (double) w[3 + m * inner + k] * c[m * ld + i];
                            }
                            assertEquals(s, t[k * ld + i], 1e-5 * (1 + Math.abs(s)), "transposed " + rows + "x" + inner);
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
