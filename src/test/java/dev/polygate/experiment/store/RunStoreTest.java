package dev.polygate.experiment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.RunSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path tmp;

    private final StoreDesign design = StoreDesign.of(StoreFixtures.grid(2), false);
    private final List<RunSpec> runs = design.design().runs();

    private Path storeWith(int count) throws IOException {
        Path file = tmp.resolve(RunStore.fileName("sweep"));
        try (RunStore store = RunStore.open(file, design, StoreFixtures.numerics(), false, note -> { })) {
            for (int i = 0; i < count; i++) {
                store.append(StoreFixtures.record(design, runs.get(i)));
            }
        }
        return file;
    }

    @Test
    void reopeningResumesWithTheStoredRuns() throws IOException {
        Path file = storeWith(5);
        try (RunStore store = RunStore.open(file, design, StoreFixtures.numerics(), false, note -> { })) {
            assertEquals(5, store.stored().size());
            assertTrue(store.stored().containsKey(runs.get(4).id()));
        }
        assertEquals(5, Files.readAllLines(file).size());
    }

    @Test
    void aTornLastLineIsCutOffAndReported() throws IOException {
        Path file = storeWith(3);
        String fourth = RunRecordJson.line(StoreFixtures.record(design, runs.get(3)), design.json());
        Files.writeString(file, fourth.substring(0, fourth.length() / 2), StandardOpenOption.APPEND);
        List<String> notes = new ArrayList<>();
        try (RunStore store = RunStore.open(file, design, StoreFixtures.numerics(), false, notes::add)) {
            assertEquals(3, store.stored().size());
            store.append(StoreFixtures.record(design, runs.get(3)));
        }
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("dropped a torn last line"), notes.get(0));
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size());
        assertEquals(fourth, lines.get(3), "the run's whole line, after the cut");
    }

    @Test
    void aDamagedLineInsideIsRefusedNamingTheLine() throws IOException {
        Path file = storeWith(3);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, "{\"format\": \"something else\"}");
        Files.write(file, lines);
        StoreException e = assertThrows(StoreException.class,
                () -> RunStore.open(file, design, StoreFixtures.numerics(), false, note -> { }));
        assertTrue(e.getMessage().contains("line 2 is not a polygate run record"), e.getMessage());
    }

    @Test
    void anotherDesignNumericsOrBlockIsRefusedAndTheStoreLeftAlone() throws IOException {
        Path file = storeWith(2);
        byte[] before = Files.readAllBytes(file);
        StoreDesign otherSeeds = StoreDesign.of(StoreFixtures.grid(3), false);
        StoreException e = assertThrows(StoreException.class,
                () -> RunStore.open(file, otherSeeds, StoreFixtures.numerics(), false, note -> { }));
        assertTrue(e.getMessage().contains("another design") && e.getMessage().contains("seeds 3 here, 2 there"),
                e.getMessage());
        e = assertThrows(StoreException.class, () -> RunStore.open(file, design, "1/float32x8".equals(
                StoreFixtures.numerics()) ? "1/float32x16" : "1/float32x8", false, note -> { }));
        assertTrue(e.getMessage().contains("numerics"), e.getMessage());
        e = assertThrows(StoreException.class,
                () -> RunStore.open(file, StoreDesign.of(design.design(), true), StoreFixtures.numerics(), false, n -> { }));
        assertTrue(e.getMessage().contains("--full-curves"), e.getMessage());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file));
    }

    @Test
    void freshMovesTheOldStoreAsideAndStartsEmpty() throws IOException {
        Path file = storeWith(2);
        byte[] before = Files.readAllBytes(file);
        List<String> notes = new ArrayList<>();
        try (RunStore store = RunStore.open(file, StoreDesign.of(StoreFixtures.grid(3), false), StoreFixtures.numerics(),
                true, notes::add)) {
            assertEquals(0, store.stored().size());
        }
        try (Stream<Path> files = Files.list(tmp)) {
            List<Path> aside = files.filter(p -> !p.equals(file)).toList();
            assertEquals(1, aside.size());
            assertTrue(aside.get(0).getFileName().toString().startsWith("sweep-runs.jsonl."));
            assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(aside.get(0)));
        }
        assertTrue(notes.get(0).startsWith("moved the old store aside"));
    }

    @Test
    void readersCombineFilesAndRefuseConflictingResults() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        try (RunStore sa = RunStore.open(a.resolve("sweep-runs.jsonl"), design, StoreFixtures.numerics(), false, n -> { });
             RunStore sb = RunStore.open(b.resolve("sweep-runs.jsonl"), design, StoreFixtures.numerics(), false, n -> { })) {
            for (int i = 0; i < runs.size(); i++) {
                (i % 2 == 0 ? sa : sb).append(StoreFixtures.record(design, runs.get(i)));
            }
            sb.append(StoreFixtures.record(design, runs.get(0)));   // a duplicate with the same result: fine
        }
        List<StoredRuns> read = StoreReader.read(List.of(a, b), note -> { });
        assertEquals(1, read.size());
        assertTrue(read.get(0).complete());
        assertEquals(runs, read.get(0).records().stream().map(RunRecord::spec).toList(), "grid order");

        String line = Files.readAllLines(b.resolve("sweep-runs.jsonl")).get(0);
        String changed = line.replaceFirst("\"finalMse\":[^,]*,", "\"finalMse\":0.125,");
        Files.writeString(b.resolve("sweep-runs.jsonl"), changed + "\n", StandardOpenOption.APPEND);
        StoreException e = assertThrows(StoreException.class, () -> StoreReader.read(List.of(a, b), note -> { }));
        assertTrue(e.getMessage().contains("with another result") || e.getMessage().contains("different results"),
                e.getMessage());
    }
}
