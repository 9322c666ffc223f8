package dev.polygate.cli;

import dev.polygate.experiment.store.RunRecord;
import dev.polygate.experiment.store.RunRecordJson;
import dev.polygate.experiment.store.RunStore;
import dev.polygate.experiment.store.StoredRuns;
import dev.polygate.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code polygate merge}: combine run stores (the shards of a sweep) into one store per design. */
@Command(name = "merge", customSynopsis = "polygate merge STORE_OR_DIR... [--out DIR]",
        header = "combine run stores (e.g. the shards of one sweep) into one store per design",
        description = {
            "Reads run stores (<command>-runs.jsonl files, or directories holding them) and writes, per design, "
                    + "one store <command>-runs.jsonl in --out with every run once, in the grid's order. Two records "
                    + "of one run (same run id) must hold the same result bit for bit, or the merge is refused "
                    + "naming both; runs of one design computed at different numerics (e.g. 8 and 16 float lanes) "
                    + "are refused too. A store already in --out is replaced only if it is one of the inputs. "
                    + "Then: polygate report --runs DIR.",
            ""})
final class MergeCommand extends StreamsCommand {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "STORE_OR_DIR", arity = "1..*", description = "run stores or directories holding them")
    List<Path> inputs;

    @Mixin
    OutDirOption out;

    MergeCommand(Streams io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        Path dir = OutputPaths.directory("merge", "--out", out.dir);
        List<StoredRuns> designs = ReportCommand.read("merge", inputs, io);
        for (StoredRuns s : designs) {
            Path target = dir.resolve(RunStore.fileName(s.design().command()));
            if (Files.exists(target) && s.files().stream().noneMatch(f -> sameFile(f, target))) {
                throw new UsageException("merge: " + target + " exists and is not one of the inputs; add it to the "
                        + "inputs to merge into it, or choose another --out");
            }
        }
        OutputPaths.create("merge", "--out", dir);
        for (StoredRuns s : designs) {
            Path target = dir.resolve(RunStore.fileName(s.design().command()));
            AtomicFiles.write(target, stream -> {
                for (RunRecord r : s.records()) {
                    stream.write((RunRecordJson.line(r, s.design().json()) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            });
            int total = s.design().design().runs().size();
            io.out().println("merge: " + s.design().command() + " design " + s.design().id() + ": " + s.records().size()
                    + " of " + total + " runs from " + s.files().size() + (s.files().size() == 1 ? " store" : " stores")
                    + " -> " + target + (s.complete() ? "; complete: polygate report --runs " + dir
                    : "; " + s.missing().size() + " runs still missing"));
        }
        return 0;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
