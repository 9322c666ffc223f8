package dev.polygate.cli;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.MemoryBudget;
import dev.polygate.experiment.Sweep;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.RunSpec;
import dev.polygate.train.Trainer;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every sweeping command (sweep, equivalence, scaling) does between its flags and its report:
 * check --out and create it before any work, then run the grid in parallel over --threads with a
 * progress line. Bad --threads or --out, or a run the heap cannot hold, fails before the first run.
 * A run that throws is recorded as failed; the reports are written all the same and the command
 * exits 3 naming it.
 */
final class GridRunner {
    /** Exit code of a sweeping command whose reports were written but some of whose runs failed. */
    static final int SOME_RUNS_FAILED = 3;

    /** A finished grid, where its report goes, and how many threads ran it. */
    record Finished(String command, SweepResult result, Path dir, int threads) {
        long diverged() {
            return result.runs().stream().filter(TrainingResult::diverged).count();
        }

        List<TrainingResult> failed() {
            return result.runs().stream().filter(TrainingResult::failed).toList();
        }

        /**
         * The closing line on out (runs, diverged, failed, time, the files written); with failed
         * runs also one line on err naming them, and exit code {@link #SOME_RUNS_FAILED}.
         */
        int report(PrintStream out, PrintStream err, String... files) {
            List<TrainingResult> failed = failed();
            out.println(String.format(Locale.ROOT, "%s: %d runs (%d diverged, %d failed) in %.1f s on %d threads; wrote %s in %s",
                    command, result.runs().size(), diverged(), failed.size(), result.wallSeconds(), threads,
                    String.join(", ", files), dir));
            if (failed.isEmpty()) {
                return 0;
            }
            err.println(command + ": " + failed.size() + " of " + result.runs().size() + " runs failed (the reports list them): "
                    + failed.stream().map(r -> r.spec().id() + " (" + r.failure() + ")").collect(Collectors.joining("; ")));
            return SOME_RUNS_FAILED;
        }
    }

    private GridRunner() {
    }

    /** @param detail what each run is, for the first progress line (e.g. "runs of 40000 steps") */
    static Finished run(String command, GridRunOptions options, Grid grid, String detail, PrintStream err)
            throws IOException {
        return run(command, options, grid, detail, err, Trainer::train);
    }

    /** As above, training each run with {@code trainer} (tests make runs fail through it). */
    static Finished run(String command, GridRunOptions options, Grid grid, String detail, PrintStream err,
                        Function<RunSpec, TrainingResult> trainer) throws IOException {
        int threads = options.threadCount();
        Path dir = OutputPaths.directory(command, "--out", options.out.dir);
        int total = grid.runs().size();
        MemoryCheck.requireFits(command, grid);
        // Created before the first run: a path the checks above could not rule out (/proc/x) must
        // fail now, not after the whole grid has trained. Nothing else can fail before the reports.
        OutputPaths.create(command, "--out", dir);
        boolean quiet = options.quiet;
        if (!quiet) {
            err.println(command + ": " + total + " " + detail + " on " + threads + " threads -> " + dir);
        }
        Progress progress = new Progress(quiet ? null : err, command, total, "runs");
        SweepResult result = Sweep.run(grid, threads, MemoryBudget.ofHeap(grid), progress::update, trainer);
        progress.finish();
        return new Finished(command, result, dir, threads);
    }
}
