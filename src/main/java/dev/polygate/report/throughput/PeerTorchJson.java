package dev.polygate.report.throughput;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polygate.model.ParameterMatch;
import dev.polygate.model.Shape;
import dev.polygate.report.blas.OpenBlasCore;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.input.JsonInput;
import dev.polygate.report.jmh.VectorSetting;
import dev.polygate.report.throughput.PeerTorchReport.Blas;
import dev.polygate.report.throughput.PeerTorchReport.Case;
import dev.polygate.report.throughput.PeerTorchReport.Estimate;
import dev.polygate.report.throughput.PeerTorchReport.PolygateSide;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a peer-torch.json (written by report.peer's PeerJson through {@code polygate peer-report};
 * that package builds on this one, so this one cannot call it), strictly: every field the
 * throughput report uses must be there with its type, times and ratios positive with the median
 * inside its interval, a case may appear once, and a verdict must be what its ratio and target
 * give (met where the ratio reaches the target), or the file is not as peer-report writes it.
 * Torch's BLAS fields are optional, the OpenBLAS core among them (older files lack it). Each problem is one {@link InvalidInputException} line naming
 * the option, the file and the field, e.g. {@code --peer F: cases[2].torchNanosPerStep.low is
 * "x", expected a positive number}.
 */
final class PeerTorchJson {
    /** What --peer takes, for messages about a file that is not it. */
    static final String WHAT = "the peer-torch.json written by polygate peer-report, which bin/compare-torch runs";

    private PeerTorchJson() {
    }

