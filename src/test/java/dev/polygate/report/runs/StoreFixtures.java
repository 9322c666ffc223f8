package dev.polygate.report.runs;

import dev.polygate.experiment.Design;
import dev.polygate.experiment.Environment;
import dev.polygate.experiment.SweepResult;
import dev.polygate.experiment.store.DesignJson;
import dev.polygate.experiment.store.RunRecord;
import dev.polygate.experiment.store.RunRecordJson;
import dev.polygate.experiment.store.StoreDesign;
import dev.polygate.kernel.FlopCount;
import dev.polygate.model.RunSpec;
import dev.polygate.train.Numerics;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run stores written from hand-made results by the real writer ({@link RunRecordJson#line}), for
 * tests that need a store on disk (a sweep's {@code sweep-runs.jsonl} for throughput or
 * jdk-report). No training happens: every record is built from a {@link TrainingResult} the test
 * made, with the numerics of the environment's vector width ({@link #numerics}).
 */
public final class StoreFixtures {
    private StoreFixtures() {
    }

    /** The numerics of a JVM whose float vectors are {@code vectorBits} wide: "1/float32x16" for 512. */
    public static String numerics(int vectorBits) {
        return Numerics.VERSION + "/float32x" + vectorBits / Float.SIZE;
    }

    /** {@code design} as a store keeps it, its curves in blocks of {@code block} steps (1: full curves). */
    public static StoreDesign storeDesign(Design design, int block) {
        return new StoreDesign(design, DesignJson.of(design), DesignJson.id(design), block);
    }

    /** The record of {@code result} (curve as it is) in {@code design}, trained in {@code environment}. */
    public static RunRecord record(StoreDesign design, TrainingResult result, Environment environment) {
        RunSpec spec = result.spec();
        String numerics = numerics(environment.vectorBits());
        return new RunRecord(RunRecord.idOf(spec, numerics), numerics, design.command(), design.id(), result,
                FlopCount.trainingStep(spec.model(), spec.samples()), environment);
    }

    /**
     * Writes {@code runs} as the store of {@code design} to {@code file} (its directory created),
     * one line per run in the order given, every run trained in {@code environment}. With
     * {@code block} > 1 each (full) curve is thinned to blocks of that many steps first, as a sweep
     * stores it by default.
     *
     * @return {@code file}
     */
    public static Path write(Path file, Design design, List<TrainingResult> runs, Environment environment, int block)
            throws IOException {
        StoreDesign stored = storeDesign(design, block);
        StringBuilder lines = new StringBuilder();
        for (TrainingResult run : runs) {
            TrainingResult kept = block == 1 ? run : run.stored(block);
            // "\n" as RunStore ends its lines, whatever the platform's separator.
            lines.append(RunRecordJson.line(record(stored, kept, environment), stored.json())).append('\n');
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** A sweep's runs, full curves, as its store {@code file} (e.g. DIR/sweep-runs.jsonl), in its first environment. */
    public static Path writeSweep(Path file, SweepResult sweep) throws IOException {
        return write(file, sweep.grid(), sweep.runs(), sweep.environment(), 1);
    }
}
