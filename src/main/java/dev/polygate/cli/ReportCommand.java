package dev.polygate.cli;

import dev.polygate.experiment.store.RunStore;
import dev.polygate.experiment.store.StoreException;
import dev.polygate.experiment.store.StoreReader;
import dev.polygate.experiment.store.StoredRuns;
import dev.polygate.model.RunSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygate report}: render the accuracy, equivalence or scaling report from run stores, training nothing. */
@Command(name = "report", customSynopsis = "polygate report --runs STORE_OR_DIR [--runs STORE_OR_DIR ...] [--out DIR]",
        header = "render the accuracy, equivalence or scaling report from run stores, with no training",
        description = {
            "Reads run stores (<command>-runs.jsonl, written by polygate sweep, equivalence and scaling, or by "
                    + "polygate merge) and writes the report of whichever design their runs belong to: accuracy.md, "
                    + ".csv and loss-curves.png for a sweep; equivalence.md, .png and .csv; scaling.md, .csv and .png. "
                    + "Stores of one design (e.g. the shards of one sweep) are combined; two records of one run with "
                    + "different results are refused. Every run of the design must be stored (a store that lacks "
                    + "runs names how many and how to finish it). The sweeping commands render through the same "
                    + "code, so the report equals theirs in every number.",
            ""})
final class ReportCommand extends StreamsCommand {
    @Mixin
    HelpOption help;

    @Option(names = "--runs", paramLabel = "STORE_OR_DIR", required = true,
            description = "a run store file, or a directory holding <command>-runs.jsonl files; repeat for several")
    List<Path> runs;

    @Mixin
    OutDirOption out;

    ReportCommand(Streams io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        Path dir = OutputPaths.directory("report", "--out", out.dir);
        List<StoredRuns> designs = read("report", runs, io);
        Set<String> commands = new HashSet<>();
        for (StoredRuns s : designs) {
            if (!commands.add(s.design().command())) {
                throw new UsageException("report: the stores hold runs of two " + s.design().command() + " designs ("
                        + designs.stream().map(d -> d.design().command() + " " + d.design().id() + " in "
                        + d.files()).collect(Collectors.joining(", ")) + "); their reports would overwrite each "
                        + "other: name the stores of one design");
            }
            requireComplete("report", s);
        }
        OutputPaths.create("report", "--out", dir);
        for (StoredRuns s : designs) {
            List<String> files = ReportFiles.write(s, dir);
            long failed = s.records().stream().filter(r -> r.result().failed()).count();
            io.out().println("report: " + s.design().command() + ", " + s.records().size() + " runs from "
                    + s.files().size() + (s.files().size() == 1 ? " store" : " stores") + (failed == 0 ? "" : " ("
                    + failed + " failed, listed in the report)") + "; wrote " + String.join(", ", files) + " in " + dir);
        }
        return 0;
    }

    /** Every design the paths hold; a damaged or conflicting store is a UsageException naming it. */
    static List<StoredRuns> read(String command, List<Path> paths, Streams io) throws IOException {
        List<StoredRuns> designs;
        try {
            designs = StoreReader.read(paths, note -> io.err().println(command + ": " + note));
        } catch (StoreException e) {
            throw new UsageException(command + ": " + e.getMessage());
        }
        if (designs.isEmpty()) {
            throw new UsageException(command + ": the stores hold no runs");
        }
        return designs;
    }

    /** A report needs every run of its design. */
    static void requireComplete(String command, StoredRuns s) {
        if (s.complete()) {
            return;
        }
        List<RunSpec> missing = s.missing();
        int total = s.design().design().runs().size();
        throw new UsageException(command + ": " + s.files() + " lack " + missing.size() + " of the " + total
                + " runs of their " + s.design().command() + " design (e.g. " + missing.get(0).id() + "): finish them by "
                + "running the same polygate " + s.design().command() + " command on the store's --out (it resumes), "
                + "or merge the other shards' stores (" + RunStore.fileName(s.design().command()) + ") first");
    }
}
