package dev.polygate.train.secondorder;

import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterLayout;

/**
 * The read-out fitted by linear least squares with every other parameter frozen ({@code
 * --optimizer readout}). The model's output is linear in what is trained, so one minimum-norm
 * solve ({@link LeastSquares}) finds the optimum:
 *
 * <ul>
 * <li>plain and squared, any depth and activation: features [h_1(x) … h_n(x), 1] of the last hidden
 *     layer (h = σ(z) or σ(z)²); the solution is the read-out weights D and bias d;</li>
 * <li>gated (and bilinear, σ the identity), depth 1 only: the read-out and the value branch are
 *     trained together. The output Σ_i D_i σ(z_i)(U_i x + u_i) + d is bilinear in (D, U, u) but
 *     linear in a_i = D_i U_i and b_i = D_i u_i, so the features are [x σ(z_i) …, σ(z_i) …, 1]
 *     (z_i = G_i x + g_i, the frozen gate), and the solution (a, b, c) is written back as D_i = 1,
 *     U_i = a_i, u_i = b_i, d = c: the same function (every (D, U, u) with D_i U_i = a_i and
 *     D_i u_i = b_i is), in the layout's parameters.</li>
 * </ul>
 */
public final class Readout {
    private Readout() {
    }

    /** Features of the design: width + 1, or 2·width + 1 for a two-branch kind. */
    public static int featureCount(ModelSpec model) {
        return model.kind().branches() * model.width() + 1;
    }

    /**
     * @throws IllegalArgumentException for a two-branch kind deeper than one hidden layer
     */
    public static void check(ModelSpec model) {
        if (model.kind().branches() == 2 && model.depth() != 1) {
            throw new IllegalArgumentException("--optimizer readout trains the value branch of a " + model.kind().cliName()
                    + " model only with one hidden layer (--depth 1), got depth " + model.depth());
        }
    }

    /** The parameters with the read-out (and value branch) at the least-squares optimum; {@code p} is not changed. */
    public static double[] fit(ModelSpec model, double[] p, double[] x, double[] t) {
        check(model);
        ParameterLayout layout = model.layout();
        int n = model.width();
        int samples = x.length;
        ReferenceMlp ref = new ReferenceMlp(model, x, t);
        ref.forward(p);
        int k = featureCount(model);
        double[][] design = new double[samples][k];
        boolean twoBranch = model.kind().branches() == 2;
        double[] last = ref.h[model.depth() - 1];
        double[] z = ref.z[0];
        for (int i = 0; i < samples; i++) {
            double[] row = design[i];
            for (int j = 0; j < n; j++) {
                if (twoBranch) {
                    double zg = z[j * samples + i];
                    double s = model.kind() == LayerKind.BILINEAR ? zg : ReferenceMlp.sigma(model.activation(), zg);
                    row[j] = x[i] * s;
                    row[n + j] = s;
                } else {
                    row[j] = last[j * samples + i];
                }
            }
            row[k - 1] = 1;
        }
        double[] c = LeastSquares.solve(design, t);
        double[] out = p.clone();
        int ro = layout.readoutWeightOffset();
        if (twoBranch) {
            int w = layout.weightOffset(0);
            int b = layout.biasOffset(0);
            for (int j = 0; j < n; j++) {
                out[ro + j] = 1;
                out[w + n + j] = c[j];
                out[b + n + j] = c[n + j];
            }
        } else {
            System.arraycopy(c, 0, out, ro, n);
        }
        out[layout.readoutBiasOffset()] = c[k - 1];
        return out;
    }
}
