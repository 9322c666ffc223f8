package dev.polygate.report.format;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.SweepResult;
import dev.polygate.train.TrainingResult;

/**
 * The end of every sweep report's introduction, written once: how many runs there were and how
 * many diverged or failed, how long the sweep took on how many threads, and where it ran.
 */
public final class SweepProvenance {
    private SweepProvenance() {
    }

    /**
     * "384 runs, of which 0 diverged. The sweep took 12.3 s of wall time on 2 threads. Environment: …";
     * failed runs, when there are any, are counted too ("… 0 diverged and 2 failed (listed below).").
     */
    public static String text(SweepResult result) {
        long diverged = result.runs().stream().filter(TrainingResult::diverged).count();
        long failed = result.runs().stream().filter(TrainingResult::failed).count();
        return result.runs().size() + " runs, of which " + diverged + " diverged"
                + (failed == 0 ? "" : " and " + failed + " failed (listed below)") + ". The sweep took "
                + NumberText.seconds(result.wallSeconds()) + " of wall time on " + result.threads()
                + (result.threads() == 1 ? " thread" : " threads") + ". " + environment(result.environment());
    }

    /** "Environment: Java 17.0.9 (OpenJDK 64-Bit Server VM 17.0.9, Eclipse Adoptium), Linux …; polygate 0.1." */
    public static String environment(Environment env) {
        return "Environment: Java " + env.javaVersion() + " (" + env.javaVmName() + ", " + env.javaVendor() + "), "
                + env.os() + ", " + env.cpu() + ", " + env.cores() + " cores, " + env.vectorBits()
                + "-bit vectors; polygate " + env.polygateVersion() + ".";
    }
}
