package dev.polygate.train.secondorder;

import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterLayout;

/**
 * The output y(x) of a one-hidden-layer model and its derivative ∂y/∂p with respect to every
 * parameter, per sample, in double, in closed form (the layout of {@link ParameterLayout}; σ and σ′
 * are {@link ReferenceMlp#sigma} and {@link ReferenceMlp#sigmaPrime}, so every activation the
 * reference knows works). With z_j = W_j x + b_j (the gate or only row), v_j = W_{n+j} x + b_{n+j}
 * (the value row of a two-branch kind) and y = Σ_j D_j h_j + d:
 *
 * <pre>
 * plain     h = σ(z)      ∂y/∂W_j = D_j σ′(z_j) x          ∂y/∂b_j = D_j σ′(z_j)
 * squared   h = σ(z)²     ∂y/∂W_j = D_j 2σ(z_j)σ′(z_j) x   ∂y/∂b_j = D_j 2σ(z_j)σ′(z_j)
 * gated     h = σ(z)·v    ∂y/∂W_j = D_j σ′(z_j) v_j x      ∂y/∂b_j = D_j σ′(z_j) v_j
 *                         ∂y/∂W_{n+j} = D_j σ(z_j) x       ∂y/∂b_{n+j} = D_j σ(z_j)
 * bilinear  as gated with σ the identity
 * every kind  ∂y/∂D_j = h_j, ∂y/∂d = 1
 * </pre>
 *
 * ReLU's σ′ at 0 is 0 (PyTorch's choice, as the reference). Deeper models are refused.
 */
public final class OneLayerJacobian {
    private final ModelSpec spec;
    private final ParameterLayout layout;

    /** @throws IllegalArgumentException if the model has more than one hidden layer */
    public OneLayerJacobian(ModelSpec spec) {
        if (spec.depth() != 1) {
            throw new IllegalArgumentException("the analytic Jacobian (--optimizer lm) covers one hidden layer "
                    + "(--depth 1), got depth " + spec.depth());
        }
        this.spec = spec;
        this.layout = spec.layout();
    }

    public int parameterCount() {
        return layout.size();
    }

    /** y(x) for parameters p. */
    public double value(double[] p, double x) {
        return row(p, x, null);
    }

    /**
     * y(x), and ∂y/∂p into {@code row} (length {@link #parameterCount()}) unless it is null.
     */
    public double row(double[] p, double x, double[] row) {
        int n = spec.width();
        int w = layout.weightOffset(0);
        int b = layout.biasOffset(0);
        int ro = layout.readoutWeightOffset();
        int rb = layout.readoutBiasOffset();
        Activation act = spec.activation();
        LayerKind kind = spec.kind();
        double y = p[rb];
        for (int j = 0; j < n; j++) {
            double z = p[w + j] * x + p[b + j];
            double d = p[ro + j];
            double h;
            double dz;   // ∂h/∂z
            double dv = 0;   // ∂h/∂v (two-branch kinds)
            switch (kind) {
                case PLAIN: {
                    h = ReferenceMlp.sigma(act, z);
                    dz = ReferenceMlp.sigmaPrime(act, z);
                    break;
                }
                case SQUARED: {
                    double s = ReferenceMlp.sigma(act, z);
                    h = s * s;
                    dz = 2 * s * ReferenceMlp.sigmaPrime(act, z);
                    break;
                }
                case GATED: {
                    double v = p[w + n + j] * x + p[b + n + j];
                    double s = ReferenceMlp.sigma(act, z);
                    h = s * v;
                    dz = ReferenceMlp.sigmaPrime(act, z) * v;
                    dv = s;
                    break;
                }
                case BILINEAR: {
                    double v = p[w + n + j] * x + p[b + n + j];
                    h = z * v;
                    dz = v;
                    dv = z;
                    break;
                }
                default:
                    throw new IllegalStateException(kind.toString());
            }
            y += d * h;
            if (row != null) {
                row[w + j] = d * dz * x;
                row[b + j] = d * dz;
                if (kind.branches() == 2) {
                    row[w + n + j] = d * dv * x;
                    row[b + n + j] = d * dv;
                }
                row[ro + j] = h;
            }
        }
        if (row != null) {
            row[rb] = 1;
        }
        return y;
    }
}
