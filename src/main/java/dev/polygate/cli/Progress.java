package dev.polygate.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A progress line on stderr at most once a second: done/total, elapsed, estimated time left. */
final class Progress {
    private final PrintStream err;
    private final String label;
    private final int total;
    private final String unit;
    private final long start = System.nanoTime();
    private long lastPrint;
    private int done;

    /** @param err where to print, or null for silence */
    Progress(PrintStream err, String label, int total, String unit) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.lastPrint = start;
    }

    synchronized void update(int finished) {
        done = Math.max(done, finished);
        long now = System.nanoTime();
        if (err != null && now - lastPrint >= 1_000_000_000L && done < total) {
            lastPrint = now;
            print(now);
        }
    }

    /** The closing line; none when there was nothing to do (a resumed store that holds every run). */
    synchronized void finish() {
        if (err != null && total > 0) {
            print(System.nanoTime());
        }
    }

    private void print(long now) {
        double elapsed = (now - start) * 1e-9;
        double left = done == 0 ? Double.NaN : elapsed * (total - done) / done;
        err.printf(Locale.ROOT, "%s: %d/%d %s (%d%%), %.1f s elapsed%s%n", label, done, total, unit, 100L * done / total,
                elapsed,
                done < total && done > 0 ? String.format(Locale.ROOT, ", ~%.0f s left", left) : "");
    }
}
