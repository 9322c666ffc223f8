package dev.polygate.report.accuracy;

import dev.polygate.report.input.InvalidInputException;

import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.SweepResult;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyJsonReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatTheReportWrote() throws IOException {
        SweepResult written = SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(List.of(PLAIN, SQUARED, GATED)),
                AccuracyReportTest::gatedWinsEverywhere);
        AccuracyReport.writeAll(written, dir);

        SweepResult read = AccuracyJsonReader.read(dir.resolve(AccuracyReport.JSON));

        assertEquals(written.grid(), read.grid());
        assertEquals(written.environment(), read.environment());
        assertEquals(written.threads(), read.threads());
        assertEquals(written.wallSeconds(), read.wallSeconds());
        assertEquals(written.runs().size(), read.runs().size());
        for (int i = 0; i < written.runs().size(); i++) {
            TrainingResult w = written.runs().get(i);
            TrainingResult r = read.runs().get(i);
            assertEquals(w.spec(), r.spec());
            assertEquals(w.parameterCount(), r.parameterCount());
            assertEquals(w.finalMse(), r.finalMse(), "NaN for a diverged run comes back as NaN");
            assertEquals(w.diverged(), r.diverged());
            assertEquals(w.divergedAt(), r.divergedAt());
            assertArrayEquals(w.curve(), r.curve(), "curves, NaN included, bit for bit");
        }
    }

    @Test
    void badFilesNameTheFileAndThePlace() throws IOException {
        Path file = dir.resolve("accuracy.json");
        assertMessage(file, file + " does not exist");
        Files.writeString(file, "[1]");
        assertMessage(file, file + " is not a polygate accuracy.json (the top level is an array");
        Files.writeString(file, "{\"runs\": ");
        assertMessage(file, file + " is not valid JSON");
        Files.writeString(file, "{\"environment\": {}, \"sweep\": {}, \"runs\": []}");
        assertMessage(file, file + ": environment.polygateVersion is missing");

        SweepResult sweep = SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(List.of(PLAIN)), (a, k, n, s) -> 0.5);
        AccuracyReport.writeAll(sweep, dir);
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("\"width\" : 10", "\"width\" : \"wide\""));
        assertMessage(file, file + ": runs[0].width:");
        Files.writeString(file, text.replaceFirst("\"kind\" : \"plain\"", "\"kind\" : \"cubic\""));
        assertMessage(file, file + ": runs[0]: unknown kind 'cubic'");
    }

    private static void assertMessage(Path file, String start) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AccuracyJsonReader.read(file));
        assertTrue(e.getMessage().startsWith(start), "'" + e.getMessage() + "' should start with '" + start + "'");
    }
}
