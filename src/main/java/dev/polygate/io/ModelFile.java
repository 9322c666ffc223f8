package dev.polygate.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.text.FloatText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A trained model as JSON: the architecture, how it was trained, and the flat parameter buffer in
 * {@link dev.polygate.model.ParameterLayout} order.
 *
 * <pre>
 * {"format": "polygate-model", "version": 1,
 *  "model": {"activation": "relu", "kind": "gated", "width": 10, "depth": 1},
 *  "training": {"degree": 2, "lr": 0.01, "samples": 1000, "steps": 3000, "seed": 0, "finalMse": 1.2e-4},
 *  "parameters": [ ... ]}
 * </pre>
 */
public final class ModelFile {
    public static final String FORMAT = "polygate-model";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = FloatText.jsonMapper().build();

    /** A loaded model: its architecture, its parameters, and the training run if recorded. */
    public record SavedModel(ModelSpec spec, float[] parameters, RunSpec training, Double finalMse) {
    }

    private ModelFile() {
    }

    public static void save(Path path, RunSpec training, float[] parameters, double finalMse) throws IOException {
        ModelSpec m = training.model();
        AtomicFiles.write(path, out -> {
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeNumberField("version", VERSION);
                g.writeObjectFieldStart("model");
                g.writeStringField("activation", m.activation().cliName());
                g.writeStringField("kind", m.kind().cliName());
                g.writeNumberField("width", m.width());
                g.writeNumberField("depth", m.depth());
                g.writeEndObject();
                g.writeObjectFieldStart("training");
                g.writeStringField("target", training.target().text());
                g.writeNumberField("lr", training.lr());
                g.writeNumberField("samples", training.samples());
                g.writeNumberField("steps", training.steps());
                g.writeNumberField("seed", training.seed());
                if (Double.isFinite(finalMse)) {
                    g.writeNumberField("finalMse", finalMse);
                } else {
                    g.writeNullField("finalMse");
                }
                g.writeEndObject();
                g.writeArrayFieldStart("parameters");
                for (float v : parameters) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    /** Loads and checks a model file; any problem is an IllegalArgumentException naming it. */
    public static SavedModel load(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("model file " + path + " does not exist");
        }
        // A directory, or a file that cannot be read: bad input, named as such (not an I/O error).
        catch (IOException e) {
            throw new IllegalArgumentException("model file " + path + " cannot be read"
                    + (Files.isDirectory(path) ? ": it is a directory" : "") + " (need a model file saved by polygate train)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model file " + path + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("model file " + path + " must hold a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText()) || root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("model file " + path + " is not a " + FORMAT + " version "
                    + VERSION + " file (\"format\"/\"version\" fields)");
        }
        JsonNode m = root.path("model");
        ModelSpec spec;
        try {
            spec = new ModelSpec(Activation.parse(text(m, "activation")), LayerKind.parse(text(m, "kind")),
                    integer(m, "width"), integer(m, "depth"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file " + path + ": " + e.getMessage());
        }
        JsonNode ps = root.path("parameters");
        int expected = spec.layout().size();
        if (!ps.isArray() || ps.size() != expected) {
            throw new IllegalArgumentException("model file " + path + ": \"parameters\" must be an array of "
                    + expected + " numbers for " + spec.id() + ", got "
                    + (ps.isArray() ? ps.size() + " entries" : ps.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        float[] params = new float[expected];
        for (int i = 0; i < expected; i++) {
            JsonNode v = ps.get(i);
            if (!v.isNumber() || !Float.isFinite(v.floatValue())) {
                throw new IllegalArgumentException("model file " + path + ": parameters[" + i + "] is not a finite number");
            }
            params[i] = v.floatValue();
        }
        RunSpec training = null;
        Double finalMse = null;
        JsonNode t = root.path("training");
        if (t.isObject()) {
            try {
                // Files written before other targets existed name only the degree of x^n.
                Target target = t.has("target") ? Target.parse(t.path("target").asText())
                        : Target.power(t.path("degree").asInt());
                training = new RunSpec(spec, target, t.path("lr").asDouble(), t.path("samples").asInt(),
                        t.path("steps").asInt(), t.path("seed").asLong());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model file " + path + ": \"training\": " + e.getMessage());
            }
            finalMse = t.path("finalMse").isNumber() ? t.path("finalMse").asDouble() : null;
        }
        return new SavedModel(spec, params, training, finalMse);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"model\"." + field + " must be a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isInt()) {
            throw new IllegalArgumentException("\"model\"." + field + " must be an integer");
        }
        return v.asInt();
    }
}
