package dev.polygate.report.runs;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.input.JsonInput;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polygate.experiment.Environment;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads an accuracy.json (what {@link AccuracyJsonWriter} writes) back into a {@link SweepResult}, so
 * later reports can use a sweep without re-running it: the one reader of run records. Nulls the
 * writer puts for non-finite numbers come back as NaN; the final parameters are not in the file
 * and come back empty. Files of earlier versions are read too: targets as "degree"/"degrees" (xⁿ
 * only) and sizings as "widths" (equal width), from before other targets and sizings existed.
 * Every problem is one {@link InvalidInputException} line naming the file and the place.
 */
public final class AccuracyJsonReader {
    private AccuracyJsonReader() {
    }

    // The file's shape, as AccuracyJsonWriter writes it; boxed types so that a missing field is null.
    record FileNode(EnvironmentNode environment, SweepNode sweep, List<RunNode> runs) {
    }

    record EnvironmentNode(String polygateVersion, String javaVersion, String javaVmName, String javaVendor,
                           String os, String cpu, Integer cores, Integer vectorBits) {
    }

    record SweepNode(Integer threads, Double wallSeconds, GridNode grid) {
    }

    // degrees and widths: the names of targets and sizings in files written before those existed.
    record GridNode(List<String> activations, List<String> kinds, List<String> targets, List<Integer> degrees,
                    List<String> sizings, List<Integer> widths, List<Integer> depths, List<Double> lrs, Integer samples, Integer steps, Integer seeds,
                    Long firstSeed) {
    }

    record RunNode(String activation, String kind, Integer width, Integer depth, String target, Integer degree, Double lr,
                   Integer samples, Integer steps, Long seed, Integer parameterCount, Double finalMse,
                   Boolean diverged, Integer divergedAt, Double wallSeconds, List<Float> curve, String failure) {
    }

    /**
     * The sweep in the file, runs in file order; an {@link InvalidInputException} naming the file
     * and the field otherwise, also when two runs have the same {@link RunSpec} (a run's identity:
     * reports match runs across files by it).
     */
    public static SweepResult read(Path file) {
        JsonNode root = JsonInput.tree(file);
        if (!root.isObject()) {
            throw new InvalidInputException(file + " is not a polygate accuracy.json (the top level is "
                    + JsonInput.describe(root) + ", expected an object with \"sweep\" and \"runs\")");
        }
        if (!root.path("runs").isArray()) {
            throw new InvalidInputException(file + " is not a polygate accuracy.json (no \"runs\" array)");
        }
        FileNode node = JsonInput.bind(file, "", root, FileNode.class);
        Environment environment = environment(file, JsonInput.required(file, "environment", node.environment()));
        SweepNode sweep = JsonInput.required(file, "sweep", node.sweep());
        Grid grid = grid(file, JsonInput.required(file, "sweep.grid", sweep.grid()));
        List<RunNode> runNodes = JsonInput.required(file, "runs", node.runs());
        List<TrainingResult> runs = new ArrayList<>();
        Map<RunSpec, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < runNodes.size(); i++) {
            TrainingResult run = run(file, "runs[" + i + "]", JsonInput.required(file, "runs[" + i + "]", runNodes.get(i)));
            Integer first = firstIndex.putIfAbsent(run.spec(), i);
            if (first != null) {
                throw new InvalidInputException(file + ": runs[" + i + "] repeats runs[" + first + "] (" + run.spec().id() + ")");
            }
            runs.add(run);
        }
        return new SweepResult(grid, runs, environment, JsonInput.required(file, "sweep.threads", sweep.threads()),
                orNaN(sweep.wallSeconds()));
    }

    /** Fields below one place of the file, e.g. "sweep.grid.": a missing one is named with its place. */
    private record Place(Path file, String prefix) {
        <T> T required(String field, T value) {
            return JsonInput.required(file, prefix + field, value);
        }
    }

    private static Environment environment(Path file, EnvironmentNode e) {
        Place at = new Place(file, "environment.");
        return new Environment(at.required("polygateVersion", e.polygateVersion()),
                at.required("javaVersion", e.javaVersion()), at.required("javaVmName", e.javaVmName()),
                at.required("javaVendor", e.javaVendor()), at.required("os", e.os()), at.required("cpu", e.cpu()),
                at.required("cores", e.cores()), at.required("vectorBits", e.vectorBits()));
    }

    private static Grid grid(Path file, GridNode g) {
        String where = "sweep.grid.";
        Place at = new Place(file, where);
        try {
            return new Grid(
                    names(file, where + "activations", g.activations(), Activation::parse),
                    names(file, where + "kinds", g.kinds(), LayerKind::parse),
                    g.targets() == null && g.degrees() != null
                            ? g.degrees().stream().map(Target::power).toList()
                            : names(file, where + "targets", g.targets(), Target::parse),
                    g.sizings() == null && g.widths() != null
                            ? g.widths().stream().map(Sizing::equalWidth).toList()
                            : names(file, where + "sizings", g.sizings(), Sizing::parse),
                    at.required("depths", g.depths()), at.required("lrs", g.lrs()),
                    at.required("samples", g.samples()), at.required("steps", g.steps()),
                    at.required("seeds", g.seeds()), at.required("firstSeed", g.firstSeed()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // List.copyOf rejects null entries; Grid rejects a bad seed count.
            throw new InvalidInputException(file + ": sweep.grid: " + (e.getMessage() == null
                    ? "a list holds null" : e.getMessage()));
        }
    }

    private static <T> List<T> names(Path file, String where, List<String> names, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String name : JsonInput.required(file, where, names)) {
            try {
                out.add(parse.apply(JsonInput.required(file, where + " entry", name)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(file + ": " + where + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static TrainingResult run(Path file, String at, RunNode r) {
        RunSpec spec;
        try {
            ModelSpec model = new ModelSpec(
                    Activation.parse(JsonInput.required(file, at + ".activation", r.activation())),
                    LayerKind.parse(JsonInput.required(file, at + ".kind", r.kind())),
                    JsonInput.required(file, at + ".width", r.width()),
                    JsonInput.required(file, at + ".depth", r.depth()));
            Target target = r.target() == null && r.degree() != null ? Target.power(r.degree())
                    : Target.parse(JsonInput.required(file, at + ".target", r.target()));
            spec = new RunSpec(model, target,
                    JsonInput.required(file, at + ".lr", r.lr()),
                    JsonInput.required(file, at + ".samples", r.samples()),
                    JsonInput.required(file, at + ".steps", r.steps()),
                    JsonInput.required(file, at + ".seed", r.seed()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": " + at + ": " + e.getMessage());
        }
        List<Float> curveNode = JsonInput.required(file, at + ".curve", r.curve());
        float[] curve = new float[curveNode.size()];
        for (int t = 0; t < curve.length; t++) {
            Float loss = curveNode.get(t);
            curve[t] = loss == null ? Float.NaN : loss;
        }
        boolean diverged = JsonInput.required(file, at + ".diverged", r.diverged());
        return new TrainingResult(spec, JsonInput.required(file, at + ".parameterCount", r.parameterCount()),
                orNaN(r.finalMse()), curve, diverged, r.divergedAt() == null ? -1 : r.divergedAt(),
                orNaN(r.wallSeconds()), new float[0], r.failure());   // failure: absent in files before it existed
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
