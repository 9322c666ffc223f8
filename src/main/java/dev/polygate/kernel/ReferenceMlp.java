package dev.polygate.kernel;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterLayout;

/**
 * The plain scalar reference of every kernel in {@link VectorKernels}: the same math and the same
 * parameter layout, written as the textbook loops, in double precision with {@link Math#exp}.
 * Tests hold the vector kernels to it and check it against finite differences; benchmarks measure
 * the vector kernels against it. Activations are [unit][sample] like the vector kernels, unpadded.
 */
public final class ReferenceMlp {
    private static final double GELU_C = Math.sqrt(2.0 / Math.PI);
    private static final double GELU_A = 0.044715;

    private final ModelSpec spec;
    private final ParameterLayout layout;
    private final int n;
    private final double[] x;
    private final double[] t;
    /** Per hidden layer: pre-activations z [rows][n] and outputs h [width][n]. */
    public final double[][] z;
    public final double[][] h;
    /** Read-out outputs [n]. */
    public final double[] y;
    // Backward buffers, allocated once: the gradient, and dh of a layer's output and input.
    private final double[] grad;
    private final double[] dhOut;
    private final double[] dhIn;

    public ReferenceMlp(ModelSpec spec, double[] x, double[] t) {
        this.spec = spec;
        this.layout = spec.layout();
        this.n = x.length;
        this.x = x.clone();
        this.t = t.clone();
        this.z = new double[spec.depth()][layout.rows() * n];
        this.h = new double[spec.depth()][spec.width() * n];
        this.y = new double[n];
        this.grad = new double[layout.size()];
        this.dhOut = new double[spec.width() * n];
        this.dhIn = new double[spec.width() * n];
    }

    /**
     * σ(v): the closed form, or for an integrated activation A(v) from its table. SiLU and GELU are
     * written as v·sigmoid(c) (c = v, or 2u for GELU's tanh form: 0.5(1 + tanh u) = sigmoid(2u)),
     * which keeps full relative accuracy where 1 + tanh u would cancel to 0 (GELU at v &lt; −5).
     * Over the whole double range: the limits at ±Inf (0 at −Inf, v at +Inf), NaN for NaN.
     */
    public static double sigma(Activation act, double v) {
        if (act.isIntegrated()) {
            return GateIntegral.of(act).value(v);
        }
        switch (act) {
            case RELU:
                return Math.max(v, 0);
            case SILU:
            case GELU: {
                double s = sigmoid(sigmoidArgument(act, v));
                return s == 0 ? 0 : v * s;   // s = 0: the limit, where v = −Inf would make −Inf·0
            }
            default:
                throw new IllegalStateException(act.toString());
        }
    }

    /**
     * σ′(v): the closed form's derivative, or for an integrated activation the gate itself (A′ = g).
     * SiLU and GELU: s + v·c′(v)·s(1 − s) with s = sigmoid(c(v)); exactly s where s(1 − s) = 0 (the
     * limits 0 and 1 at ±Inf, where v·c′ would make Inf·0). ReLU: 1 for v &gt; 0, else 0 (also NaN).
     */
    public static double sigmaPrime(Activation act, double v) {
        if (act.isIntegrated()) {
            return sigma(act.closedForm(), v);
        }
        switch (act) {
            case RELU:
                return v > 0 ? 1 : 0;
            case SILU:
            case GELU: {
                double s = sigmoid(sigmoidArgument(act, v));
                double spread = s * (1 - s);
                double dc = act == Activation.SILU ? 1 : 2 * GELU_C * (1 + 3 * GELU_A * v * v);
                return spread == 0 ? s : s + v * dc * spread;
            }
            default:
                throw new IllegalStateException(act.toString());
        }
    }

    /** c(v) of σ = v·sigmoid(c): v for SiLU, 2u = 2√(2/π)(v + 0.044715 v³) for GELU. */
    private static double sigmoidArgument(Activation act, double v) {
        return act == Activation.SILU ? v : 2 * GELU_C * (v + GELU_A * v * v * v);
    }

    /**
     * 1/(1 + e^−c) from e^−|c|, so that no side overflows: c/(…) keeps its relative accuracy for
     * c → −∞. StrictMath: the same bits on every JDK (so are the integrated activations' tables).
     */
    static double sigmoid(double c) {
        double e = StrictMath.exp(-Math.abs(c));
        return (c < 0 ? e : 1) / (1 + e);
    }

