package dev.polygate.report.runs;

import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Target;
import dev.polygate.report.accuracy.SyntheticSweeps;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jdk.AccuracyFixtures;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyJsonReaderTest {
    @TempDir
    Path dir;

    /** Squared at n = 1, seed 1 diverges: its final MSE and the curve's last entry are written as null. */
    private static SweepResult sweep() {
        return SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(List.of(PLAIN, SQUARED, GATED)),
                (activation, kind, n, seed) -> kind == SQUARED && n == 1 && seed == 1 ? Double.NaN
                        : 1e-3 * (kind.ordinal() + 1) * n * (seed + 1));
    }

    private Path written(SweepResult sweep) throws IOException {
        Path file = dir.resolve("accuracy.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            AccuracyJsonWriter.write(sweep, out);
        }
        return file;
    }

    @Test
    void readsBackWhatTheWriterWrote() throws IOException {
        SweepResult written = sweep();
        SweepResult read = AccuracyJsonReader.read(written(written));

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
    void readsTheEarlierFormatWithDegreesAndWidths() throws IOException {
        SweepResult read = AccuracyJsonReader.read(AccuracyFixtures.write(dir.resolve("old.json"), "17.0.15", 512,
                AccuracyFixtures.DEFAULT));
        assertEquals(Target.powers(List.of(1, 2)), read.grid().targets());
        assertEquals(List.of(Sizing.equalWidth(10)), read.grid().sizings());
        assertEquals(8, read.runs().size());
        assertEquals(Target.power(1), read.runs().get(0).spec().target());
        assertEquals(AccuracyFixtures.DEFAULT.of("plain", 1, 0), read.runs().get(0).finalMse());
        assertEquals(512, read.environment().vectorBits());
    }

    @Test
    void readsTheCommittedReport() {
        Path committed = Path.of("reports", "accuracy.json");
        if (Files.exists(committed)) {
            SweepResult read = AccuracyJsonReader.read(committed);
            assertEquals(read.grid().runs().size(), read.runs().size(), "one run per grid point");
        }
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheFileAndThePlace() throws IOException {
        Path file = dir.resolve("accuracy.json");
        assertMessage(file, file + " does not exist");
        Files.writeString(file, "");
        assertMessage(file, file + " is empty");
        Files.writeString(file, "[1]");
        assertMessage(file, file + " is not a polygate accuracy.json (the top level is an array");
        Files.writeString(file, "{\"runs\": ");
        assertMessage(file, file + " is not valid JSON");
        Files.writeString(file, "{\"runs\": 3}");
        assertMessage(file, file + " is not a polygate accuracy.json (no \"runs\" array)");
        Files.writeString(file, "{\"environment\": {}, \"sweep\": {}, \"runs\": []}");
        assertMessage(file, file + ": environment.polygateVersion is missing");

        String text = Files.readString(written(sweep()));
        Files.writeString(file, text.replaceFirst("\"width\" : 10", "\"width\" : \"wide\""));
        assertMessage(file, file + ": runs[0].width:");
        Files.writeString(file, text.replaceFirst("\"kind\" : \"plain\",", ""));
        assertMessage(file, file + ": runs[0].kind is missing");
        Files.writeString(file, text.replaceFirst("\"kind\" : \"plain\"", "\"kind\" : \"cubic\""));
        assertMessage(file, file + ": runs[0]: unknown kind 'cubic'");
        Files.writeString(file, text.replaceFirst("\"finalMse\" : [^,]+,", "\"finalMse\" : \"x\","));
        assertMessage(file, file + ": runs[0].finalMse:");
        Files.writeString(file, text.replaceFirst("\"seed\" : 1,", "\"seed\" : 0,"));
        assertMessage(file, file + ": runs[1] repeats runs[0]");
    }

    private static void assertMessage(Path file, String start) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AccuracyJsonReader.read(file));
        assertTrue(e.getMessage().startsWith(start), "'" + e.getMessage() + "' should start with '" + start + "'");
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
