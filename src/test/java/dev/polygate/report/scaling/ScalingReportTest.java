package dev.polygate.report.scaling;

import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;
import static dev.polygate.report.format.MarkdownTables.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.ScalingDesign;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.report.format.MarkdownTables;
import dev.polygate.report.format.NumberText;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingReportTest {

    /** relu, three kinds, n = 2 and 3, widths 4–32, T = 10 with a check at 40, 3 seeds. */
    private static ScalingDesign design(int checkFactor) {
        return new ScalingDesign(List.of(Activation.RELU), List.of(PLAIN, SQUARED, GATED), List.of(2, 3),
                List.of(4, 8, 16, 32), 1, 0.01, 64, 10, checkFactor, 3, 0);
    }

    /**
     * Seeds spread by factors of 2 around a power law reached at step 1: plain P^-4 (the published
     * -2 as an RMSE slope, not as an MSE slope), gated P^-3 (the published -3 as an MSE slope),
     * squared P^-2.5; seed 2 of gated at width 8 diverges before T at n = 2.
     */
    private static SweepResult sweep(ScalingDesign design) {
        return ScalingFixtures.sweep(design, (spec, p) -> {
            double exponent = switch (spec.model().kind()) {
                case PLAIN -> -4;
                case SQUARED -> -2.5;
                case GATED -> -3;
                case BILINEAR -> throw new IllegalStateException("not in this design");
            };
            double mse = 0.5 * Math.pow(2, spec.seed() - 1) * Math.pow(p, exponent);
            if (spec.model().kind() == GATED && spec.model().width() == 8 && spec.seed() == 2
                    && spec.target().degree() == 2) {
                return ScalingFixtures.divergingAt(spec, mse, 4);
            }
            return ScalingFixtures.settledAt(spec, mse);
        });
    }

    @Test
    void writesTheThreeFilesAndNothingElse(@TempDir Path dir) throws IOException {
        ScalingReport.writeAll(design(4), sweep(design(4)), dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("scaling.md", "scaling.csv", "scaling.png"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void markdownGivesTheSlopesTheCheckAndNoCrossProtocolComparison(@TempDir Path dir) throws IOException {
        ScalingReport.writeAll(design(4), sweep(design(4)), dir);
        String md = Files.readString(dir.resolve("scaling.md"), StandardCharsets.UTF_8);
        for (String section : List.of("## What this is", "## Slopes", "## Median MSE by width",
                "## Is the slope an optimisation artefact?", "## The published slopes are for another protocol", "## Reading",
                "## Files")) {
            assertTrue(md.contains(section), section);
        }
        // Slopes at T and 4T, each row with its interval; the settled check says so.
        assertTrue(slopeRow(md, "3", "plain").get("slope at 10").startsWith("-4.00 ["), md);
        assertTrue(slopeRow(md, "3", "gated").get("slope at 10").startsWith("-3.00 ["), md);
        Map<String, String> exactGated = slopeRow(md, "2", "gated †");   // n = 2 is exact for gated ReLU
        assertTrue(exactGated.containsValue("11 (1 diverged)"), "gated at n = 2: 12 runs, one diverged: " + exactGated);
        MarkdownTables.withColumn(md, "R²").stream().filter(where("n", "3")).forEach(row ->
                assertTrue(row.values().stream().noneMatch(c -> c.contains("diverged")), "nothing diverged at n = 3"));
        ScalingResults results = ScalingResults.of(design(4), sweep(design(4)));
        assertEquals(6, results.series().size());
        results.series().forEach(series -> assertEquals(SlopeCheck.Verdict.SETTLED,
                results.check(series).orElseThrow().verdict(), series.toString()));
        // No slope of another protocol is set beside ours: the section says why and where the paper's protocol runs.
        assertTrue(md.contains("## The published slopes are for another protocol"), md);
        assertTrue(md.contains("--protocol queiruga") && !md.contains("| published |"), md);
        assertTrue(ExactRepresentation.exact(Activation.RELU, SQUARED, 2) && ExactRepresentation.exact(Activation.RELU, GATED, 2));
        assertFalse(ExactRepresentation.exact(Activation.RELU, PLAIN, 2));
        // Medians: plain width 4 has 13 parameters, median over seeds 0.5·13^-4 (seed 1's value).
        String plainMedian = NumberText.loss((float) (0.5 * Math.pow(13, -4))) + " (×1.00)";
        assertTrue(MarkdownTables.withColumn(md, "parameters").stream().filter(where("width", "4"))
                .anyMatch(row -> "13 / 13 / 21".equals(row.get("parameters")) && plainMedian.equals(row.get("plain"))), md);
        assertTrue(MarkdownTables.withColumn(md, "parameters").stream().map(row -> row.get("gated †"))
                .anyMatch(cell -> cell != null && cell.endsWith("(×1.00; 1 of 3 diverged)")), md);
        assertTrue(md.contains("`polygate scaling --activations relu --kinds plain,squared,gated --degrees 2,3 "
                + "--width 4,8,16,32 --depth 1 --lr 0.01 --samples 64 --steps 10 --check-factor 4 --seeds 3 "
                + "--first-seed 0 --out DIR`"), md);
        // Training time: the runs' own times summed, 0.1 s each.
        assertTrue(md.contains("Training took " + NumberText.seconds(0.1 * design(4).grid().runs().size())), md);
    }

    /** The slope table's row for degree n and kind (as the table labels it, "gated †" where exact). */
    private static Map<String, String> slopeRow(String md, String n, String kind) {
        return MarkdownTables.row(md, "R²", where("n", n).and(where("kind", kind)));
    }

    @Test
    void withoutACheckTheReportSaysItWasSkipped(@TempDir Path dir) throws IOException {
        ScalingReport.writeAll(design(1), sweep(design(1)), dir);
        String md = Files.readString(dir.resolve("scaling.md"), StandardCharsets.UTF_8);
        assertFalse(design(1).checks());
        assertTrue(MarkdownTables.withColumn(md, "intervals overlap").isEmpty(), "no check table");
        assertFalse(md.contains("(×"), "no ratios without a second reading");
        String csv = Files.readString(dir.resolve("scaling.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.lines().skip(1).allMatch(l -> l.split(",", -1)[12].isEmpty()), "no check_steps");
    }

    @Test
    void csvHasOneRowPerRunWithBothReadings(@TempDir Path dir) throws IOException {
        SweepResult sweep = sweep(design(4));
        ScalingReport.writeAll(design(4), sweep, dir);
        String csv = Files.readString(dir.resolve("scaling.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.endsWith("\r\n"));
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", ScalingCsv.HEADER), lines.get(0));
        assertEquals(sweep.runs().size() + 1, lines.size());
        assertEquals(3 * 2 * 4 * 3, sweep.runs().size());
        // relu,plain,2,4,...: seed 0, width 4: 0.25·13^-4 held from step 1 to 40.
        String first = lines.get(1);
        String v = Float.toString((float) (0.25 * Math.pow(13, -4)));
        assertEquals("relu,plain,2,4,1,0.01,64,0,13,10," + v + "," + v + ",40," + v + "," + v + ",false,,0.1,", first);
        String diverged = lines.stream().filter(l -> l.startsWith("relu,gated,2,8,1,0.01,64,2,")).findFirst()
                .orElseThrow();
        assertTrue(diverged.endsWith(",10,,,40,,,true,4,0.1,"), diverged);
    }

    @Test
    void pngHasOnePanelPerActivationAndDegree(@TempDir Path dir) throws IOException {
        ScalingReport.writeAll(design(4), sweep(design(4)), dir);
        BufferedImage image = ImageIO.read(dir.resolve("scaling.png").toFile());
        assertNotNull(image);
        assertEquals(2 * ScalingChart.PANEL_WIDTH, image.getWidth());
        assertTrue(image.getHeight() > ScalingChart.PANEL_HEIGHT);
    }

    @Test
    void theLegendNamesTheSlopeAndMarksExactTargets() {
        var fit = new dev.polygate.report.stats.PowerLawFit(-2.314, -2.62, -2.0, 0.1, 0, 0.9, 21);
        assertEquals("gated: slope -2.31 [-2.62, -2.00]",
                ScalingChart.legendText(new Series(Activation.RELU, GATED, 3), fit));
        assertEquals("gated: slope -2.31 [-2.62, -2.00] (exact: no scaling)",
                ScalingChart.legendText(new Series(Activation.RELU, GATED, 2), fit));
    }
}