    /** Forward pass; returns the MSE (mean of squared errors, no ½). */
    public double forward(double[] p) {
        int width = spec.width();
        int rows = layout.rows();
        for (int l = 0; l < spec.depth(); l++) {
            int fanIn = layout.fanIn(l);
            int wAt = layout.weightOffset(l);
            int bAt = layout.biasOffset(l);
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < n; i++) {
                    double s = p[bAt + r];
                    for (int k = 0; k < fanIn; k++) {
                        double in = l == 0 ? x[i] : h[l - 1][k * n + i];
                        s += p[wAt + r * fanIn + k] * in;
                    }
                    z[l][r * n + i] = s;
                }
            }
            for (int j = 0; j < width; j++) {
                for (int i = 0; i < n; i++) {
                    double zg = z[l][j * n + i];
                    // Bilinear: the identity in place of σ (the activation is not used).
                    double s = spec.kind() == LayerKind.BILINEAR ? zg : sigma(spec.activation(), zg);
                    h[l][j * n + i] = spec.kind() == LayerKind.PLAIN ? s
                            : spec.kind() == LayerKind.SQUARED ? s * s
                            : s * z[l][(width + j) * n + i];
                }
            }
        }
        double loss = 0;
        double[] last = h[spec.depth() - 1];
        for (int i = 0; i < n; i++) {
            double s = p[layout.readoutBiasOffset()];
            for (int j = 0; j < width; j++) {
                s += p[layout.readoutWeightOffset() + j] * last[j * n + i];
            }
            y[i] = s;
            loss += (s - t[i]) * (s - t[i]);
        }
        return loss / n;
    }

    /**
     * The factor backward multiplies dh by, for row r of hidden layer l (rows = branches·width),
     * as the vector kernels store it: plain σ′(z); squared 2σσ′; gated σ′(z_g)·z_v, then σ(z_g);
     * bilinear z_v, then z_g.
     */
    public double factor(int l, int r, int i) {
        int width = spec.width();
        int j = r % width;
        double zg = z[l][j * n + i];
        Activation act = spec.activation();
        switch (spec.kind()) {
            case PLAIN:
                return sigmaPrime(act, zg);
            case SQUARED:
                return 2 * sigma(act, zg) * sigmaPrime(act, zg);
            case GATED:
                return r < width ? sigmaPrime(act, zg) * z[l][(width + j) * n + i] : sigma(act, zg);
            case BILINEAR:
                return r < width ? z[l][(width + j) * n + i] : zg;
            default:
                throw new IllegalStateException(spec.kind().toString());
        }
    }

    /**
     * Gradient of the MSE of the last {@link #forward} with respect to every parameter. Returns an
     * internal buffer that the next call overwrites.
     */
    public double[] backward(double[] p) {
        int width = spec.width();
        int rows = layout.rows();
        double[] g = grad;
        java.util.Arrays.fill(g, 0);
        double[] dh = dhOut;
        double[] dhPrev = dhIn;
        double[] last = h[spec.depth() - 1];
        for (int i = 0; i < n; i++) {
            double dy = 2 * (y[i] - t[i]) / n;
            g[layout.readoutBiasOffset()] += dy;
            for (int j = 0; j < width; j++) {
                g[layout.readoutWeightOffset() + j] += dy * last[j * n + i];
                dh[j * n + i] = p[layout.readoutWeightOffset() + j] * dy;
            }
        }
        for (int l = spec.depth() - 1; l >= 0; l--) {
            int fanIn = layout.fanIn(l);
            int wAt = layout.weightOffset(l);
            int bAt = layout.biasOffset(l);
            java.util.Arrays.fill(dhPrev, 0);
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < n; i++) {
                    double dz = dh[(r % width) * n + i] * factor(l, r, i);
                    g[bAt + r] += dz;
                    for (int k = 0; k < fanIn; k++) {
                        double in = l == 0 ? x[i] : h[l - 1][k * n + i];
                        g[wAt + r * fanIn + k] += dz * in;
                        if (l > 0) {
                            dhPrev[k * n + i] += p[wAt + r * fanIn + k] * dz;
                        }
                    }
                }
            }
            double[] swap = dh;
            dh = dhPrev;
            dhPrev = swap;
        }
        return g;
    }
}
