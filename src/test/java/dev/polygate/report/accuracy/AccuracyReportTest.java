package dev.polygate.report.accuracy;

import dev.polygate.report.format.KindColours;

import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.SweepResult;
import dev.polygate.kernel.FlopCount;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.train.TrainingResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyReportTest {
    private static final List<LayerKind> ALL_KINDS = List.of(PLAIN, SQUARED, GATED);

    /**
     * Gated 10× below plain and squared 2× below gated on every seed, except: plain at n = 2 has
     * final MSEs 2e-3, 1e-3, 5e-3 for seeds 0, 1, 2 (median 2e-3), and squared at n = 1 seed 1
     * diverges.
     */
    static double gatedWinsEverywhere(Activation activation, LayerKind kind, int degree, long seed) {
        double plain = degree == 2 ? new double[] {2e-3, 1e-3, 5e-3}[(int) seed] : 1e-2 * degree * (seed + 1);
        return switch (kind) {
            case PLAIN -> plain;
            case GATED -> plain * 0.1;
            case SQUARED -> degree == 1 && seed == 1 ? Double.NaN : plain * 0.05;
            case BILINEAR -> throw new IllegalArgumentException("not in these sweeps");
        };
    }

    /** As {@link #gatedWinsEverywhere}, but at n = 3 gated is 10× above plain on every seed. */
    static double plainWinsAtThree(Activation activation, LayerKind kind, int degree, long seed) {
        double mse = gatedWinsEverywhere(activation, kind, degree, seed);
        return kind == GATED && degree == 3 ? mse * 100 : mse;
    }

    @Test
    void writesTheFourFilesAndLeavesNoTempFiles(@TempDir Path dir) throws IOException {
        AccuracyReport.writeAll(SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(ALL_KINDS),
                AccuracyReportTest::gatedWinsEverywhere), dir);

        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertEquals(Set.of("accuracy.md", "accuracy.json", "accuracy.csv", "loss-curves.png"), names);
        }
        for (String name : List.of("accuracy.md", "accuracy.json", "accuracy.csv", "loss-curves.png")) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name + " is empty");
        }
    }

    @Test
    void csvHasTheHeaderAndOneRowPerRun(@TempDir Path dir) throws IOException {
        SweepResult sweep = SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(ALL_KINDS),
                AccuracyReportTest::gatedWinsEverywhere);
        AccuracyReport.writeAll(sweep, dir);

        String csv = Files.readString(dir.resolve("accuracy.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.endsWith("\r\n"), "RFC 4180 rows end in CRLF");
        List<String> lines = csv.lines().toList();
        assertEquals("activation,kind,width,depth,target,lr,samples,steps,seed,parameter_count,flops_per_step,final_mse,diverged,"
                + "diverged_at,wall_seconds,seconds_per_step,failure", lines.get(0));
        assertEquals(sweep.runs().size(), lines.size() - 1);
        assertEquals(27, lines.size() - 1);
        // Grid order: relu, n = 1, plain seeds 0..2, squared seeds 0..2: squared seed 1 diverged at step 20.
        TrainingResult divergedRun = sweep.runs().get(4);
        assertEquals("relu,squared,10,1,x^1,0.01,64,40,1," + divergedRun.parameterCount() + ","
                + FlopCount.trainingStep(divergedRun.spec().model(), 64) + ",,true,20,0.125,"
                + divergedRun.secondsPerStep() + ",", lines.get(5));
        long plainFlops = FlopCount.trainingStep(sweep.runs().get(9).spec().model(), 64);
        assertEquals("relu,plain,10,1,x^2,0.01,64,40,0,31," + plainFlops + ",0.002,false,,0.25,0.00625,", lines.get(10));
        for (String line : lines) {
            assertEquals(17, line.split(",", -1).length, line);
        }
    }

    @Test
    void jsonParsesBackWithEveryRunAndNullsForNonFiniteValues(@TempDir Path dir) throws IOException {
        SweepResult sweep = SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(ALL_KINDS),
                AccuracyReportTest::gatedWinsEverywhere);
        AccuracyReport.writeAll(sweep, dir);

        JsonNode root = new ObjectMapper().readTree(dir.resolve("accuracy.json").toFile());
        assertEquals("9.9.9-test", root.get("polygate").asText());
        assertEquals("Test CPU @ 1 GHz", root.get("environment").get("cpu").asText());
        assertEquals(256, root.get("environment").get("vectorBits").asInt());
        JsonNode grid = root.get("sweep").get("grid");
        assertEquals("relu", grid.get("activations").get(0).asText());
        assertEquals("squared", grid.get("kinds").get(1).asText());
        assertEquals(3, grid.get("seeds").asInt());
        assertEquals(2, root.get("sweep").get("threads").asInt());

        JsonNode runs = root.get("runs");
        assertEquals(sweep.runs().size(), runs.size());
        for (int i = 0; i < runs.size(); i++) {
            TrainingResult expected = sweep.runs().get(i);
            JsonNode run = runs.get(i);
            assertEquals(expected.spec().seed(), run.get("seed").asLong());
            assertEquals(expected.spec().model().kind().cliName(), run.get("kind").asText());
            JsonNode curve = run.get("curve");
            assertEquals(expected.curve().length, curve.size());
            for (int t = 0; t < curve.size(); t++) {
                float value = expected.curve()[t];
                if (Float.isFinite(value)) {
                    // Written as a float's shortest decimal: reads back to the same float exactly.
                    assertEquals(value, (float) curve.get(t).asDouble(), "run " + i + " step " + t);
                } else {
                    assertTrue(curve.get(t).isNull(), "run " + i + " step " + t);
                }
            }
        }
        JsonNode divergedRun = runs.get(4);
        assertTrue(divergedRun.get("diverged").asBoolean());
        assertTrue(divergedRun.get("finalMse").isNull());
        assertEquals(20, divergedRun.get("divergedAt").asInt());
        assertEquals(21, divergedRun.get("curve").size());
        JsonNode finishedRun = runs.get(0);
        assertTrue(finishedRun.get("divergedAt").isNull());
        assertEquals(0.01, finishedRun.get("finalMse").asDouble());
    }

    @Test
    void markdownCellShowsMedianAndItsIntervalOverSeeds(@TempDir Path dir) throws IOException {
        String md = markdown(dir, AccuracyReportTest::gatedWinsEverywhere, ALL_KINDS);

        // n = 2: plain 2e-3, 1e-3, 5e-3; gated a tenth; squared a twentieth; best is squared.
        assertTrue(md.contains("| 2 | 2.00e-03 [1.00e-03–5.00e-03] | 1.00e-04 [5.00e-05–2.50e-04] "
                + "| 2.00e-04 [1.00e-04–5.00e-04] | squared (not shown) |"), md);
        // n = 1, squared: seeds 0 and 2 finished (5e-4, 1.5e-3), seed 1 diverged.
        assertTrue(md.contains("| 1.00e-03 [5.00e-04–1.50e-03] (1 diverged) |"), md);
        // Paired: gated / plain is 0.1 on every seed, squared / gated 0.5.
        // The log ratios tie in size, so the library's Wilcoxon p is its normal approximation (≈).
        assertTrue(md.contains("| 2 | gated vs plain | 0.100 [0.100–0.100] | 3 : 0 | ≈ "), md);
        assertTrue(md.contains("| 2 | gated vs squared | 2.00 [2.00–2.00] | 0 : 3 | ≈ "), md);
        assertTrue(md.contains("| 0.250 | not distinguishable |"), md);   // sign test: 2 · (1/2)³
        assertTrue(md.contains("With 3 seeds the smallest exact p is 0.250, so no pair can be told apart at 0.05"), md);
        assertTrue(md.contains("seeds 0–2"), md);
        assertTrue(md.contains("Test CPU @ 1 GHz"), md);
        assertTrue(md.contains("12.5 s of wall time on 2 threads"), md);
        assertTrue(md.contains("## Files"), md);
        assertTrue(md.contains("`polygate sweep`"), md);
    }

    /**
     * Three seeds cannot reach p < 0.05 (the smallest exact p is 0.25): gated 10× below plain on
     * every seed is still not shown, and the reading says why. The rules themselves, with 8 seeds,
     * are in ClaimReadingTest.
     */
    @Test
    void readingWithThreeSeedsShowsNoClaimAndSaysWhy(@TempDir Path dir) throws IOException {
        String reading = reading(markdown(dir, AccuracyReportTest::gatedWinsEverywhere, ALL_KINDS));

        assertTrue(reading.contains(ClaimReading.CLAIM_1 + " is not shown for relu at n = 2, 3: the paired test "
                + "cannot tell the two apart at α = 0.0500, whichever way the medians point (at n = 2, gated median "
                + "2.00e-04 vs plain 2.00e-03, per-seed ratio 0.100 [0.100–0.100]; gated < plain on 3/3 paired seeds "
                + "(Wilcoxon p ≈ "), reading);
        assertTrue(reading.contains("; with 3 seeds p cannot go below 0.250)"), reading);
        assertFalse(reading.contains(ClaimReading.CLAIM_1 + " holds"), reading);
        assertFalse(reading.contains("does not hold"), reading);
        // Squared at half of gated on every seed: the test cannot tell, the interval is within the margin.
        assertTrue(reading.contains(ClaimReading.CLAIM_2 + " holds for relu: n = 2 (squared median"), reading);
        assertTrue(reading.contains("the test cannot tell squared from gated, and the interval of the ratio squared "
                + "/ gated lies at or below 2.00, our margin for \"as strong\"."), reading);
    }

    @Test
    void readingSkipsAClaimWhoseKindIsNotInTheGrid(@TempDir Path dir) throws IOException {
        String reading = reading(markdown(dir, AccuracyReportTest::gatedWinsEverywhere, List.of(PLAIN, GATED)));

        assertTrue(reading.contains(ClaimReading.CLAIM_2 + " is not tested: the grid has no squared runs."),
                reading);
        assertTrue(reading.contains(ClaimReading.CLAIM_1 + " is not shown for relu"), reading);
    }

    @Test
    void pngDecodesWithOnePanelPerConfigAndDegree(@TempDir Path dir) throws IOException {
        AccuracyReport.writeAll(SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(ALL_KINDS),
                AccuracyReportTest::gatedWinsEverywhere), dir);

        BufferedImage image = ImageIO.read(dir.resolve("loss-curves.png").toFile());
        assertNotNull(image, "not a readable image");
        // One setting (relu) × three degrees, below the legend.
        assertEquals(3 * LossCurveChart.PANEL_WIDTH, image.getWidth());
        assertTrue(image.getHeight() > LossCurveChart.PANEL_HEIGHT, "height " + image.getHeight());
        assertTrue(image.getHeight() < 2 * LossCurveChart.PANEL_HEIGHT, "height " + image.getHeight());
        assertTrue(hasPixelNear(image, KindColours.of(GATED).getRGB()), "no gated line drawn");
        assertTrue(hasPixelNear(image, KindColours.of(PLAIN).getRGB()), "no plain line drawn");
    }

    /**
     * Two activations × two widths, so labels name the hyperparameters; silu at width 20 has cells
     * where every run diverged: gated at n = 2 (plain finished), every kind at n = 3 at step 0.
     */
    @Test
    void severalConfigsAndCellsWhereEveryRunDiverged(@TempDir Path dir) throws IOException {
        Grid grid = new Grid(List.of(Activation.RELU, Activation.SILU), ALL_KINDS, Target.powers(List.of(1, 2, 3)),
                List.of(Sizing.equalWidth(10), Sizing.equalWidth(20)),
                List.of(1), List.of(0.01), 64, 40, 3, 7);
        SweepResult sweep = SyntheticSweeps.sweepOf(grid, spec -> {
            boolean troubled = spec.model().activation() == Activation.SILU && spec.model().width() == 20;
            if (troubled && spec.target().degree() == 3) {
                return SyntheticSweeps.diverged(spec, 0);
            }
            if (troubled && spec.target().degree() == 2 && spec.model().kind() == GATED) {
                return SyntheticSweeps.diverged(spec, 5);
            }
            return SyntheticSweeps.run(spec, gatedWinsEverywhere(spec.model().activation(),
                    spec.model().kind(), spec.target().degree(), spec.seed() - 7));
        });
        AccuracyReport.writeAll(sweep, dir);

        String md = Files.readString(dir.resolve("accuracy.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("## relu, equal width 10\n"), md);
        assertTrue(md.contains("## silu, equal width 20\n"), md);
        assertTrue(md.contains("seeds 7–9"), md);
        String troubled = md.substring(md.indexOf("## silu, equal width 20"));
        assertTrue(troubled.contains("| 3 | all 3 diverged | all 3 diverged | all 3 diverged | — |"), troubled);
        assertTrue(troubled.contains("| 2 | gated vs plain | n/a | 0 : 0 (3 unpaired) | — | — | no seed finished both |"),
                troubled);
        String reading = reading(troubled);
        assertTrue(reading.contains(ClaimReading.CLAIM_1 + " does not hold for n = 2 (silu, "
                + "equal width 20): every gated run diverged; plain median 2.00e-03."), reading);
        assertTrue(reading.contains("At n = 3 it cannot be judged: every gated and plain run diverged."), reading);
        assertTrue(reading.contains(ClaimReading.CLAIM_2 + " holds for silu, equal width 20 wherever "
                + "it can be judged: n = 2 (squared median 1.00e-04): every gated run diverged."), reading);
        assertTrue(reading.contains("At n = 3 it cannot be judged: every squared and gated run diverged."), reading);

        BufferedImage image = ImageIO.read(dir.resolve("loss-curves.png").toFile());
        assertNotNull(image);
        assertEquals(3 * LossCurveChart.PANEL_WIDTH, image.getWidth());
        assertTrue(image.getHeight() > 4 * LossCurveChart.PANEL_HEIGHT, "height " + image.getHeight());
        assertTrue(image.getHeight() < 5 * LossCurveChart.PANEL_HEIGHT, "height " + image.getHeight());
    }

    private static boolean hasPixelNear(BufferedImage image, int rgb) {
        for (int y = LossCurveChart.PANEL_HEIGHT / 4; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int distance = Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff))
                        + Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) + Math.abs((p & 0xff) - (rgb & 0xff));
                if (distance < 12) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String markdown(Path dir, SyntheticSweeps.FinalMse finalMse, List<LayerKind> kinds)
            throws IOException {
        AccuracyReport.writeAll(SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(kinds), finalMse), dir);
        return Files.readString(dir.resolve("accuracy.md"), StandardCharsets.UTF_8);
    }

    /** The text of the (only) "Reading" paragraph. */
    private static String reading(String markdown) {
        int start = markdown.indexOf("**Reading.** ");
        assertTrue(start >= 0, markdown);
        int end = markdown.indexOf("\n\n", start);
        return markdown.substring(start, end);
    }
}
