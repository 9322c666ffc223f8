package dev.polygate.train.secondorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    private static double[][] randomDesign(Random rng, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] r : a) {
            for (int j = 0; j < cols; j++) {
                r[j] = rng.nextGaussian();
            }
        }
        return a;
    }

    /** A full-rank tall design: the normal equations AᵀA c = Aᵀt (solved by LU) give the same solution. */
    @Test
    void fullRankMatchesTheNormalEquations() {
        Random rng = new Random(1);
        double[][] a = randomDesign(rng, 60, 7);
        double[] t = new double[60];
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextGaussian();
        }
        double[] c = LeastSquares.solve(a, t);
        RealMatrix m = new Array2DRowRealMatrix(a);
        double[] normal = new LUDecomposition(m.transpose().multiply(m)).getSolver()
                .solve(m.transpose().operate(new ArrayRealVector(t))).toArray();
        for (int j = 0; j < c.length; j++) {
            assertEquals(normal[j], c[j], 1e-12);
        }
    }

    /** A duplicated column: the minimum-norm solution splits the weight equally (the pseudo-inverse's choice). */
    @Test
    void rankDeficientGivesTheMinimumNormSolution() {
        int rows = 30;
        double[][] a = new double[rows][3];
        double[] t = new double[rows];
        for (int i = 0; i < rows; i++) {
            double x = -1 + 2.0 * i / (rows - 1);
            a[i] = new double[] {x, x, 1};
            t[i] = 4 * x - 1;
        }
        double[] c = LeastSquares.solve(a, t);
        assertEquals(2, c[0], 1e-12);
        assertEquals(2, c[1], 1e-12);
        assertEquals(-1, c[2], 1e-12);
    }

    /** Fewer rows than columns: interpolates, with the minimum norm (c = Aᵀ(AAᵀ)⁻¹t). */
    @Test
    void wideDesignInterpolatesWithMinimumNorm() {
        Random rng = new Random(2);
        double[][] a = randomDesign(rng, 3, 6);
        double[] t = {1, -2, 0.5};
        double[] c = LeastSquares.solve(a, t);
        RealMatrix m = new Array2DRowRealMatrix(a);
        double[] expected = m.transpose().operate(new LUDecomposition(m.multiply(m.transpose())).getSolver()
                .solve(new ArrayRealVector(t))).toArray();
        for (int j = 0; j < c.length; j++) {
            assertEquals(expected[j], c[j], 1e-12);
        }
    }
}
