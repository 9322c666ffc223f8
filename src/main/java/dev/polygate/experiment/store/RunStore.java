package dev.polygate.experiment.store;

import dev.polygate.train.Numerics;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A sweep's run store, open for appending: {@code <command>-runs.jsonl} in the output directory,
 * one {@link RunRecord} per line ({@link RunRecordJson}). Each record is written and forced to disk
 * as its run finishes, so a crash loses at most the runs in flight; opening the store again resumes:
 * {@link #stored()} are the runs not to train again (a failed run is trained again).
 *
 * <p>A torn last line (a crash mid-write) is cut off on open and reported. A store of another design,
 * numerics or curve block is never mixed in: {@link StoreException}, one line. {@code fresh} moves
 * an existing store aside ({@code <command>-runs.jsonl.<date-time>}, with -2, -3, ... when that name is
 * taken), never deleting it.
 */
public final class RunStore implements Closeable {
    private final Path file;
    private final StoreDesign design;
    private final StoreContents contents;
    private final FileChannel channel;
    /* The numerics of the store's runs: its records', else the first appended one's. */
    private String numerics;

    private RunStore(Path file, StoreDesign design, StoreContents contents, FileChannel channel, String numerics) {
        this.file = file;
        this.design = design;
        this.contents = contents;
        this.channel = channel;
        this.numerics = numerics;
    }

    /** The store's file name in an output directory: {@code sweep-runs.jsonl} and the like. */
    public static String fileName(String command) {
        return command + "-runs.jsonl";
    }

    /**
     * Opens (creating if absent) the store at {@code file} for {@code design}.
     *
     * @param expectedNumerics the numerics the runs will be trained at ({@link Numerics#current()}
     *               here), or null when they are trained elsewhere (Spark executors) and the
     *               store's own must merely stay one
     * @param fresh  move an existing store aside and start an empty one
     * @param notes  receives one line per thing the user should know (a dropped torn line, a store moved aside)
     * @throws StoreException if the store holds a damaged line, or runs of another design, numerics or curve block
     */
    public static RunStore open(Path file, StoreDesign design, String expectedNumerics, boolean fresh,
                                 Consumer<String> notes) throws IOException {
        if (fresh && Files.exists(file)) {
            String stamp = file.getFileName() + "."
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
            Path aside = file.resolveSibling(stamp);
            for (int n = 2; Files.exists(aside); n++) {   // --fresh twice within a second
                aside = file.resolveSibling(stamp + "-" + n);
            }
            Files.move(file, aside);
            notes.accept("moved the old store aside to " + aside);
        }
        StoreContents contents = Files.exists(file) ? StoreContents.read(file, notes, true) : StoreContents.empty();
        contents.requireDesign(file, design, expectedNumerics);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new RunStore(file, design, contents, channel, contents.numericsOr(expectedNumerics));
    }

    public Path file() {
        return file;
    }

    public StoreDesign design() {
        return design;
    }

    /**
     * The runs already stored when the store was opened, by {@link dev.polygate.model.RunSpec#id()}
     * (failed runs left out: they train again).
     */
    public Map<String, RunRecord> stored() {
        return contents.finishedOrDiverged();
    }

    /**
     * Appends one record as a line and forces it to disk before returning, so a record is either
     * wholly stored or (a crash mid-write) a torn last line the next open cuts off.
     *
     * @throws IllegalArgumentException if the record belongs to another design or numerics
     */
    public synchronized void append(RunRecord record) throws IOException {
        if (numerics == null) {
            numerics = record.numerics();
        }
        if (!record.designId().equals(design.id()) || !record.numerics().equals(numerics)) {
            throw new StoreException(file + ": run " + record.spec().id() + " (design " + record.designId()
                    + ", numerics " + record.numerics() + ") cannot join a store of design " + design.id()
                    + " at numerics " + numerics + ": runs computed at other numerics give other bits (an executor "
                    + "with another vector width?); the store keeps the " + "runs it has");
        }
        byte[] line = (RunRecordJson.line(record, design.json()) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
