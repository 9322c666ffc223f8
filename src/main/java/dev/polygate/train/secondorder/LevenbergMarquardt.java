package dev.polygate.train.secondorder;

import dev.polygate.model.ModelSpec;
import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Levenberg–Marquardt on the residuals r_j = y(x_j) − t_j of a one-hidden-layer model over every
 * parameter: Commons Math's {@link LevenbergMarquardtOptimizer} (Moré's MINPACK algorithm, default
 * tolerances 1e-10, initial step bound factor 100) with the analytic N × P Jacobian of {@link
 * OneLayerJacobian}, in double. One iteration is one accepted step (Commons Math's outer loop;
 * rejected trial steps inside it cost evaluations, not iterations); the MSE after each is
 * recorded through the optimiser's convergence checker, which stops it at {@code iterations}.
 *
 * <p>When the optimiser ends sooner — its own convergence tests, or the "tolerance too small"
 * exceptions MINPACK raises when no step can reduce the cost at machine precision — the parameters
 * stay where they are, so the remaining iterations repeat the last MSE ({@link Result#stoppedAt}
 * says where it stopped). Trial points with a non-finite cost are rejected by LM itself, so only a
 * non-finite start gives a non-finite MSE.
 */
public final class LevenbergMarquardt {
    private LevenbergMarquardt() {
    }

    /**
     * @param mse       MSE after t iterations, t = 0..iterations (length iterations + 1), or
     *                  shorter (just t = 0) when the start's MSE is not finite
     * @param stoppedAt the number of accepted steps LM took (≤ iterations)
     * @param reason    why it stopped: "iterations", "converged", or Commons Math's message
     */
    public record Result(double[] parameters, double[] mse, int stoppedAt, String reason) {
    }

    /**
     * Fits the model from {@code start} (not changed) to (x, t) for at most {@code iterations}
     * accepted steps.
     */
    public static Result fit(ModelSpec model, double[] start, double[] x, double[] t, int iterations) {
        OneLayerJacobian jac = new OneLayerJacobian(model);
        int n = x.length;
        int params = jac.parameterCount();
        double[] mse = new double[iterations + 1];
        double initial = mse(jac, start, x, t);
        mse[0] = initial;
        if (!Double.isFinite(initial)) {
            return new Result(start.clone(), new double[] {initial}, 0, "non-finite start");
        }
        double[][] lastPoint = {start.clone()};
        int[] accepted = {0};
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .target(t)
                .model(point -> {
                    double[] p = point.toArray();
                    double[] y = new double[n];
                    double[][] rows = new double[n][params];
                    for (int i = 0; i < n; i++) {
                        y[i] = jac.row(p, x[i], rows[i]);
                    }
                    return new Pair<RealVector, org.apache.commons.math3.linear.RealMatrix>(
                            new ArrayRealVector(y, false), new Array2DRowRealMatrix(rows, false));
                })
                .checker((iteration, previous, current) -> {
                    double[] r = current.getResiduals().toArray();
                    double s = 0;
                    for (double v : r) {
                        s += v * v;
                    }
                    accepted[0] = iteration;
                    mse[iteration] = s / n;
                    lastPoint[0] = current.getPoint().toArray();
                    return iteration >= iterations;
                })
                .maxIterations(iterations)
                .maxEvaluations(Integer.MAX_VALUE)
                .lazyEvaluation(false)
                .build();
        LeastSquaresOptimizer optimizer = new LevenbergMarquardtOptimizer();
        String reason;
        double[] parameters;
        try {
            LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(problem);
            parameters = optimum.getPoint().toArray();
            reason = accepted[0] >= iterations ? "iterations" : "converged";
        } catch (MathIllegalStateException e) {
            // TOO_SMALL_*_TOLERANCE (ConvergenceException), or a limit: keep the last accepted point.
            parameters = lastPoint[0];
            reason = e.getMessage();
        }
        int stopped = accepted[0];
        // The optimum of a default convergence test is the last accepted point too; its MSE is recorded.
        Arrays.fill(mse, stopped + 1, mse.length, mse[stopped]);
        return new Result(parameters, mse, stopped, reason);
    }

    /** Mean of squared residuals, summed in sample order. */
    public static double mse(OneLayerJacobian jac, double[] p, double[] x, double[] t) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = jac.value(p, x[i]) - t[i];
            s += r * r;
        }
        return s / x.length;
    }
}
