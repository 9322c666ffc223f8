package dev.polygate.experiment.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygate.experiment.Environment;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A {@link RunRecord} as one line of JSON (JSON Lines: pandas reads a store with
 * {@code pd.read_json(path, lines=True)}), and back. The fields, documented for users in
 * docs/run-records.md:
 *
 * <pre>
 * format        "polygate-run/1"
 * runId         16 hex digits: SHA-256 of numerics and the run spec (RunRecord.idOf)
 * numerics      e.g. "1/float32x16": numerics version, precision, float lanes
 * command       sweep | equivalence | scaling
 * designId      16 hex digits identifying the design (DesignJson.id)
 * design        the design's fields (DesignJson)
 * activation, kind, width, depth, target, lr, samples, steps, seed    the run spec
 * inputs, testSamples, precision, optimizer, schedule, init    its setup (text forms; absent in
 *               older records: the default setup)
 * parameterCount, flopsPerStep
 * status        finished | diverged | failed
 * finalMse      training MSE after the last step (null unless finished)
 * testMse, testRmse    MSE and its square root on the held-out test set (null without one, or
 *               unless finished; absent in older records: NaN)
 * divergedAt    first step with a non-finite loss (null unless diverged)
 * failure       the exception of a failed run (null otherwise)
 * wallSeconds, secondsPerStep    time the run took
 * curve         {length, block, sha256, points, low, high} (LossCurve; low/high absent for block 1)
 * environment   {polygateVersion, commit, javaVersion, javaVmName, javaVendor, os, cpu, cores, vectorBits, useAvx}
 * </pre>
 *
 * Non-finite numbers are written as null (JSON has no NaN), and read back as NaN.
 */
public final class RunRecordJson {
    public static final String FORMAT = "polygate-run/1";

    private RunRecordJson() {
    }

    /** A parsed line: the record and the design JSON it carries. */
    public record Parsed(RunRecord record, ObjectNode design) {
    }

