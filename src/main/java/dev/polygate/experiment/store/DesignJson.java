package dev.polygate.experiment.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygate.experiment.Design;
import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.QueirugaDesign;
import dev.polygate.experiment.ScalingDesign;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import dev.polygate.text.FloatText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link Design} as the JSON object every run record carries under "design", and back; and the
 * design's id, which a store uses to tell its own runs from another design's.
 *
 * <p>Fields, by command: sweep — activations, kinds, targets (e.g. "x^3", "poly:1,0,2", "sin"),
 * sizings (e.g. "w10", "params~gated-w10"), depths, lrs, samples, steps, seeds, firstSeed, and,
 * only when the grid's setup is not {@link TrainingSetup#DEFAULT} (so the study's designs keep
 * their ids), inputs, testSamples, precision, optimizer, schedule, init (text forms; a field
 * absent reads as the default's);
 * equivalence — gates, degrees, width, depth, lr, samples, steps, seeds, firstSeed; scaling —
 * activations, kinds, degrees, widths, depth, lr, samples, steps, checkFactor, seeds, firstSeed;
 * scaling under the Queiruga protocol — protocol ("queiruga"), kinds, widths, lmWidths, lmSteps,
 * adamWidths, adamSteps, adamLr, seeds, firstSeed.
 * Names are the command-line values.
 */
public final class DesignJson {
    static final ObjectMapper MAPPER = FloatText.jsonMapper().build();

    private DesignJson() {
    }

    /** The design's fields, in a fixed order (the id hashes this text). */
    public static ObjectNode of(Design design) {
        ObjectNode o = MAPPER.createObjectNode();
        if (design instanceof Grid g) {
            texts(o, "activations", g.activations(), Activation::cliName);
            texts(o, "kinds", g.kinds(), LayerKind::cliName);
            texts(o, "targets", g.targets(), Target::text);
            texts(o, "sizings", g.sizings(), Sizing::text);
            ints(o, "depths", g.depths());
            ArrayNode lrs = o.putArray("lrs");
            g.lrs().forEach(lrs::add);
            o.put("samples", g.samples());
            o.put("steps", g.steps());
            o.put("seeds", g.seeds());
            o.put("firstSeed", g.firstSeed());
            if (!g.setup().isDefault()) {
                writeSetup(o, g.setup());
            }
        } else if (design instanceof EquivalenceDesign e) {
            texts(o, "gates", e.gates(), Activation::cliName);
            ints(o, "degrees", e.degrees());
            o.put("width", e.width());
            o.put("depth", e.depth());
            o.put("lr", e.lr());
            o.put("samples", e.samples());
            o.put("steps", e.steps());
            o.put("seeds", e.seeds());
            o.put("firstSeed", e.firstSeed());
        } else if (design instanceof QueirugaDesign q) {
            o.put("protocol", "queiruga");
            texts(o, "kinds", q.kinds(), LayerKind::cliName);
            ints(o, "widths", q.widths());
            ints(o, "lmWidths", q.lmWidths());
            o.put("lmSteps", q.lmSteps());
            ints(o, "adamWidths", q.adamWidths());
            o.put("adamSteps", q.adamSteps());
            o.put("adamLr", q.adamLr());
            o.put("seeds", q.seeds());
            o.put("firstSeed", q.firstSeed());
        } else if (design instanceof ScalingDesign s) {
            texts(o, "activations", s.activations(), Activation::cliName);
            texts(o, "kinds", s.kinds(), LayerKind::cliName);
            ints(o, "degrees", s.degrees());
            ints(o, "widths", s.widths());
            o.put("depth", s.depth());
            o.put("lr", s.lr());
            o.put("samples", s.samples());
            o.put("steps", s.steps());
            o.put("checkFactor", s.checkFactor());
            o.put("seeds", s.seeds());
            o.put("firstSeed", s.firstSeed());
        }
        return o;
    }

    /**
     * The design of {@code command} described by {@code json}.
     *
     * @throws IllegalArgumentException naming the field that is missing or out of range
     */
    public static Design parse(String command, JsonNode json) {
        JsonFields f = new JsonFields(json, "design.");
        return switch (command) {
            case "sweep" -> new Grid(f.texts("activations", Activation::parse), f.texts("kinds", LayerKind::parse),
                    f.texts("targets", Target::parse), f.texts("sizings", Sizing::parse), f.ints("depths"),
                    f.doubles("lrs"), f.integer("samples"), f.integer("steps"), f.integer("seeds"),
                    f.longInteger("firstSeed"), readSetup(f));
            case "equivalence" -> new EquivalenceDesign(f.texts("gates", Activation::parse), f.ints("degrees"),
                    f.integer("width"), f.integer("depth"), f.real("lr"), f.integer("samples"),
                    f.integer("steps"), f.integer("seeds"), f.longInteger("firstSeed"));
            case "scaling" -> json.has("protocol") ? queiruga(f) : new ScalingDesign(f.texts("activations", Activation::parse),
                    f.texts("kinds", LayerKind::parse), f.ints("degrees"), f.ints("widths"), f.integer("depth"),
                    f.real("lr"), f.integer("samples"), f.integer("steps"), f.integer("checkFactor"),
                    f.integer("seeds"), f.longInteger("firstSeed"));
            default -> throw new IllegalArgumentException("unknown command '" + command
                    + "' (allowed: sweep, equivalence, scaling)");
        };
    }

    private static QueirugaDesign queiruga(JsonFields f) {
        if (!"queiruga".equals(f.text("protocol"))) {
            throw new IllegalArgumentException("design.protocol is '" + f.text("protocol") + "' (allowed: queiruga)");
        }
        return new QueirugaDesign(f.texts("kinds", LayerKind::parse), f.ints("widths"), f.ints("lmWidths"),
                f.integer("lmSteps"), f.ints("adamWidths"), f.integer("adamSteps"), f.real("adamLr"), f.integer("seeds"),
                f.longInteger("firstSeed"));
    }

    /** A setup's parts as text fields of {@code o}: inputs, testSamples, precision, optimizer, schedule, init. */
    static void writeSetup(ObjectNode o, TrainingSetup s) {
        o.put("inputs", s.inputs().text());
        o.put("testSamples", s.testSamples());
        o.put("precision", s.precision().text());
        o.put("optimizer", s.optimizer().text());
        o.put("schedule", s.schedule().text());
        o.put("init", s.init().text());
    }

    /** The setup {@link #writeSetup} wrote; each field absent (older records and designs) reads as the default's. */
    static TrainingSetup readSetup(JsonFields f) {
        TrainingSetup d = TrainingSetup.DEFAULT;
        try {
            return new TrainingSetup(f.textOr("inputs", TrainingSetup.Inputs::parse, d.inputs()),
                    f.has("testSamples") ? f.integer("testSamples") : d.testSamples(),
                    f.textOr("precision", TrainingSetup.Precision::parse, d.precision()),
                    f.textOr("optimizer", TrainingSetup.Optimizer::parse, d.optimizer()),
                    f.textOr("schedule", TrainingSetup.Schedule::parse, d.schedule()),
                    f.textOr("init", TrainingSetup.Init::parse, d.init()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(f.prefix() + "setup: " + e.getMessage(), e);
        }
    }

    /** 16 hex digits of SHA-256 over "command:" and the design's JSON text: equal designs, equal ids. */
    public static String id(Design design) {
        String text = design.command() + ":" + of(design);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The fields in which two designs' JSON differ, e.g. "seeds 4 here, 8 there"; for messages. */
    public static String differences(ObjectNode here, ObjectNode there) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> names = here.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // As text: a parsed 0 is an IntNode where the built one is a LongNode, the same value.
            if (!String.valueOf(here.get(name)).equals(String.valueOf(there.get(name)))) {
                out.add(name + " " + here.get(name) + " here, " + (there.has(name) ? there.get(name) : "absent") + " there");
            }
        }
        for (Iterator<String> names = there.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!here.has(name)) {
                out.add(name + " absent here, " + there.get(name) + " there");
            }
        }
        return String.join("; ", out);
    }

    private static <T> void texts(ObjectNode o, String name, List<T> values, Function<T, String> text) {
        ArrayNode a = o.putArray(name);
        values.forEach(v -> a.add(text.apply(v)));
    }

    private static void ints(ObjectNode o, String name, List<Integer> values) {
        ArrayNode a = o.putArray(name);
        values.forEach(a::add);
    }
}
