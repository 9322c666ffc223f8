package dev.polygate.train;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Not a test: the protocol of Queiruga 2026 (arXiv 2602.14495) with the second-order trainers, run
 * by hand. Target f(x) = 1/(1 + cos²(πx)), 10 000 points uniform on [−1, 1], spline init, float64;
 * READOUT for n = 2..50 (ReLU MLP and GLU, 3 seeds) with the log-log slope of training RMSE over
 * n = 4..49, then LM for a few n with its wall time. Run from the test class path:
 * {@code java --add-modules jdk.incubator.vector -cp ... dev.polygate.train.QueirugaScalingMain [lmSteps]}.
 */
public final class QueirugaScalingMain {
    private QueirugaScalingMain() {
    }

    static double f(double x) {
        double c = Math.cos(Math.PI * x);
        return 1 / (1 + c * c);
    }

    static Samples data(long seed, int samples, TrainingSetup setup, boolean test) {
        Samples s = test ? Samples.test(seed, samples, Target.power(1), setup.inputs())
                : Samples.training(seed, samples, Target.power(1), setup.inputs());
        double[] t = new double[s.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = f(s.x()[i]);
        }
        return new Samples(s.x(), t);
    }

    public static void main(String[] args) {
        int lmSteps = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int samples = 10_000;
        TrainingSetup base = TrainingSetup.DEFAULT.withInputs(TrainingSetup.Inputs.uniform(-1, 1))
                .withPrecision(TrainingSetup.Precision.FLOAT64).withInit(TrainingSetup.Init.SPLINE).withTestSamples(1000);
        long[] seeds = {0, 1, 2};
        for (LayerKind kind : new LayerKind[] {LayerKind.PLAIN, LayerKind.GATED}) {
            String name = kind == LayerKind.PLAIN ? "MLP" : "GLU";
            SimpleRegression[] perSeed = new SimpleRegression[seeds.length];
            SimpleRegression pooled = new SimpleRegression();
            long start = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s readout: n, train RMSE per seed, test RMSE seed 0%n", name);
            for (int s = 0; s < seeds.length; s++) {
                perSeed[s] = new SimpleRegression();
            }
            for (int n = 2; n <= 50; n++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  n=%2d", n));
                double test0 = Double.NaN;
                for (int s = 0; s < seeds.length; s++) {
                    TrainingSetup setup = base.withOptimizer(TrainingSetup.Optimizer.READOUT);
                    RunSpec spec = new RunSpec(new ModelSpec(Activation.RELU, kind, n, 1), Target.power(1), 1e-3, samples,
                            1, seeds[s], setup);
                    TrainingResult r = SecondOrderTrainer.fit(spec, data(seeds[s], samples, setup, false),
                            data(seeds[s], 1000, setup, true));
                    double rmse = Math.sqrt(r.finalMse());
                    if (s == 0) {
                        test0 = Math.sqrt(r.testMse());
                    }
                    line.append(String.format(Locale.ROOT, " %.4e", rmse));
                    if (n >= 4 && n <= 49) {
                        perSeed[s].addData(Math.log(n), Math.log(rmse));
                        pooled.addData(Math.log(n), Math.log(rmse));
                    }
                }
                line.append(String.format(Locale.ROOT, "  test %.4e", test0));
                System.out.println(line);
            }
            System.out.printf(Locale.ROOT, "%s readout slope n=4..49: pooled %.3f; per seed", name, pooled.getSlope());
            for (SimpleRegression r : perSeed) {
                System.out.printf(Locale.ROOT, " %.3f", r.getSlope());
            }
            System.out.printf(Locale.ROOT, "; %.1f s for %d runs%n", (System.nanoTime() - start) * 1e-9, 49 * seeds.length);
        }
        for (LayerKind kind : new LayerKind[] {LayerKind.PLAIN, LayerKind.GATED}) {
            String name = kind == LayerKind.PLAIN ? "MLP" : "GLU";
            for (int n : new int[] {4, 8, 16, 32}) {
                TrainingSetup setup = base.withOptimizer(TrainingSetup.Optimizer.LM);
                RunSpec spec = new RunSpec(new ModelSpec(Activation.RELU, kind, n, 1), Target.power(1), 1e-3, samples,
                        lmSteps, 0, setup);
                TrainingSetup ro = base.withOptimizer(TrainingSetup.Optimizer.READOUT);
                RunSpec roSpec = new RunSpec(spec.model(), Target.power(1), 1e-3, samples, 1, 0, ro);
                double readout = SecondOrderTrainer.fit(roSpec, data(0, samples, ro, false), null).finalMse();
                TrainingResult r = SecondOrderTrainer.fit(spec, data(0, samples, setup, false), data(0, 1000, setup, true));
                float[] c = r.curve().values();
                System.out.printf(Locale.ROOT, "%s LM n=%2d P=%3d: RMSE init %.3e -> %.3e after <= %d its (readout alone %.3e),"
                                + " test RMSE %.3e, %.2f s (%.3f s/iteration)%n", name, n, r.parameterCount(),
                        Math.sqrt(c[0]), Math.sqrt(r.finalMse()), lmSteps, Math.sqrt(readout), Math.sqrt(r.testMse()),
                        r.wallSeconds(), r.wallSeconds() / lmSteps);
            }
        }
    }
}
