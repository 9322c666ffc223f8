package dev.polygate.cli;

import dev.polygate.io.ModelFile;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.train.Trainer;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** {@code polygate train}: one run, its result on stdout, the model optionally saved as JSON. */
final class TrainCommand {
    static final String HELP = String.join("\n",
            "usage: polygate train --activation A --kind K (--degree N | --target T) [FLAGS]",
            "",
            "Trains one MLP on a target (x ~ N(0,1), full-batch Adam on MSE) and prints its final MSE.",
            "The same flags and seed give the same bits as the matching run of a sweep.",
            "",
            "  --activation A   " + Flags.column(Activation.allowed(), 37) + "(required)",
            "  --kind K         " + Flags.column(LayerKind.allowed(), 37) + "(required)",
            "  --degree N       the target x^N, N in 0.." + Target.MAX_DEGREE + "         (this or --target)",
            "  --target T       x^N, poly:c0,c1,... (c0 + c1 x + ...), sin or exp",
            "  --width W        hidden units per layer, 1.." + ModelSpec.MAX_WIDTH + "      (default 10)",
            "  --depth D        hidden layers, 1.." + ModelSpec.MAX_DEPTH + "                (default 1)",
            "  --lr R           Adam learning rate, > 0              (default 0.01)",
            "  --samples N      training points                      (default 1000)",
            "  --steps T        Adam steps                           (default 3000)",
            "  --seed S         seed of the data and the initialisation (default 0)",
            "  --model-out F    save the trained model as JSON to F (see polygate predict)");

    private static final Set<String> FLAGS = Set.of("activation", "kind", "degree", "target", "width", "depth", "lr",
            "samples", "steps", "seed", "model-out");

    private TrainCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Flags f = new Flags("train", args, FLAGS, Set.of("help"));
        if (f.flag("help")) {
            out.println(HELP);
            return 0;
        }
        ModelSpec model = new ModelSpec(
                f.name("activation", Activation::parse, Activation.allowed()),
                f.name("kind", LayerKind::parse, LayerKind.allowed()),
                f.integer("width", 10, 1, ModelSpec.MAX_WIDTH),
                f.integer("depth", 1, 1, ModelSpec.MAX_DEPTH));
        if (f.has("degree") == f.has("target")) {
            throw new UsageException("train: give exactly one of --degree N (N in 0.." + Target.MAX_DEGREE
                    + ") and --target T (" + Target.ALLOWED + ")");
        }
        Target target;
        try {
            target = f.has("degree") ? Target.power(f.integer("degree", 0, 0, Target.MAX_DEGREE))
                    : Target.parse(f.string("target", null));
        } catch (IllegalArgumentException e) {
            throw new UsageException("train: --target: " + e.getMessage());
        }
        RunSpec spec = new RunSpec(model, target, f.positiveNumber("lr", 0.01),
                f.integer("samples", 1000, 1, RunSpec.MAX_SAMPLES), f.integer("steps", 3000, 1, RunSpec.MAX_STEPS),
                f.longValue("seed", 0));
        Path modelOut = f.has("model-out") ? OutputPaths.file("train", "--model-out", f.string("model-out", null)) : null;
        MemoryCheck.requireFits("train", spec);
        TrainingResult r = Trainer.train(spec);
        out.printf(Locale.ROOT, "%s: final MSE %s, %d parameters, %.2f us/step%s%n", spec.id(),
                r.diverged() ? "NaN (diverged at step " + r.divergedAt() + ")"
                        : String.format(Locale.ROOT, "%.6e", r.finalMse()),
                r.parameterCount(), r.secondsPerStep() * 1e6, modelOut == null ? "" : "; model saved to " + modelOut);
        if (modelOut != null) {
            ModelFile.save(modelOut, spec, r.parameters(), r.finalMse());
        }
        return 0;
    }
}
