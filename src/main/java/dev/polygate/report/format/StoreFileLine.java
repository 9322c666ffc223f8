package dev.polygate.report.format;

import dev.polygate.experiment.SweepResult;
import dev.polygate.train.TrainingResult;

/** The "Files" list entry every sweep report gives its run store, written once. */
public final class StoreFileLine {
    private StoreFileLine() {
    }

    /**
     * "- `sweep-runs.jsonl`: the run store, one JSON line per run …", naming how its curves are kept.
     *
     * @param storeFile the store's file name, e.g. sweep-runs.jsonl
     */
    public static String of(String storeFile, SweepResult result) {
        int block = result.runs().stream().mapToInt(r -> r.curve().block()).max().orElse(1);
        long points = result.runs().stream().map(TrainingResult::curve).mapToLong(c -> c.pointCount()).sum();
        String curves = block == 1 ? "the full training-loss curve"
                : "the training-loss curve at every " + ordinal(block) + " step and the last, with each block's lowest and "
                        + "highest loss so spikes stay visible (`--full-curves` keeps every step)";
        return "- `" + storeFile + "`: the run store, one JSON line per run (" + result.runs().size() + "): settings, "
                + "seed, run id, status, parameter count, FLOPs per step, final MSE (null unless finished), "
                + "divergence step, timings, environment and " + curves + "; " + points + " curve points in all. "
                + "Fields: docs/run-records.md; pandas reads it with `pd.read_json(\"" + storeFile
                + "\", lines=True)`; `polygate report --runs` re-renders this report from it.\n";
    }

    /** 2nd, 3rd, 25th, 101st: default blocks below 10 steps (e.g. 2 for 300 steps) are ordinals too. */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
