package dev.polygate.experiment.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polygate.experiment.Design;
import dev.polygate.experiment.Environment;
import dev.polygate.experiment.Sweep;
import dev.polygate.model.RunSpec;
import dev.polygate.train.Trainer;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One run as a self-contained text task for a cluster executor, and its execution there: the task
 * is a JSON object with the design (command, JSON, curve block), the run spec and the threads the
 * run trains on (absent: 1; results do not depend on it); the result is
 * the run's record as the line a store holds ({@link RunRecordJson}), with the executor's environment.
 * Text both ways keeps the executor's side free of serialised polygate classes.
 */
public final class RunTask {
    private RunTask() {
    }

    /** The task text of {@code spec} in {@code design}, trained on {@code threadsPerRun} threads (≥ 1). */
    public static String of(RunSpec spec, StoreDesign design, int threadsPerRun) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator g = DesignJson.MAPPER.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("command", design.command());
            g.writeNumberField("block", design.curveBlock());
            if (threadsPerRun != 1) {
                g.writeNumberField("threadsPerRun", threadsPerRun);
            }
            g.writeFieldName("design");
            g.writeTree(design.json());
            g.writeObjectFieldStart("spec");
            RunRecordJson.writeSpec(g, spec);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    /**
     * Trains the task's run here and returns its record line. A run that throws is a failed record,
     * as in a local sweep; a task text this class did not write is an IllegalArgumentException.
     */
    public static String run(String task) {
        JsonNode root;
        try {
            root = DesignJson.MAPPER.readTree(task);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a polygate run task: " + e.getOriginalMessage());
        }
        Design design = DesignJson.parse(root.path("command").asText(), root.path("design"));
        StoreDesign stored = new StoreDesign(design, DesignJson.of(design), DesignJson.id(design),
                root.path("block").asInt(1));
        RunSpec spec = RunRecordJson.readSpec(root.path("spec"));
        int threads = root.path("threadsPerRun").asInt(1);
        if (threads < 1) {
            throw new IllegalArgumentException("not a polygate run task: threadsPerRun " + threads + " is below 1");
        }
        TrainingResult result = Sweep.trainOrRecordFailure(run -> Trainer.train(run, threads), spec);
        return RunRecordJson.line(RunRecord.of(stored, result, Environment.current()), stored.json());
    }
}
