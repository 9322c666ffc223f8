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
                : "the training-loss curve at steps 0, " + block + ", " + 2 * block + ", … and the last, with each block's lowest and "
                        + "highest loss so spikes stay visible (`--full-curves` keeps every step)";
        return "- `" + storeFile + "`: the run store, one JSON line per run (" + result.runs().size() + "): settings, "
                + "seed, run id, status, parameter count, FLOPs per step, final MSE (null unless finished), "
                + "divergence step, timings, environment and " + curves + "; " + points + " curve points in all. "
                + "Fields: docs/run-records.md; pandas reads it with `pd.read_json(\"" + storeFile
                + "\", lines=True)`; `polygate report --runs` re-renders this report from it.\n";
    }
}
