package dev.polygate.cli;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sweep;
import dev.polygate.experiment.SweepResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every sweeping command (sweep, equivalence, scaling) does between its flags and its report:
 * check --out before any work, run the grid in parallel over --threads with a progress line, then
 * create --out. Bad --threads or --out, or a run the heap cannot hold, fails before the first run.
 */
final class GridRunner {
    /** A finished grid, where its report goes, and how many threads ran it. */
    record Finished(SweepResult result, Path dir, int threads) {
        long diverged() {
            return result.runs().stream().filter(r -> r.diverged()).count();
        }
    }

    private GridRunner() {
    }

    /** @param detail what each run is, for the first progress line (e.g. "runs of 40000 steps") */
    static Finished run(String command, Flags f, Grid grid, String detail, PrintStream err) throws IOException {
        int threads = f.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 256);
        Path dir = OutputPaths.directory(command, "--out", f.string("out", "reports"));
        int total = grid.runs().size();
        MemoryCheck.requireFits(command, grid);
        boolean quiet = f.flag("quiet");
        if (!quiet) {
            err.println(command + ": " + total + " " + detail + " on " + threads + " threads -> " + dir);
        }
        Progress progress = new Progress(quiet ? null : err, command, total, "runs");
        SweepResult result = Sweep.run(grid, threads, progress::update);
        progress.finish();
        OutputPaths.create(command, "--out", dir);
        return new Finished(result, dir, threads);
    }
}
