package dev.polygate.experiment.store;

import dev.polygate.experiment.Design;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads run stores for reports and merges: each path a store file or a directory holding stores
 * ({@code *-runs.jsonl}). Records of one design are combined across files; two records of one run
 * whose results differ are refused, naming the run and both files.
 */
public final class StoreReader {
    private StoreReader() {
    }

    /** The store files a path names: the file itself, or a directory's {@code *-runs.jsonl}, sorted. */
    public static List<Path> storeFiles(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                List<Path> out = files.filter(p -> p.getFileName().toString().endsWith("-runs.jsonl"))
                        .filter(Files::isRegularFile).sorted().toList();
                if (out.isEmpty()) {
                    throw new StoreException(path + " holds no run store (a file named <command>-runs.jsonl, "
                            + "written by polygate sweep, equivalence or scaling)");
                }
                return out;
            }
        }
        if (!Files.exists(path)) {
            throw new StoreException(path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new StoreException(path + " is neither a run store file nor a directory holding one");
        }
        return List.of(path);
    }

    /**
     * Every design found in {@code paths}, its runs combined from all files, in the order first met.
     *
     * @param notes receives a line per torn last line dropped (files are never changed here)
     * @throws StoreException for a damaged store, mixed numerics within one design, or conflicting records
     */
    public static List<StoredRuns> read(List<Path> paths, Consumer<String> notes) throws IOException {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Path path : paths) {
            for (Path file : storeFiles(path)) {
                StoreContents contents;
                try {
                    contents = StoreContents.read(file, notes, false);
                } catch (NoSuchFileException e) {
                    throw new StoreException(file + " does not exist");
                }
                if (contents.command() == null) {
                    notes.accept(file + " holds no runs yet");
                    continue;
                }
                Group g = groups.computeIfAbsent(contents.designId(), id -> new Group(file, contents));
                g.add(file, contents);
            }
        }
        List<StoredRuns> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(StoredRuns.of(g.design, g.numerics, g.runs, g.files));
        }
        return out;
    }

    /** The runs of one design across files. */
    private static final class Group {
        final StoreDesign design;
        final String numerics;
        final Map<String, RunRecord> runs = new LinkedHashMap<>();
        final Map<String, Path> fileOf = new LinkedHashMap<>();
        final List<Path> files = new ArrayList<>();

        Group(Path file, StoreContents first) {
            Design d;
            try {
                d = DesignJson.parse(first.command(), first.designJson());
            } catch (IllegalArgumentException e) {
                throw new StoreException(file + ": its design cannot be read: " + e.getMessage());
            }
            String id = DesignJson.id(d);
            if (!id.equals(first.designId())) {
                throw new StoreException(file + ": its designId " + first.designId() + " is not the id of its design ("
                        + id + "); was the file edited?");
            }
            int block = first.all().values().iterator().next().result().curve().block();
            this.design = new StoreDesign(d, DesignJson.of(d), id, block);
            this.numerics = first.numerics();
        }

        void add(Path file, StoreContents contents) {
            if (!contents.numerics().equals(numerics)) {
                throw new StoreException(file + " holds runs computed at numerics " + contents.numerics() + ", "
                        + files.get(0) + " runs of the same design at " + numerics
                        + " (version/precision/lanes): their bits differ, so they are not merged");
            }
            files.add(file);
            for (Map.Entry<String, RunRecord> e : contents.all().entrySet()) {
                RunRecord r = e.getValue();
                RunRecord before = runs.get(e.getKey());
                if (before == null || before.result().failed()) {
                    runs.put(e.getKey(), r);
                    fileOf.put(e.getKey(), file);
                } else if (!r.result().failed() && !before.sameResult(r)) {
                    throw new StoreException("run " + e.getKey() + " (id " + r.runId() + ") is stored with different "
                            + "results in " + fileOf.get(e.getKey()) + " (" + StoreContents.describe(before) + ") and "
                            + file + " (" + StoreContents.describe(r) + "); the same run must give the same bits");
                }
            }
        }
    }
}