    /** The record as one line of JSON, without the line break. */
    public static String line(RunRecord record, ObjectNode design) {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator g = DesignJson.MAPPER.createGenerator(text)) {
            TrainingResult r = record.result();
            RunSpec spec = r.spec();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("runId", record.runId());
            g.writeStringField("numerics", record.numerics());
            g.writeStringField("command", record.command());
            g.writeStringField("designId", record.designId());
            g.writeFieldName("design");
            g.writeTree(design);
            writeSpec(g, spec);
            g.writeNumberField("parameterCount", r.parameterCount());
            g.writeNumberField("flopsPerStep", record.flopsPerStep());
            g.writeStringField("status", record.status());
            number(g, "finalMse", r.finalMse());
            number(g, "testMse", r.testMse());
            number(g, "testRmse", Math.sqrt(r.testMse()));
            g.writeFieldName("divergedAt");
            if (r.diverged()) {
                g.writeNumber(r.divergedAt());
            } else {
                g.writeNull();
            }
            g.writeStringField("failure", r.failure());
            number(g, "wallSeconds", r.wallSeconds());
            number(g, "secondsPerStep", r.secondsPerStep());
            writeCurve(g, r.curve());
            writeEnvironment(g, record.environment());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    /** The run spec's fields, at the current level of {@code g}. */
    static void writeSpec(JsonGenerator g, RunSpec spec) throws IOException {
        g.writeStringField("activation", spec.model().activation().cliName());
        g.writeStringField("kind", spec.model().kind().cliName());
        g.writeNumberField("width", spec.model().width());
        g.writeNumberField("depth", spec.model().depth());
        g.writeStringField("target", spec.target().text());
        g.writeNumberField("lr", spec.lr());
        g.writeNumberField("samples", spec.samples());
        g.writeNumberField("steps", spec.steps());
        g.writeNumberField("seed", spec.seed());
        TrainingSetup s = spec.setup();
        g.writeStringField("inputs", s.inputs().text());
        g.writeNumberField("testSamples", s.testSamples());
        g.writeStringField("precision", s.precision().text());
        g.writeStringField("optimizer", s.optimizer().text());
        g.writeStringField("schedule", s.schedule().text());
        g.writeStringField("init", s.init().text());
    }

    /** The run spec in the fields of {@code node}, as {@link #writeSpec} wrote them; without setup fields, the default setup. */
    static RunSpec readSpec(JsonNode node) {
        JsonFields f = new JsonFields(node, "");
        return new RunSpec(new ModelSpec(Activation.parse(f.text("activation")), LayerKind.parse(f.text("kind")),
                f.integer("width"), f.integer("depth")), Target.parse(f.text("target")), f.real("lr"),
                f.integer("samples"), f.integer("steps"), f.longInteger("seed"), DesignJson.readSetup(f));
    }

    private static void writeCurve(JsonGenerator g, LossCurve c) throws IOException {
        g.writeObjectFieldStart("curve");
        g.writeNumberField("length", c.length());
        g.writeNumberField("block", c.block());
        g.writeStringField("sha256", c.sha256());
        g.writeArrayFieldStart("points");
        for (int j = 0; j < c.pointCount(); j++) {
            floatOrNull(g, c.point(j));
        }
        g.writeEndArray();
        if (!c.isFull()) {
            g.writeArrayFieldStart("low");
            for (int j = 0; j < c.blockCount(); j++) {
                floatOrNull(g, c.blockLow(j));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("high");
            for (int j = 0; j < c.blockCount(); j++) {
                floatOrNull(g, c.blockHigh(j));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeEnvironment(JsonGenerator g, Environment e) throws IOException {
        g.writeObjectFieldStart("environment");
        g.writeStringField("polygateVersion", e.polygateVersion());
        g.writeStringField("commit", e.commit());
        g.writeStringField("javaVersion", e.javaVersion());
        g.writeStringField("javaVmName", e.javaVmName());
        g.writeStringField("javaVendor", e.javaVendor());
        g.writeStringField("os", e.os());
        g.writeStringField("cpu", e.cpu());
        g.writeNumberField("cores", e.cores());
        g.writeNumberField("vectorBits", e.vectorBits());
        g.writeNumberField("useAvx", e.useAvx());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    private static void floatOrNull(JsonGenerator g, float v) throws IOException {
        if (Float.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /**
     * One line back into a record.
     *
     * @throws IllegalArgumentException naming what is wrong (not JSON, another format, a field missing or out of range)
     */
    public static Parsed parse(String line) {
        JsonNode root;
        try {
            root = DesignJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonFields f = new JsonFields(root, "");
        String format = f.text("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format is '" + format + "', expected '" + FORMAT + "'");
        }
        RunSpec spec = readSpec(root);
        String status = f.text("status");
        if (!status.equals("finished") && !status.equals("diverged") && !status.equals("failed")) {
            throw new IllegalArgumentException("status is '" + status + "' (allowed: finished, diverged, failed)");
        }
        boolean diverged = status.equals("diverged");
        String failure = status.equals("failed") ? f.text("failure") : null;
        TrainingResult result = new TrainingResult(spec, f.integer("parameterCount"), f.realOrNaN("finalMse"),
                curve(new JsonFields(f.object("curve"), "curve.")), diverged, diverged ? f.integer("divergedAt") : -1,
                f.realOrNaN("wallSeconds"), new float[0], failure, f.has("testMse") ? f.realOrNaN("testMse") : Double.NaN);
        JsonFields env = new JsonFields(f.object("environment"), "environment.");
        Environment environment = new Environment(env.text("polygateVersion"), env.text("commit"),
                env.text("javaVersion"), env.text("javaVmName"), env.text("javaVendor"), env.text("os"), env.text("cpu"),
                env.integer("cores"), env.integer("vectorBits"), env.integer("useAvx"));
        String runId = f.text("runId");
        String numerics = f.text("numerics");
        if (!runId.equals(RunRecord.idOf(spec, numerics))) {
            throw new IllegalArgumentException("runId " + runId + " is not the id of its spec and numerics ("
                    + RunRecord.idOf(spec, numerics) + ")");
        }
        RunRecord record = new RunRecord(runId, numerics, f.text("command"), f.text("designId"), result,
                f.longInteger("flopsPerStep"), environment);
        return new Parsed(record, f.object("design"));
    }

    private static LossCurve curve(JsonFields c) {
        int block = c.integer("block");
        float[] points = c.floats("points");
        boolean full = block == 1;
        return LossCurve.thinned(c.integer("length"), block, points,
                full ? new float[Math.max(0, points.length - 1)] : c.floats("low"),
                full ? new float[Math.max(0, points.length - 1)] : c.floats("high"), c.text("sha256"));
    }
}
