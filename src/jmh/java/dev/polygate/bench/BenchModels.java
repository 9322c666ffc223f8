package dev.polygate.bench;

import dev.polygate.text.FloatText;
import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.kernel.VectorMlp;
import dev.polygate.model.Initializer;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterMatch;
import dev.polygate.model.Shape;
import dev.polygate.model.Target;
import dev.polygate.train.Dataset;
import dev.polygate.train.Seeds;

/** What the benchmarks share: parameter strings → models, data, and the agreement check. */
final class BenchModels {
    private BenchModels() {
    }

    /** The model a (activation, kind, width, depth) parameter set names; "gated-matched" included. */
    static ModelSpec spec(String activation, String kind, int width, int depth) {
        return ParameterMatch.spec(activation, kind, width, depth);
    }

    /** What a benchmark's (activation, kind, shape) parameters name: model, data and initial parameters. */
    record Workbench(ModelSpec spec, Dataset data, float[] parameters) {
    }

    /** The workbench of these parameters, its kernels checked against the scalar reference first. */
    static Workbench checked(String activation, String kind, String shape) {
        Shape s = Shape.parse(shape);
        ModelSpec spec = spec(activation, kind, s.width(), s.depth());
        Dataset data = data(s.samples());
        float[] p = parameters(spec);
        checkAgainstReference(spec, p, data);
        return new Workbench(spec, data, p);
    }

    static float[] parameters(ModelSpec spec) {
        return Initializer.initialise(spec.layout(), Seeds.generator(1, "bench/" + spec.id()));
    }

    static Dataset data(int samples) {
        return Dataset.of(1, samples, Target.power(3));
    }

    /**
     * Fails loudly unless the vector kernels agree with the scalar reference for this model on the
     * first samples (an awkward count, so padding is exercised): loss and every gradient entry.
     */
    static void checkAgainstReference(ModelSpec spec, float[] p, Dataset data) {
        int n = Math.min(data.x().length, 67);
        float[] x = java.util.Arrays.copyOf(data.x(), n);
        float[] t = java.util.Arrays.copyOf(data.t(), n);
        VectorMlp mlp = new VectorMlp(spec, x, t);
        double loss = mlp.forwardLoss(p);
        float[] g = new float[p.length];
        mlp.backward(g, p);
        double[] xd = new double[n];
        double[] td = new double[n];
        for (int i = 0; i < n; i++) {
            xd[i] = x[i];
            td[i] = t[i];
        }
        double[] pd = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            pd[i] = p[i];
        }
        ReferenceMlp ref = new ReferenceMlp(spec, xd, td);
        double refLoss = ref.forward(pd);
        double[] refGrad = ref.backward(pd);
        if (Math.abs(loss - refLoss) > 1e-3 * Math.abs(refLoss)) {
            throw new IllegalStateException("vector loss " + FloatText.shortest(loss) + " disagrees with the reference " + FloatText.shortest(refLoss)
                    + " for " + spec.id());
        }
        double scale = 0;
        for (double v : refGrad) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < g.length; k++) {
            double err = Math.abs(g[k] - refGrad[k]) / Math.max(Math.abs(refGrad[k]), 1e-3 * scale);
            if (!(err < 1e-3)) {
                throw new IllegalStateException("vector gradient[" + k + "] = " + FloatText.shortest(g[k]) + " disagrees with the reference "
                        + FloatText.shortest(refGrad[k]) + " for " + spec.id());
            }
        }
    }
}
