package dev.polygate.report.peer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polygate.report.blas.OpenBlasCore;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.input.JsonInput;
import dev.polygate.report.stats.Stats;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what bin/lib/torch_step.py writes, strictly: every field it writes must be there with its
 * type, each case's parameter count must equal polygate's for that model (so both sides time the
 * same model), and no case may appear twice. Each problem is an {@link InvalidInputException} of
 * one line naming the file and the field, e.g. {@code torch result file F: cases[2].nanosPerStep[0]
 * is "x", not a positive finite number}.
 *
 * <p>Two formats: {@value #FORMAT} records the OpenBLAS the process had mapped (openblasCore,
 * openblasConfig, openblasCoretype: each a string, or null where no OpenBLAS was mapped or
 * OPENBLAS_CORETYPE was unset); {@value #FORMAT_1}, written before, did not look, and is read as
 * "not recorded". The tag changed with the fields so that a reader of /1 refuses the new files
 * rather than leave a forced OpenBLAS core out of its report.
 */
public final class TorchRunJson {
    /** The format tag the script writes; another one is refused rather than misread. */
    static final String FORMAT = "polygate-torch-step/2";
    /** The format before the OpenBLAS fields, still read. */
    static final String FORMAT_1 = "polygate-torch-step/1";

    private TorchRunJson() {
    }

    public static TorchRun read(Path file) {
        JsonNode root = JsonInput.tree(file);
        if (!root.isObject()) {
            throw bad(file, "is " + JsonInput.describe(root) + ", not the object torch_step.py writes");
        }
        String format = text(file, root, "format", "format");
        if (!format.equals(FORMAT) && !format.equals(FORMAT_1)) {
            throw bad(file, "format is '" + format + "', expected '" + FORMAT + "' or the older '" + FORMAT_1
                    + "' (written by bin/lib/torch_step.py)");
        }
        JsonNode cases = field(file, root, "cases", "cases");
        if (!cases.isArray() || cases.isEmpty()) {
            throw bad(file, "cases is " + JsonInput.describe(cases) + (cases.isArray() ? " without entries" : "")
                    + ", expected a non-empty array");
        }
        Map<PeerCase, Double> medians = new LinkedHashMap<>();
        int threads = positiveInt(file, root, "torchThreads", "torchThreads");
        for (int i = 0; i < cases.size(); i++) {
            String where = "cases[" + i + "]";
            JsonNode c = cases.get(i);
            if (!c.isObject()) {
                throw bad(file, where + " is " + JsonInput.describe(c) + ", not an object");
            }
            PeerCase key = peerCase(file, where, c);
            int caseThreads = positiveInt(file, c, "threads", where + ".threads");
            if (caseThreads != threads) {
                throw bad(file, where + ".threads is " + caseThreads + " but torchThreads is " + threads);
            }
            int parameters = positiveInt(file, c, "parameters", where + ".parameters");
            if (parameters != key.polygateParameters()) {
                throw bad(file, where + " (" + key.label() + ") has " + parameters + " parameters, polygate's model "
                        + key.polygateParameters() + ": not the same model");
            }
            if (medians.put(key, Stats.median(nanos(file, c, where + ".nanosPerStep"))) != null) {
                throw bad(file, where + " repeats the case " + key.label());
            }
        }
        boolean recorded = format.equals(FORMAT);
        return new TorchRun(file, text(file, root, "torchVersion", "torchVersion"),
                text(file, root, "torchConfig", "torchConfig"), threads, bool(file, root, "mkldnn"),
                strings(file, root, "blasLibraries"), text(file, root, "pythonVersion", "pythonVersion"),
                text(file, root, "cpu", "cpu"), text(file, root, "optimizer", "optimizer"), recorded,
                recorded ? openblas(file, root) : Optional.empty(), medians);
    }

    /**
     * The OpenBLAS fields of a {@value #FORMAT} file: empty where openblasCore is null (no OpenBLAS
     * mapped; the other two must be null then). A coretype other than the core is refused: the
     * script exits rather than write it, since OpenBLAS ran other kernels than were asked for.
     */
    private static Optional<OpenBlasCore> openblas(Path file, JsonNode root) {
        Optional<String> core = nullableText(file, root, "openblasCore");
        Optional<String> config = nullableText(file, root, "openblasConfig");
        Optional<String> coretype = nullableText(file, root, "openblasCoretype");
        if (core.isEmpty()) {
            if (config.isPresent() || coretype.isPresent()) {
                throw bad(file, "openblasCore is null (no OpenBLAS mapped) but openblasConfig or openblasCoretype is not");
            }
            return Optional.empty();
        }
        if (core.get().isBlank()) {
            throw bad(file, "openblasCore is blank, expected OpenBLAS's core name (e.g. Haswell) or null");
        }
        if (coretype.isPresent() && !coretype.get().toLowerCase(Locale.ROOT).equals(core.get().toLowerCase(Locale.ROOT))) {
            throw bad(file, "openblasCoretype is '" + coretype.get() + "' but openblasCore '" + core.get() + "': OpenBLAS "
                    + "did not run the kernels asked for (bin/lib/torch_step.py refuses such a run)");
        }
        return Optional.of(new OpenBlasCore(core.get(), config, coretype));
    }

    private static PeerCase peerCase(Path file, String where, JsonNode c) {
        String activation = text(file, c, "activation", where + ".activation");
        String kind = text(file, c, "kind", where + ".kind");
        String shape = text(file, c, "shape", where + ".shape");
        try {
            return PeerCase.parse(activation, kind, shape);
        } catch (IllegalArgumentException e) {
            throw bad(file, where + ": " + e.getMessage());
        }
    }

    private static double[] nanos(Path file, JsonNode c, String where) {
        JsonNode array = field(file, c, "nanosPerStep", where);
        if (!array.isArray() || array.isEmpty()) {
            throw bad(file, where + " is " + JsonInput.describe(array) + (array.isArray() ? " without entries" : "")
                    + ", expected a non-empty array of numbers");
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isNumber() || !(v.doubleValue() > 0) || !Double.isFinite(v.doubleValue())) {
                throw bad(file, where + "[" + i + "] is " + v + ", not a positive finite number");
            }
            values[i] = v.doubleValue();
        }
        return values;
    }

    private static JsonNode field(Path file, JsonNode parent, String name, String where) {
        JsonNode v = parent.get(name);
        if (v == null) {
            throw bad(file, where + " is missing");
        }
        return v;
    }

    private static String text(Path file, JsonNode parent, String name, String where) {
        JsonNode v = field(file, parent, name, where);
        if (!v.isTextual()) {
            throw bad(file, where + " is " + JsonInput.describe(v) + ", expected a string");
        }
        return v.asText();
    }

    /** A field that must be there: a string, or null (empty). */
    private static Optional<String> nullableText(Path file, JsonNode parent, String name) {
        JsonNode v = field(file, parent, name, name);
        if (v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw bad(file, name + " is " + JsonInput.describe(v) + ", expected a string or null");
        }
        return Optional.of(v.asText());
    }

    private static int positiveInt(Path file, JsonNode parent, String name, String where) {
        JsonNode v = field(file, parent, name, where);
        if (!v.isInt() || v.intValue() < 1) {
            throw bad(file, where + " is " + v + ", expected a positive integer");
        }
        return v.intValue();
    }

    private static boolean bool(Path file, JsonNode parent, String name) {
        JsonNode v = field(file, parent, name, name);
        if (!v.isBoolean()) {
            throw bad(file, name + " is " + JsonInput.describe(v) + ", expected true or false");
        }
        return v.booleanValue();
    }

    private static List<String> strings(Path file, JsonNode parent, String name) {
        return JsonInput.strings(field(file, parent, name, name), name, what -> bad(file, what));
    }

    private static InvalidInputException bad(Path file, String what) {
        return new InvalidInputException("torch result file " + file + ": " + what);
    }
}
