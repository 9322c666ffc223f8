package dev.polygate.cli;

import dev.polygate.experiment.Design;
import dev.polygate.experiment.store.LocalEngine;
import dev.polygate.experiment.store.RunEngine;
import dev.polygate.experiment.store.RunRecord;
import dev.polygate.experiment.store.RunStore;
import dev.polygate.experiment.store.Shard;
import dev.polygate.experiment.store.StoreDesign;
import dev.polygate.experiment.store.StoreException;
import dev.polygate.experiment.store.StoreReader;
import dev.polygate.experiment.store.StoredRuns;
import dev.polygate.model.RunSpec;
import dev.polygate.train.RunTrainer;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every sweeping command (sweep, equivalence, scaling) does between its flags and its report:
 * check --out and create it before any work; open the run store there ({@code <command>-runs.jsonl}),
 * resuming it unless --fresh; train the runs of the grid (or of its --shard) that it does not hold
 * yet, on the --engine, appending each record as its run finishes, with a progress line; then read
 * the store back for the report, which every path (uninterrupted, resumed, sharded and merged,
 * Spark) renders from the same records. Bad flags, a store of another design, or a run the heap
 * cannot hold fail before the first run. A run that throws is recorded as failed; the reports are
 * written all the same and the command exits 3 naming it.
 */
final class GridRunner {
    /** Exit code of a sweeping command whose reports were written but some of whose runs failed. */
    static final int SOME_RUNS_FAILED = 3;

    /**
     * A finished grid: its stored runs (all of the store, not only those trained now), where they
     * are, how many were trained now, on what and in how long.
     */
    record Finished(String command, StoredRuns stored, Path dir, int trainedNow, String engine, double wallSeconds,
                    Shard shard) {
        /** Whether the report can be written: no shard, and every run of the grid stored. */
        boolean reportable() {
            return shard == null && stored.complete();
        }

        List<TrainingResult> failed() {
            return stored.records().stream().map(RunRecord::result).filter(TrainingResult::failed).toList();
        }

        /**
         * The closing line on out (runs, diverged, failed, trained now, time, the files written);
         * with failed runs also one line on err naming them, and exit code {@link #SOME_RUNS_FAILED}.
         * A shard, or a store still lacking runs, says what to do next instead of naming reports.
         */
        int report(PrintStream out, PrintStream err, String... files) {
            List<TrainingResult> failed = failed();
            long diverged = stored.records().stream().filter(r -> r.result().diverged()).count();
            String store = dir.resolve(RunStore.fileName(command)).toString();
            String head = String.format(Locale.ROOT, "%s: %d runs stored (%d diverged, %d failed; %d trained now in %.1f s on %s)",
                    command, stored.records().size(), diverged, failed.size(), trainedNow, wallSeconds, engine);
            if (shard != null) {
                out.println(head + "; shard " + shard + " done in " + store + "; when every shard is done: polygate merge "
                        + "STORE... --out DIR, then polygate report --runs DIR");
            } else {
                out.println(head + "; wrote " + String.join(", ", files) + " and " + RunStore.fileName(command) + " in "
                        + dir);
            }
            if (failed.isEmpty()) {
                return 0;
            }
            err.println(command + ": " + failed.size() + " of " + stored.records().size() + " runs failed (the reports list "
                    + "them; run the command again to retry them): " + failed.stream().map(r -> r.spec().id() + " ("
                    + r.failure() + ")").collect(Collectors.joining("; ")));
            return SOME_RUNS_FAILED;
        }
    }

    private GridRunner() {
    }

    /**
     * Trains what the store lacks, then writes the report from the store (not for a shard, which
     * says how to merge); returns the exit code.
     *
     * @param detail what each run is, for the first progress line (e.g. "runs of 40000 steps")
     */
    static int runAndReport(String command, GridRunOptions options, Design design, String detail, Streams io,
                            RunTrainer trainer) throws IOException {
        Finished finished = run(command, options, design, detail, io.err(), trainer);
        if (!finished.reportable()) {
            return finished.report(io.out(), io.err());
        }
        List<String> files = ReportFiles.write(finished.stored(), finished.dir());
        return finished.report(io.out(), io.err(), files.toArray(String[]::new));
    }

    /** As above, training each run with {@code trainer} (tests make runs fail through it). */
    static Finished run(String command, GridRunOptions options, Design design, String detail, PrintStream err,
                        RunTrainer trainer) throws IOException {
        int threads = options.threadCount();
        Path dir = OutputPaths.directory(command, "--out", options.out.dir);
        List<RunSpec> all = design.runs();
        MemoryCheck.requireFits(command, all);
        RunEngine engine = engine(command, options, threads, trainer);
        // Created before the first run: a path the checks above could not rule out (/proc/x) must
        // fail now, not after the whole grid has trained.
        OutputPaths.create(command, "--out", dir);
        StoreDesign storeDesign = StoreDesign.of(design, options.fullCurves);
        Path file = dir.resolve(RunStore.fileName(command));
        boolean quiet = options.quiet;
        long start = System.nanoTime();
        int trainedNow;
        String trainedOn;
        try (RunStore store = RunStore.open(file, storeDesign, engine.expectedNumerics(), options.fresh,
                note -> err.println(command + ": " + note))) {
            List<RunSpec> share = options.shard == null ? all : options.shard.select(all);
            Map<String, RunRecord> stored = store.stored();
            List<RunSpec> pending = new ArrayList<>();
            for (RunSpec run : share) {
                if (!stored.containsKey(run.id())) {
                    pending.add(run);
                }
            }
            trainedOn = engine.describe(pending);
            if (!quiet) {
                int have = share.size() - pending.size();
                err.println(command + ": " + share.size() + " " + detail
                        + (options.shard == null ? "" : " (shard " + options.shard + " of " + all.size() + ")")
                        + (have == 0 ? "" : ", " + have + " already in " + file + ", " + pending.size() + " to train")
                        + " on " + trainedOn + " -> " + dir);
            }
            Progress progress = new Progress(quiet ? null : err, command, pending.size(), "runs");
            int[] done = {0};
            engine.run(pending, storeDesign, record -> {
                try {
                    store.append(record);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                progress.update(++done[0]);
            });
            progress.finish();
            trainedNow = done[0];
        } catch (StoreException e) {
            throw new UsageException(command + ": " + e.getMessage());
        }
        StoredRuns runs = readBack(command, file, storeDesign, engine, err);
        return new Finished(command, runs, dir, trainedNow, trainedOn, (System.nanoTime() - start) * 1e-9,
                options.shard);
    }

    private static RunEngine engine(String command, GridRunOptions options, int threads, RunTrainer trainer) {
        if (options.engine == GridRunOptions.Engine.LOCAL) {
            if (options.sparkMaster != null) {
                throw new UsageException(command + ": --spark-master applies only to --engine spark");
            }
            return new LocalEngine(threads, options.threadsPerRun, trainer);
        }
        return SparkEngines.create(command, options.sparkMaster, options.sparkThreadsPerRun());
    }

    /** The store as just written, for the report. */
    private static StoredRuns readBack(String command, Path file, StoreDesign design, RunEngine engine, PrintStream err)
            throws IOException {
        try {
            List<StoredRuns> all = StoreReader.read(List.of(file), note -> err.println(command + ": " + note));
            return all.isEmpty() ? StoredRuns.empty(design, engine.expectedNumerics(), file) : all.get(0);
        } catch (StoreException e) {
            throw new UsageException(command + ": " + e.getMessage());
        }
    }
}
