package dev.polygate.train.secondorder;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The minimum-norm least-squares solution of A c ≈ t for a dense N × K design (N ≥ 1), in double
 * with Commons Math: the pseudo-inverse solution c = A⁺ t, as LAPACK's gelsd (numpy.linalg.lstsq)
 * gives it. Steps: Householder QR of the augmented matrix [A | t] (so R's last column holds Qᵀt
 * without ever forming the N × N Q); then the SVD of the K × K triangle R = U Σ Vᵀ and c = V Σ⁺ Uᵀ
 * (Qᵀt), singular values at or below {@link #relativeCutoff} · σ_max dropped (A⁺ = R⁺Qᵀ since Q
 * has orthonormal columns). Rank-deficient designs therefore get the stable minimum-norm solution
 * rather than an exception — the spline initialisation on [−1, 1] makes them: its units with kinks
 * at the ends, relu(x + 1) and relu(1 − x), are affine on the data and collinear with the constant.
 * No normal equations: the conditioning is that of A, not of AᵀA.
 */
public final class LeastSquares {
    private LeastSquares() {
    }

    /** The cutoff ε · max(N, K) of numpy.linalg.lstsq's default rcond. */
    public static double relativeCutoff(int rows, int columns) {
        return Math.ulp(1.0) * Math.max(rows, columns);
    }

    /**
     * The minimum-norm c minimising ‖A c − t‖₂.
     *
     * @param design N rows of K features (not changed)
     * @param t      N targets
     */
    public static double[] solve(double[][] design, double[] t) {
        int rows = design.length;
        int k = design[0].length;
        if (t.length != rows) {
            throw new IllegalArgumentException("design has " + rows + " rows but " + t.length + " targets");
        }
        // With fewer rows than columns QR leaves no square triangle: solve the SVD of A directly.
        if (rows < k + 1) {
            return pseudoInverseSolve(new Array2DRowRealMatrix(design, true), t, rows, k);
        }
        double[][] augmented = new double[rows][k + 1];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(design[i], 0, augmented[i], 0, k);
            augmented[i][k] = t[i];
        }
        // Threshold 0: never refuse; rank is decided by the SVD below.
        RealMatrix r = new QRDecomposition(new Array2DRowRealMatrix(augmented, false), 0).getR();
        double[][] triangle = new double[k][k];
        double[] qtT = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                triangle[i][j] = r.getEntry(i, j);
            }
            qtT[i] = r.getEntry(i, k);
        }
        return pseudoInverseSolve(new Array2DRowRealMatrix(triangle, false), qtT, rows, k);
    }

    /** V Σ⁺ Uᵀ b for M = U Σ Vᵀ, with the cutoff relative to N (the original rows) and K. */
    private static double[] pseudoInverseSolve(RealMatrix m, double[] b, int rows, int k) {
        SingularValueDecomposition svd = new SingularValueDecomposition(m);
        double[] sigma = svd.getSingularValues();
        RealMatrix u = svd.getU();
        RealMatrix v = svd.getV();
        double cutoff = relativeCutoff(rows, k) * (sigma.length == 0 ? 0 : sigma[0]);
        double[] c = new double[k];
        for (int s = 0; s < sigma.length; s++) {
            if (!(sigma[s] > cutoff)) {
                continue;
            }
            double dot = 0;
            for (int i = 0; i < b.length; i++) {
                dot += u.getEntry(i, s) * b[i];
            }
            double coef = dot / sigma[s];
            for (int j = 0; j < k; j++) {
                c[j] += v.getEntry(j, s) * coef;
            }
        }
        return c;
    }
}
