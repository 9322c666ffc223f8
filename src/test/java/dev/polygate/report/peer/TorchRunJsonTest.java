package dev.polygate.report.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.peer.TorchFixtures.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals("torch result file F: format is 'x', expected 'polygate-torch-step/1' (written by bin/lib/torch_step.py)",
                error(good.replace("polygate-torch-step/1", "x")));
        assertTrue(error("{").startsWith("F is not valid JSON (line 1, column 2: "));
    }
}
