package dev.polygate.report.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.blas.OpenBlasCore;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.peer.TorchFixtures.Blas;
import dev.polygate.report.peer.TorchFixtures.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchRunJsonTest {
    private static final PeerCase CASE = TorchFixtures.peerCase("silu", "plain", "1000x10x1");

    @TempDir
    Path dir;

    private final String good = TorchFixtures.torchJson(1, List.of(new Timing(CASE, 300, 100, 200)));

    private String error(String json) throws IOException {
        Path file = Files.writeString(dir.resolve("torch.json"), json);
        return assertThrows(InvalidInputException.class, () -> TorchRunJson.read(file)).getMessage()
                .replace(file.toString(), "F");
    }

    @Test
    void aGoodFileGivesEachCasesMedianIteration() throws IOException {
        TorchRun run = TorchRunJson.read(Files.writeString(dir.resolve("t.json"), good));
        assertEquals(200, run.cases().get(CASE));
        assertEquals("BLAS_INFO=generic", run.blasInfo());
        assertEquals(1, run.threads());
        assertEquals("1.13.0", run.torchVersion());
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        assertEquals("torch result file F: torchVersion is missing", error(good.replace("\"torchVersion\": \"1.13.0\", ", "")));
        assertEquals("torch result file F: cases[0].nanosPerStep is missing",
                error(good.replaceAll(", \"nanosPerStep\": \\[[^]]*]", "")));
    }

    @Test
    void aWrongTypeIsNamed() throws IOException {
        assertEquals("torch result file F: torchThreads is \"1\", expected a positive integer",
                error(good.replace("\"torchThreads\": 1", "\"torchThreads\": \"1\"")));
        assertEquals("torch result file F: cases[0].nanosPerStep[1] is \"x\", not a positive finite number",
                error(good.replace("[300.0, 100.0", "[300.0, \"x\"")));
        assertEquals("torch result file F: mkldnn is a string, expected true or false",
                error(good.replace("\"mkldnn\": true", "\"mkldnn\": \"yes\"")));
        assertEquals("torch result file F: cases[0]: unknown kind 'wide' (allowed: plain, squared, gated, bilinear)",
                error(good.replace("\"kind\": \"plain\"", "\"kind\": \"wide\"")));
    }

    @Test
    void anotherModelOrARepeatedCaseIsRefused() throws IOException {
        assertEquals("torch result file F: cases[0] (silu/plain/1000x10x1) has 32 parameters, polygate's model 31: not the"
                + " same model", error(good.replace("\"parameters\": 31", "\"parameters\": 32")));
        String twice = TorchFixtures.torchJson(1, List.of(new Timing(CASE, 1), new Timing(CASE, 2)));
        assertEquals("torch result file F: cases[1] repeats the case silu/plain/1000x10x1", error(twice));
        assertEquals("torch result file F: format is 'x', expected 'polygate-torch-step/2' or the older "
                + "'polygate-torch-step/1' (written by bin/lib/torch_step.py)", error(good.replace("polygate-torch-step/2", "x")));
        assertTrue(error("{").startsWith("F is not valid JSON (line 1, column 2: "));
    }

    private TorchRun read(String json) throws IOException {
        return TorchRunJson.read(Files.writeString(dir.resolve("t.json"), json));
    }

    @Test
    void theOpenBlasCoreIsReadWithWhetherItWasForced() throws IOException {
        TorchRun chosen = read(TorchFixtures.torchJson(1, List.of(new Timing(CASE, 1)), Blas.HASWELL));
        assertTrue(chosen.openblasRecorded());
        OpenBlasCore core = chosen.openblas().orElseThrow();
        assertEquals("Haswell", core.core());
        assertEquals(Optional.of("OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64"), core.config());
        assertFalse(core.forced());
        assertEquals("Haswell", chosen.openblasCoreText());

        // OpenBLAS matches OPENBLAS_CORETYPE in any case and reports its own spelling.
        TorchRun forced = read(TorchFixtures.torchJson(1, List.of(new Timing(CASE, 1)), new Blas("SkylakeX", "skylakex")));
        assertEquals(Optional.of("skylakex"), forced.openblas().orElseThrow().coretype());
    }

    @Test
    void withoutOpenBlasOrBeforeFormatTwoThereIsNoCore() throws IOException {
        TorchRun none = read(good);
        assertTrue(none.openblasRecorded());
        assertEquals(Optional.empty(), none.openblas());
        assertEquals("no OpenBLAS", none.openblasCoreText());

        String one = TorchFixtures.formatOne(TorchFixtures.torchJson(1, List.of(new Timing(CASE, 300, 100, 200)), Blas.HASWELL));
        assertFalse(one.contains("\"openblas"), one);
        TorchRun old = read(one);
        assertFalse(old.openblasRecorded());
        assertEquals(Optional.empty(), old.openblas());
        assertEquals(200, old.cases().get(CASE));
        assertEquals("not recorded (polygate-torch-step/1)", old.openblasCoreText());
    }

    @Test
    void openBlasFieldsThatAreMissingMistypedOrContradictoryAreRefused() throws IOException {
        String haswell = TorchFixtures.torchJson(1, List.of(new Timing(CASE, 1)), Blas.HASWELL);
        assertEquals("torch result file F: openblasCore is missing", error(haswell.replace("\"openblasCore\": \"Haswell\", ", "")));
        assertEquals("torch result file F: openblasCoretype is a number, expected a string or null",
                error(haswell.replace("\"openblasCoretype\": null", "\"openblasCoretype\": 3")));
        assertEquals("torch result file F: openblasCoretype is 'SkylakeX' but openblasCore 'Haswell': OpenBLAS did not run "
                + "the kernels asked for (bin/lib/torch_step.py refuses such a run)",
                error(haswell.replace("\"openblasCoretype\": null", "\"openblasCoretype\": \"SkylakeX\"")));
        assertEquals("torch result file F: openblasCore is null (no OpenBLAS mapped) but openblasConfig or "
                + "openblasCoretype is not", error(good.replace("\"openblasCoretype\": null", "\"openblasCoretype\": \"Zen\"")));
    }
}
