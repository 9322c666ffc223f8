package dev.polygate.report.runs;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.SweepResult;
import dev.polygate.experiment.store.RunStore;
import dev.polygate.experiment.store.StoreException;
import dev.polygate.experiment.store.StoreReader;
import dev.polygate.experiment.store.StoredRuns;
import dev.polygate.report.input.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the runs of one {@code polygate sweep} back from its store, for reports built on a sweep. */
public final class SweepStores {
    private SweepStores() {
    }

    /**
     * The sweep stored at {@code path}: a {@code sweep-runs.jsonl} file, or a directory holding one.
     *
     * @throws InvalidInputException naming the path, if it holds no sweep store, another experiment's,
     *         a damaged one, two sweeps, or a sweep that still lacks runs (a report on part of the
     *         grid would silently be another report)
     */
    public static SweepResult read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(RunStore.fileName("sweep")) : path;
        List<StoredRuns> stores;
        try {
            stores = StoreReader.read(List.of(file), note -> { });
        } catch (StoreException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stores.size() != 1 || !(stores.get(0).design().design() instanceof Grid)) {
            throw new InvalidInputException(file + " is not the run store of one polygate sweep"
                    + (stores.isEmpty() ? " (it holds no runs)" : " (it holds " + stores.get(0).design().command()
                    + " runs)"));
        }
        StoredRuns sweep = stores.get(0);
        if (!sweep.complete()) {
            throw new InvalidInputException(file + " lacks " + sweep.missing().size() + " of the "
                    + sweep.design().design().runs().size() + " runs of its sweep (e.g. "
                    + sweep.missing().get(0).id() + "): finish it by running the same polygate sweep on its --out "
                    + "(it resumes), or merge the other shards' stores first");
        }
        return sweep.toSweepResult();
    }
}
