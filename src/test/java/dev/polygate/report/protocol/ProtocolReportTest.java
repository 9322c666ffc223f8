package dev.polygate.report.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygate.experiment.Environment;
import dev.polygate.experiment.QueirugaDesign;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol report on made-up runs whose RMSE follows known power laws (no training). */
class ProtocolReportTest {
    private static final Environment ENV = new Environment("0.1.0", "unknown", "17", "Test VM", "Test", "Linux", "CPU", 2,
            512, 3);

    /** Every run of the design with RMSE = c·n^slope(kind)·(1 + small seed noise). */
    private static List<TrainingResult> runs(QueirugaDesign design, double plain, double gated, double squared) {
        List<TrainingResult> out = new ArrayList<>();
        for (RunSpec spec : design.runs()) {
            int n = spec.model().width();
            double slope = switch (spec.model().kind()) {
                case PLAIN -> plain;
                case GATED -> gated;
                default -> squared;
            };
            double noise = 1 + 0.01 * new Random(spec.id().hashCode()).nextGaussian();
            double rmse = 0.3 * Math.pow(n, slope) * noise;
            float mse = (float) (rmse * rmse);
            out.add(new TrainingResult(spec, spec.model().layout().size(), mse, LossCurve.full(new float[] {1f, mse}),
                    false, -1, 0.01, new float[0], null, 1.1 * mse));
        }
        return out;
    }

    private static QueirugaDesign small() {
        return new QueirugaDesign(List.of(LayerKind.PLAIN, LayerKind.GATED, LayerKind.SQUARED),
                List.of(2, 4, 6, 8, 12, 16, 24, 32), List.of(4, 8, 16), 5, List.of(4, 8, 16), 10, 0.01, 2, 0);
    }

    @Test
    void slopesComeOutOfKnownPowerLawsAndOnlyMatchingProtocolsMeetThePaper(@TempDir Path dir) throws IOException {
        QueirugaDesign design = small();
        ProtocolSlopes slopes = ProtocolReport.writeAll(design, runs(design, -2.1, -3.1, -3.5), List.of(ENV), dir);
        double plain = slopes.series(QueirugaDesign.Method.READOUT, LayerKind.PLAIN).orElseThrow()
                .fit(ProtocolSlopes.Measure.RMSE, ProtocolSlopes.Against.HIDDEN_UNITS).orElseThrow().fit().orElseThrow().slope();
        assertEquals(-2.1, plain, 0.02);
        double gatedMse = slopes.series(QueirugaDesign.Method.LM, LayerKind.GATED).orElseThrow()
                .fit(ProtocolSlopes.Measure.MSE, ProtocolSlopes.Against.HIDDEN_UNITS).orElseThrow().fit().orElseThrow().slope();
        assertEquals(-6.2, gatedMse, 0.05, "the MSE slope is twice the RMSE slope");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("scaling.json").toFile());
        int withPaper = 0;
        for (JsonNode e : json.get("slopes")) {
            assertTrue(e.get("ci_low").asDouble() <= e.get("slope").asDouble()
                    && e.get("slope").asDouble() <= e.get("ci_high").asDouble(), e.toString());
            if (!e.get("paper_slope").isNull()) {
                withPaper++;
                assertTrue(!e.get("method").asText().equals("adam") && !e.get("kind").asText().equals("squared"), e.toString());
                assertEquals("rmse", e.get("measure").asText());
                assertEquals("hidden_units", e.get("against").asText());
            }
        }
        assertEquals(4, withPaper, "readout and lm, plain and gated");

        String md = Files.readString(dir.resolve("scaling.md"));
        assertTrue(md.contains("## Beside the paper, where the protocols match"), md);
        assertTrue(md.contains("With readout, the MLP's RMSE falls as n^-2.10") && md.contains("within 0.30 of the paper's -2.13"),
                md);
        assertTrue(md.contains("squared's slope is -3.50"), md);
        List<String> csv = Files.readAllLines(dir.resolve("scaling.csv"));
        assertEquals(design.runs().size() + 1, csv.size());
        assertTrue(Files.size(dir.resolve("scaling.png")) > 10_000);
    }

    @Test
    void slopesFarFromThePaperAreSaidToBe(@TempDir Path dir) throws IOException {
        QueirugaDesign design = small();
        ProtocolReport.writeAll(design, runs(design, -1.3, -1.3, -1.4), List.of(ENV), dir);
        String md = Files.readString(dir.resolve("scaling.md"));
        assertTrue(md.contains("not within 0.30 of the paper's -2.13") && md.contains("not within 0.30 of the paper's -3.08"), md);
        assertTrue(md.contains("gated is not shown to scale faster than plain"), md);
    }
}
