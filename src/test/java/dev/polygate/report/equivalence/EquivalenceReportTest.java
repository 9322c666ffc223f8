package dev.polygate.report.equivalence;

import static dev.polygate.report.format.MarkdownTables.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.report.format.MarkdownTables;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.stats.PairedTest;
import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EquivalenceReportTest {
    private static final Environment ENVIRONMENT = new Environment("test", "17", "Test VM", "Test", "Linux",
            "Test CPU", 2, 256);

    /** relu and silu, n = 1..3, 8 seeds, width 4: small enough to read every number. */
    private static final EquivalenceDesign DESIGN = new EquivalenceDesign(List.of(Activation.RELU, Activation.SILU),
            List.of(1, 2, 3), 4, 1, 0.01, 50, 10, 8, 0);

    /** Every run of the design's grid finishing at the MSE {@code mse} gives it. */
    private static SweepResult sweep(ToDoubleFunction<RunSpec> mse) {
        return sweep(DESIGN, mse);
    }

    private static SweepResult sweep(EquivalenceDesign design, ToDoubleFunction<RunSpec> mse) {
        Grid grid = design.grid();
        List<TrainingResult> runs = new ArrayList<>();
        for (RunSpec spec : grid.runs()) {
            double m = mse.applyAsDouble(spec);
            float[] curve = {1f, (float) m};
            runs.add(new TrainingResult(spec, spec.model().layout().size(), m, LossCurve.full(curve), false, -1, 0.1,
                    new float[0]));
        }
        return new SweepResult(grid, runs, List.of(ENVIRONMENT));
    }

    private static String report(Path dir, ToDoubleFunction<RunSpec> mse) throws IOException {
        EquivalenceReport.writeAll(DESIGN, sweep(mse), dir);
        assertTrue(ImageIO.read(dir.resolve(EquivalenceReport.PNG).toFile()).getWidth() > 0);
        assertEquals(sweep(mse).runs().size() + 1,
                Files.readAllLines(dir.resolve(EquivalenceReport.CSV), StandardCharsets.UTF_8).size());
        return Files.readString(dir.resolve(EquivalenceReport.MARKDOWN), StandardCharsets.UTF_8);
    }

    /** As {@link #report}, with the design's seed count changed. */
    private static String reportWithSeeds(Path dir, int seeds, ToDoubleFunction<RunSpec> mse) throws IOException {
        EquivalenceDesign design = new EquivalenceDesign(DESIGN.gates(), DESIGN.degrees(), DESIGN.width(),
                DESIGN.depth(), DESIGN.lr(), DESIGN.samples(), DESIGN.steps(), seeds, DESIGN.firstSeed());
        EquivalenceReport.writeAll(design, sweep(design, mse), dir);
        return Files.readString(dir.resolve(EquivalenceReport.MARKDOWN), StandardCharsets.UTF_8);
    }

    /** A seed-dependent spread whose per-seed log ratios all differ in size, so Wilcoxon p is exact. */
    private static double spread(long seed) {
        return 1 + 0.1 * seed + 0.013 * seed * seed;
    }

    @Test
    void pairsThatDifferOnEverySeedAreToldApartAndPairsThatAlternateAreNot(@TempDir Path dir) throws IOException {
        // relu: gated g is 1/(4·spread) of plain ∫g on every seed → gated lower, p = 2/256.
        // silu: gated g is above plain ∫g on even seeds and below on odd ones, by different amounts →
        // not distinguishable.
        ToDoubleFunction<RunSpec> mse = spec -> {
            Activation act = spec.model().activation();
            boolean gated = spec.model().kind() == LayerKind.GATED;
            long s = spec.seed();
            double base = 1e-3 * spec.target().degree();
            if (act == Activation.RELU && gated) {
                return base / (4 * spread(s));
            }
            if (act == Activation.SILU && gated) {
                return base * (s % 2 == 0 ? spread(s) : 1 / spread(s + 8));
            }
            return act.isIntegrated() ? base : base * 10;   // plain g is 10× worse than plain ∫g
        };
        String md = report(dir, mse);
        Map<String, String> relu = MarkdownTables.row(md, "gate", where("gate", "relu").and(where("sizing", "equal width 4")));
        assertEquals(List.of("—", "n = 1, 2, 3", "—"), List.of(relu.get("indistinguishable"), relu.get("gated g lower"),
                relu.get("plain ∫g lower")));
        Map<String, String> silu = MarkdownTables.row(md, "gate", where("gate", "silu").and(where("sizing", "equal width 4")));
        assertEquals(List.of("n = 1, 2, 3", "—", "—"), List.of(silu.get("indistinguishable"), silu.get("gated g lower"),
                silu.get("plain ∫g lower")));
        // relu at n = 1: exact p = 2 / 2⁸, gated lower.
        Map<String, String> reluOne = MarkdownTables.withColumn(md, "Wilcoxon p").get(0);
        assertEquals("0.00781", reluOne.get("Wilcoxon p"));
        assertTrue(reluOne.get("verdict").startsWith("gated g lower"), reluOne.toString());
        // relu: told apart at n = 1, 2, 3; silu: alternating seeds, not told apart, interval past 2×.
        EquivalenceCells cells = new EquivalenceCells(DESIGN, sweep(mse));
        List<EquivalenceMarkdown.Outcome> outcomes = cells.rows().stream().map(EquivalenceMarkdown::outcome).toList();
        assertEquals(12, outcomes.size(), "(gate, sizing, n) cells");
        assertEquals(6, outcomes.stream().filter(o -> o == EquivalenceMarkdown.Outcome.GATED_LOWER).count());
        assertEquals(6, outcomes.stream().filter(o -> o == EquivalenceMarkdown.Outcome.INDISTINGUISHABLE).count());
        assertEquals(0, cells.rows().stream().filter(r -> EquivalenceMarkdown.withinFactor(r.gatedVsIntegral())).count());
        // For n ≥ 2 plain ∫g fits better than plain g (plain g / plain ∫g = 10) in 8 of 8 cells.
        List<EquivalenceCells.Row> higher = cells.rows().stream().filter(r -> r.target().degree() >= 2).toList();
        assertEquals(8, higher.size());
        higher.forEach(r -> assertEquals(10, r.plainVsIntegral().orElseThrow().ratio().median(), 1e-9));
        assertEquals(0.0078125, PairedTest.minimumAttainableP(8), 1e-12);
        // Widths: gated at 4 has 5·4 + 1 = 21 parameters; plain 3w + 1 comes closest at w = 7 (22).
        assertTrue(md.contains("plain ∫g width 7 (22 parameters)"), md);
    }

    @Test
    void identicalPairsAreIndistinguishableAndWithinTheFactor(@TempDir Path dir) throws IOException {
        ToDoubleFunction<RunSpec> mse = spec -> 1e-3 * spread(spec.seed());
        String md = report(dir, mse);
        EquivalenceCells cells = new EquivalenceCells(DESIGN, sweep(mse));
        assertTrue(cells.rows().stream().allMatch(r -> EquivalenceMarkdown.withinFactor(r.gatedVsIntegral())
                && EquivalenceMarkdown.outcome(r) == EquivalenceMarkdown.Outcome.INDISTINGUISHABLE));
        MarkdownTables.withColumn(md, "verdict").forEach(row ->
                assertEquals("indistinguishable, within " + NumberText.ratio(EquivalenceMarkdown.FACTOR) + "×",
                        row.get("verdict")));
    }

    /** Two seeds can never reach p < 0.05: nothing is told apart, and the reading does not call that "holds". */
    @Test
    void tooFewSeedsToTellAnythingApartIsNotCalledEquivalence(@TempDir Path dir) throws IOException {
        String md = reportWithSeeds(dir, 2, spec -> 1e-3 * spread(spec.seed())
                * (spec.model().kind() == dev.polygate.model.LayerKind.GATED ? 50 : 1));
        assertEquals(0.5, PairedTest.minimumAttainableP(2), 1e-12);
        MarkdownTables.withColumn(md, "verdict").forEach(row ->
                assertTrue(row.get("verdict").startsWith("indistinguishable"), row.toString()));
        assertTrue(MarkdownTables.withColumn(md, "verdict").stream()
                .noneMatch(row -> row.get("verdict").contains("within")), "50× apart is not within 2×");
        assertTrue(md.contains(NumberText.pValue(0.5)), md);
    }
}
