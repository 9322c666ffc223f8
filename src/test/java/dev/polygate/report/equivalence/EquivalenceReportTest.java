package dev.polygate.report.equivalence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            runs.add(new TrainingResult(spec, spec.model().layout().size(), m, curve, false, -1, 0.1, new float[0]));
        }
        return new SweepResult(grid, runs, ENVIRONMENT, 2, 3.5);
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
        String md = report(dir, spec -> {
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
        });
        assertTrue(md.contains("| relu | equal width 4 | — | n = 1, 2, 3 | — |"), md);
        assertTrue(md.contains("| silu | equal width 4 | n = 1, 2, 3 | — | — |"), md);
        assertTrue(md.contains("| 0.00781 | gated g lower |"), md);   // exact: 2 / 2⁸
        // relu: told apart at n = 1, 2, 3; silu: alternating seeds, not told apart, interval past 2×.
        assertTrue(md.contains("The study's equivalence is shown in 0 of 12 (gate, sizing, n) cells (the per-seed "
                + "ratio's interval within 2.00×), refuted in 6 (the paired test tells gated-with-g and plain-with-∫g "
                + "apart at α = 0.0500), and not shown in the other 6"), md);
        assertTrue(md.contains("For relu at equal width 4: gated relu lower at n = 1 (ratio "), md);
        assertTrue(md.contains("for n ≥ 2, plain ∫g fit better than plain g in 8 of 8 (gate, sizing, n) cells"), md);
        assertTrue(md.contains("With 8 seeds the smallest attainable p is 0.00781."), md);
        // Widths: gated at 4 has 5·4 + 1 = 21 parameters; plain 3w + 1 comes closest at w = 7 (22).
        assertTrue(md.contains("plain ∫g width 7 (22 parameters)"), md);
    }

    @Test
    void identicalPairsAreIndistinguishableAndWithinTheFactor(@TempDir Path dir) throws IOException {
        String md = report(dir, spec -> 1e-3 * spread(spec.seed()));
        assertTrue(md.contains("The study's equivalence holds in our runs: in every (gate, sizing, n) cell the "
                + "interval of the per-seed ratio gated-with-g / plain-with-∫g lies within 2.00×."), md);
        assertTrue(md.contains("indistinguishable, within 2.00×"), md);
    }

    /** Two seeds can never reach p < 0.05: nothing is told apart, and the reading does not call that "holds". */
    @Test
    void tooFewSeedsToTellAnythingApartIsNotCalledEquivalence(@TempDir Path dir) throws IOException {
        String md = reportWithSeeds(dir, 2, spec -> 1e-3 * spread(spec.seed())
                * (spec.model().kind() == dev.polygate.model.LayerKind.GATED ? 50 : 1));
        assertTrue(!md.contains("equivalence holds"), md);
        assertTrue(md.contains("With 2 seeds no pair can be told apart at α = 0.0500 (the smallest attainable p is "
                + "0.500), so no cell can be refuted either."), md);
    }
}
