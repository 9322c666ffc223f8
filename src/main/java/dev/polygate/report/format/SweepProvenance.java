package dev.polygate.report.format;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.SweepResult;
import dev.polygate.train.TrainingResult;
import java.util.List;

/**
 * The end of every sweep report's introduction, written once: how many runs there were and how
 * many diverged or failed, how long the sweep took on how many threads, and where it ran.
 */
public final class SweepProvenance {
    private SweepProvenance() {
    }

    /**
     * "384 runs, of which 0 diverged. Training took 12.3 s (the runs' own times summed). Environment: …";
     * failed runs, when there are any, are counted too ("… 0 diverged and 2 failed (listed below).").
     * Runs trained in several environments (a resumed sweep on another JDK, shards, a cluster) list each.
     */
    public static String text(SweepResult result) {
        long diverged = result.runs().stream().filter(TrainingResult::diverged).count();
        long failed = result.runs().stream().filter(TrainingResult::failed).count();
        StringBuilder out = new StringBuilder();
        out.append(result.runs().size()).append(" runs, of which ").append(diverged).append(" diverged")
                .append(failed == 0 ? "" : " and " + failed + " failed (listed below)").append(". Training took ")
                .append(NumberText.seconds(result.trainingSeconds()))
                .append(" (the runs' own times summed; the wall time depends on threads and machines). ");
        List<Environment> envs = result.environments();
        if (envs.size() <= 1) {
            out.append(environment(result.environment()));
        } else {
            out.append("The runs were trained in ").append(envs.size()).append(" environments: ");
            for (int i = 0; i < envs.size(); i++) {
                out.append(i == 0 ? "" : " ").append("(").append(i + 1).append(") ").append(environment(envs.get(i)));
            }
        }
        return out.toString();
    }

    /** "Environment: Java 17.0.9 (OpenJDK 64-Bit Server VM 17.0.9, Eclipse Adoptium), Linux …; polygate 0.1." */
    public static String environment(Environment env) {
        return "Environment: Java " + env.javaVersion() + " (" + env.javaVmName() + ", " + env.javaVendor() + "), "
                + env.os() + ", " + env.cpu() + ", " + env.cores() + " cores, " + env.vectorBits()
                + "-bit vectors" + (env.useAvx() >= 0 ? " (UseAVX=" + env.useAvx() + ")" : "") + "; polygate "
                + env.polygateVersion() + (env.commit().equals("unknown") ? "" : " at " + shortCommit(env.commit())) + ".";
    }

    /** The first 12 hex digits, and "-dirty" when the tree had uncommitted changes. */
    private static String shortCommit(String commit) {
        return commit.substring(0, Math.min(12, commit.length())) + (commit.endsWith("-dirty") ? "-dirty" : "");
    }
}
