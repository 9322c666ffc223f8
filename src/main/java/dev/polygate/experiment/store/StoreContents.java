package dev.polygate.experiment.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygate.text.FloatText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The records of one store file as read: one design, one numerics, one curve block, and per run
 * (by {@link dev.polygate.model.RunSpec#id()}) its record. A failed run's record gives way to a later
 * record of the same run (it was trained again); two finished or diverged records of one run must
 * hold the same result.
 */
final class StoreContents {
    private final Map<String, RunRecord> runs = new LinkedHashMap<>();
    private String command;
    private String designId;
    private ObjectNode designJson;
    private String numerics;
    private int block = -1;

    static StoreContents empty() {
        return new StoreContents();
    }

    /**
     * Reads every line of {@code file}. A last line without its line break is torn (a crash
     * mid-write): it is dropped with a note, and cut off the file when {@code repair} is set (a store
     * about to be appended to).
     *
     * @throws StoreException for a line that is not a run record, or records that disagree
     */
    static StoreContents read(Path file, Consumer<String> notes, boolean repair) throws IOException {
        long size = Files.size(file);
        long complete = completeLength(file, size);
        if (complete < size) {
            notes.accept("dropped a torn last line (" + (size - complete) + " bytes, a run cut off mid-write) from "
                    + file + (repair ? "" : " (left in the file)"));
            if (repair) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(complete);
                    ch.force(true);
                }
            }
        }
        StoreContents contents = new StoreContents();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long read = 0;
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                read += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (read > complete) {
                    break;   // the torn line, when the file was not repaired
                }
                if (line.isBlank()) {
                    continue;
                }
                RunRecordJson.Parsed parsed;
                try {
                    parsed = RunRecordJson.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new StoreException(file + " line " + lineNumber + " is not a polygate run record: "
                            + e.getMessage() + " (a store holds one JSON object per line, as polygate writes them)");
                }
                contents.add(file + " line " + lineNumber, parsed);
            }
        }
        return contents;
    }

    /** Bytes up to and including the last line break: the part of the file made of whole lines. */
    private static long completeLength(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long pos = size;
            byte[] chunk = new byte[8192];
            while (pos > 0) {
                int n = (int) Math.min(chunk.length, pos);
                raf.seek(pos - n);
                raf.readFully(chunk, 0, n);
                for (int i = n - 1; i >= 0; i--) {
                    if (chunk[i] == '\n') {
                        return pos - n + i + 1;
                    }
                }
                pos -= n;
            }
            return 0;
        }
    }

    /** Adds one record read at {@code where}; it must agree with the records before it. */
    void add(String where, RunRecordJson.Parsed parsed) {
        RunRecord r = parsed.record();
        if (command == null) {
            command = r.command();
            designId = r.designId();
            designJson = parsed.design();
            numerics = r.numerics();
            block = r.result().curve().block();
        } else if (!r.designId().equals(designId) || !r.command().equals(command)) {
            throw new StoreException(where + " is a run of another design (" + r.command() + " " + r.designId()
                    + ") than the lines before it (" + command + " " + designId + "): one store holds one design");
        } else if (!r.numerics().equals(numerics)) {
            throw new StoreException(where + " was computed at numerics " + r.numerics() + ", the lines before it at "
                    + numerics + ": one store holds runs of one numerics");
        } else if (r.result().curve().block() != block && r.result().curve().length() > 1) {
            throw new StoreException(where + " keeps its curve in blocks of " + r.result().curve().block()
                    + " steps, the lines before it in blocks of " + block + ": one store keeps one block");
        }
        String key = r.spec().id();
        RunRecord before = runs.get(key);
        if (before == null || before.result().failed()) {
            runs.put(key, r);
        } else if (!r.result().failed() && !before.sameResult(r)) {
            throw new StoreException(where + " stores run " + key + " again with another result (" + describe(r)
                    + " against " + describe(before) + "): the same run must give the same bits");
        }
    }

    static String describe(RunRecord r) {
        return r.status() + ", final MSE " + FloatText.shortest(r.result().finalMse()) + ", curve "
                + r.result().curve().sha256().substring(0, 12);
    }

    /**
     * Checks that these records can be resumed by {@code design}.
     *
     * @param expectedNumerics the numerics new runs will have, or null when unknown here
     */
    void requireDesign(Path file, StoreDesign design, String expectedNumerics) {
        if (command == null) {
            return;
        }
        String retry = "; use --fresh to start over (the old store is moved aside, not deleted) or another --out";
        if (!designId.equals(design.id()) || !command.equals(design.command())) {
            String diff = command.equals(design.command()) ? ": " + DesignJson.differences(design.json(), designJson)
                    : ", written by polygate " + command;
            throw new StoreException(file + " holds runs of another design than this command's" + diff + retry);
        }
        if (expectedNumerics != null && !numerics.equals(expectedNumerics)) {
            throw new StoreException(file + " holds runs computed at numerics " + numerics + " (version/precision/"
                    + "lanes), this JVM computes at " + expectedNumerics + ": their bits would differ" + retry);
        }
        if (block != design.curveBlock()) {
            throw new StoreException(file + " keeps " + (block == 1 ? "full curves" : "curves in blocks of " + block
                    + " steps") + ", this command asks for " + design.curveText()
                    + " (--full-curves must match the store's)" + retry);
        }
    }

    String numericsOr(String fallback) {
        return numerics == null ? fallback : numerics;
    }

    String command() {
        return command;
    }

    String designId() {
        return designId;
    }

    ObjectNode designJson() {
        return designJson;
    }

    String numerics() {
        return numerics;
    }

    /** Every run's record, failed ones included, in first-stored order. */
    Map<String, RunRecord> all() {
        return Collections.unmodifiableMap(runs);
    }

    Map<String, RunRecord> finishedOrDiverged() {
        Map<String, RunRecord> out = new LinkedHashMap<>();
        runs.forEach((k, r) -> {
            if (!r.result().failed()) {
                out.put(k, r);
            }
        });
        return out;
    }
}
