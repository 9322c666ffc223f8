package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.io.ModelFile;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What predict and model files print for a float: its shortest round-trip text, on every JDK. */
class PredictTextTest {
    private static final RunSpec TRAINING = new RunSpec(new ModelSpec(Activation.RELU, LayerKind.PLAIN, 1, 1),
            Target.power(1), 0.01, 10, 10, 0);

    @TempDir
    Path tmp;

    @Test
    void predictPrintsEachOutputAsItsShortestRoundTripText() throws IOException {
        // Width 1, weights [w=1, b=0, readout 1, 0]: relu(x) = x for the positive inputs below.
        Path identity = tmp.resolve("identity.json");
        ModelFile.save(identity, TRAINING, new float[] {1, 0, 1, 0}, Double.NaN);
        // 102595688 is 1.02595688E8 by JDK 17's Float.toString and 1.0259569E8 by JDK 19+'s.
        CommandRun o = CommandRun.run("102595688\n0.1\n3.4028235E38\n1.4E-45\n", "predict", "--model",
                identity.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("1.0259569E8\n0.1\n3.4028235E38\n1.4E-45\n", o.out());
    }

    @Test
    void modelFilesWriteParametersAsTheirShortestRoundTripText() throws IOException {
        Path model = tmp.resolve("model.json");
        ModelFile.save(model, TRAINING, new float[] {102595688f, 0, 1, -8.110916E8f}, 2.82879384806159E17);
        String text = Files.readString(model);
        assertTrue(text.contains("1.0259569E8"), text);
        assertTrue(text.contains("-8.110916E8"), text);
        assertTrue(text.contains("\"finalMse\" : 2.82879384806159E17"), text);
    }
}