    static PeerTorchReport read(Path file) {
        JsonNode root;
        try {
            root = JsonInput.tree(file);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--peer " + e.getMessage());   // "F does not exist", "F is not valid JSON (…)"
        }
        if (!root.isObject() || !root.has("polygateSide") || !root.has("torchSide") || !root.has("cases")) {
            throw new InvalidInputException("--peer " + file + " is not a peer report (" + (root.isObject()
                    ? "no polygateSide, torchSide and cases" : JsonInput.describe(root) + ", not an object")
                    + "): --peer takes " + WHAT);
        }
        JsonNode p = object(file, root, "polygateSide");
        PolygateSide polygate = new PolygateSide(text(file, p, "polygateSide.jdkVersion"),
                new VectorSetting(positiveInt(file, p, "polygateSide.lanes"), text(file, p, "polygateSide.useAvx"), false),
                positiveInt(file, p, "polygateSide.threads"));
        JsonNode t = object(file, root, "torchSide");
        Optional<Blas> blas = Optional.empty();
        if (t.hasNonNull("blasInfo")) {
            blas = Optional.of(new Blas(text(file, t, "torchSide.blasInfo"), t.hasNonNull("blasLibraries")
                    ? strings(file, t, "torchSide.blasLibraries") : List.of(), openblas(file, t)));
        }
        JsonNode cases = root.get("cases");
        if (!cases.isArray() || cases.isEmpty()) {
            throw bad(file, "cases is " + JsonInput.describe(cases) + (cases.isArray() ? " without entries" : "")
                    + ", expected a non-empty array");
        }
        List<Case> read = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = peerCase(file, "cases[" + i + "]", cases.get(i));
            if (!seen.add(c.label())) {
                throw bad(file, "cases[" + i + "] repeats the case " + c.label());
            }
            read.add(c);
        }
        return new PeerTorchReport(file, polygate, text(file, t, "torchSide.torchVersion"),
                positiveInt(file, t, "torchSide.threads"), blas, read);
    }

    /**
     * torchSide's OpenBLAS core with OPENBLAS_CORETYPE and its configuration line, where the file
     * names a core (its instruction set comes from {@link OpenBlasCore}'s table, not the file).
     */
    private static Optional<OpenBlasCore> openblas(Path file, JsonNode t) {
        if (!t.hasNonNull("openblasCore")) {
            return Optional.empty();
        }
        String core = text(file, t, "torchSide.openblasCore");
        if (core.isBlank()) {
            throw bad(file, "torchSide.openblasCore is blank, expected OpenBLAS's core name (e.g. Haswell) or null");
        }
        return Optional.of(new OpenBlasCore(core, optionalText(file, t, "torchSide.openblasConfig"),
                optionalText(file, t, "torchSide.openblasCoretype")));
    }

    /** A string field that may be missing or null (empty). */
    private static Optional<String> optionalText(Path file, JsonNode parent, String where) {
        return parent.hasNonNull(where.substring(where.lastIndexOf('.') + 1)) ? Optional.of(text(file, parent, where))
                : Optional.empty();
    }

    private static Case peerCase(Path file, String where, JsonNode c) {
        if (!c.isObject()) {
            throw bad(file, where + " is " + JsonInput.describe(c) + ", not an object");
        }
        String activation = text(file, c, where + ".activation");
        String kind = text(file, c, where + ".kind");
        String shapeText = text(file, c, where + ".shape");
        Shape shape;
        try {
            shape = Shape.parse(shapeText);
            ParameterMatch.spec(activation, kind, shape.width(), shape.depth());   // a model polygate knows
        } catch (IllegalArgumentException e) {
            throw bad(file, where + ": " + e.getMessage());
        }
        Estimate polygate = estimate(file, c, where + ".polygateNanosPerStep", "median");
        Estimate torch = estimate(file, c, where + ".torchNanosPerStep", "median");
        Estimate ratio = estimate(file, c, where + ".torchOverPolygate", "ratio");
        JsonNode target = field(file, c, where + ".target");
        JsonNode met = field(file, c, where + ".targetMet");
        if (target.isNull() != met.isNull()) {
            throw bad(file, where + ": target is " + target + " but targetMet " + met + " (both null where a case has "
                    + "no target)");
        }
        if (target.isNull()) {
            return new Case(activation, kind, shape, polygate, torch, ratio, OptionalDouble.empty(), false);
        }
        double factor = positive(file, target, where + ".target");
        if (!met.isBoolean()) {
            throw bad(file, where + ".targetMet is " + JsonInput.describe(met) + ", expected true, false or null");
        }
        // peer-report's rule: met where the ratio's estimate reaches the target.
        if (met.booleanValue() != (ratio.value() >= factor)) {
            throw bad(file, where + ".targetMet is " + met.booleanValue() + " but its ratio "
                    + NumberText.ratio(ratio.value()) + " against its target "
                    + NumberText.ratio(factor) + " gives " + !met.booleanValue()
                    + " (peer-report decides on the ratio's estimate)");
        }
        return new Case(activation, kind, shape, polygate, torch, ratio, OptionalDouble.of(factor), met.booleanValue());
    }

    /** {@code {<value>, low, high}}, positive and finite, low ≤ value ≤ high. */
    private static Estimate estimate(Path file, JsonNode parent, String where, String valueName) {
        JsonNode o = object(file, parent, where);
        double value = positive(file, field(file, o, where + "." + valueName), where + "." + valueName);
        double low = positive(file, field(file, o, where + ".low"), where + ".low");
        double high = positive(file, field(file, o, where + ".high"), where + ".high");
        if (!(low <= value && value <= high)) {
            throw bad(file, where + ": " + valueName + " outside [low, high]");
        }
        return new Estimate(value, low, high);
    }

    /** The field named by the last step of {@code where}; an error naming {@code where} if it is missing. */
    private static JsonNode field(Path file, JsonNode parent, String where) {
        JsonNode v = parent.get(where.substring(where.lastIndexOf('.') + 1));
        if (v == null) {
            throw bad(file, where + " is missing");
        }
        return v;
    }

    private static JsonNode object(Path file, JsonNode parent, String where) {
        JsonNode v = field(file, parent, where);
        if (!v.isObject()) {
            throw bad(file, where + " is " + JsonInput.describe(v) + ", expected an object");
        }
        return v;
    }

    private static String text(Path file, JsonNode parent, String where) {
        JsonNode v = field(file, parent, where);
        if (!v.isTextual()) {
            throw bad(file, where + " is " + JsonInput.describe(v) + ", expected a string");
        }
        return v.asText();
    }

    private static int positiveInt(Path file, JsonNode parent, String where) {
        JsonNode v = field(file, parent, where);
        if (!v.isInt() || v.intValue() < 1) {
            throw bad(file, where + " is " + v + ", expected a positive integer");
        }
        return v.intValue();
    }

    private static double positive(Path file, JsonNode v, String where) {
        if (!v.isNumber() || !(v.doubleValue() > 0) || !Double.isFinite(v.doubleValue())) {
            throw bad(file, where + " is " + v + ", expected a positive number");
        }
        return v.doubleValue();
    }

    private static List<String> strings(Path file, JsonNode parent, String where) {
        return JsonInput.strings(field(file, parent, where), where, what -> bad(file, what));
    }

    private static InvalidInputException bad(Path file, String what) {
        return new InvalidInputException("--peer " + file + ": " + what + " (--peer takes " + WHAT + ")");
    }
}
