package dev.polygate.report.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygate.experiment.Environment;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.SweepResult;
import dev.polygate.text.FloatText;
import dev.polygate.kernel.FlopCount;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * Writes accuracy.json: the whole sweep, every run with its full loss curve; {@link
 * AccuracyJsonReader} reads it back. Written with the streaming generator so a large sweep never
 * needs a second in-memory copy of its curves. Non-finite numbers (a diverged run's final MSE, a
 * curve's NaN) are written as null.
 */
public final class AccuracyJsonWriter {
    /* AUTO_CLOSE_TARGET off: the caller owns the stream. */
    private static final ObjectMapper MAPPER = FloatText.jsonMapper()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private AccuracyJsonWriter() {
    }

    /** Writes {@code result} to {@code out} as UTF-8 JSON; the caller closes {@code out}. */
    public static void write(SweepResult result, OutputStream out) throws IOException {
        try (JsonGenerator gen = MAPPER.createGenerator(out)) {
            // Default pretty printer: objects one field a line, arrays (the curves) on one line.
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            gen.writeStringField("polygate", result.environment().polygateVersion());
            writeEnvironment(gen, result.environment());
            writeSweep(gen, result);
            gen.writeArrayFieldStart("runs");
            for (TrainingResult run : result.runs()) {
                writeRun(gen, run);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    private static void writeEnvironment(JsonGenerator gen, Environment env) throws IOException {
        gen.writeObjectFieldStart("environment");
        gen.writeStringField("polygateVersion", env.polygateVersion());
        gen.writeStringField("javaVersion", env.javaVersion());
        gen.writeStringField("javaVmName", env.javaVmName());
        gen.writeStringField("javaVendor", env.javaVendor());
        gen.writeStringField("os", env.os());
        gen.writeStringField("cpu", env.cpu());
        gen.writeNumberField("cores", env.cores());
        gen.writeNumberField("vectorBits", env.vectorBits());
        gen.writeEndObject();
    }

    private static void writeSweep(JsonGenerator gen, SweepResult result) throws IOException {
        Grid grid = result.grid();
        gen.writeObjectFieldStart("sweep");
        gen.writeNumberField("threads", result.threads());
        numberOrNullField(gen, "wallSeconds", result.wallSeconds());
        gen.writeObjectFieldStart("grid");
        writeTextArray(gen, "activations", grid.activations(), Activation::cliName);
        writeTextArray(gen, "kinds", grid.kinds(), LayerKind::cliName);
        writeTextArray(gen, "targets", grid.targets(), Target::text);
        writeTextArray(gen, "sizings", grid.sizings(), Sizing::text);
        writeIntArray(gen, "depths", grid.depths());
        gen.writeArrayFieldStart("lrs");
        for (double lr : grid.lrs()) {
            gen.writeNumber(lr);
        }
        gen.writeEndArray();
        gen.writeNumberField("samples", grid.samples());
        gen.writeNumberField("steps", grid.steps());
        gen.writeNumberField("seeds", grid.seeds());
        gen.writeNumberField("firstSeed", grid.firstSeed());
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static <T> void writeTextArray(JsonGenerator gen, String name, List<T> values, Function<T, String> text)
            throws IOException {
        gen.writeArrayFieldStart(name);
        for (T value : values) {
            gen.writeString(text.apply(value));
        }
        gen.writeEndArray();
    }

    private static void writeIntArray(JsonGenerator gen, String name, Iterable<Integer> values) throws IOException {
        gen.writeArrayFieldStart(name);
        for (int value : values) {
            gen.writeNumber(value);
        }
        gen.writeEndArray();
    }

    private static void writeRun(JsonGenerator gen, TrainingResult run) throws IOException {
        RunSpec spec = run.spec();
        gen.writeStartObject();
        gen.writeStringField("activation", spec.model().activation().cliName());
        gen.writeStringField("kind", spec.model().kind().cliName());
        gen.writeNumberField("width", spec.model().width());
        gen.writeNumberField("depth", spec.model().depth());
        gen.writeStringField("target", spec.target().text());
        gen.writeNumberField("lr", spec.lr());
        gen.writeNumberField("samples", spec.samples());
        gen.writeNumberField("steps", spec.steps());
        gen.writeNumberField("seed", spec.seed());
        gen.writeNumberField("parameterCount", run.parameterCount());
        gen.writeNumberField("flopsPerStep", FlopCount.trainingStep(spec.model(), spec.samples()));
        numberOrNullField(gen, "finalMse", run.finalMse());
        gen.writeBooleanField("diverged", run.diverged());
        gen.writeFieldName("divergedAt");
        if (run.diverged()) {
            gen.writeNumber(run.divergedAt());
        } else {
            gen.writeNull();
        }
        gen.writeStringField("failure", run.failure());   // null unless the run threw
        numberOrNullField(gen, "wallSeconds", run.wallSeconds());
        numberOrNullField(gen, "secondsPerStep", run.secondsPerStep());
        gen.writeArrayFieldStart("curve");
        for (float loss : run.curve()) {
            if (Float.isFinite(loss)) {
                gen.writeNumber(loss);
            } else {
                gen.writeNull();
            }
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /** JSON has no NaN or Infinity: a non-finite number is written as null. */
    private static void numberOrNullField(JsonGenerator gen, String name, double value) throws IOException {
        gen.writeFieldName(name);
        if (Double.isFinite(value)) {
            gen.writeNumber(value);
        } else {
            gen.writeNull();
        }
    }
}
