package dev.polygate.report.accuracy;

import static dev.polygate.report.accuracy.ClaimReading.Outcome.FAILS;
import static dev.polygate.report.accuracy.ClaimReading.Outcome.HOLDS_AS_BASELINE_DIVERGED;
import static dev.polygate.report.accuracy.ClaimReading.Outcome.HOLDS_WITHIN_MARGIN;
import static dev.polygate.report.accuracy.ClaimReading.Outcome.NOT_SHOWN;
import static dev.polygate.report.accuracy.ClaimReading.Outcome.UNDECIDED;
import static dev.polygate.report.format.MarkdownTables.where;

import dev.polygate.report.format.KindColours;
import dev.polygate.report.format.MarkdownTables;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.runs.StoreFixtures;
import dev.polygate.report.runs.SweepStores;
import dev.polygate.report.stats.PairedTest;

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
import dev.polygate.experiment.store.StoreReader;
import dev.polygate.experiment.store.StoredRuns;
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
import java.util.Map;
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

    /** The report's own files; the runs themselves are in the sweep's store beside them, which the sweep writes. */
    @Test
    void writesTheThreeFilesAndLeavesNoTempFiles(@TempDir Path dir) throws IOException {
        AccuracyReport.writeAll(SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(ALL_KINDS),
                AccuracyReportTest::gatedWinsEverywhere), dir);

        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertEquals(Set.of("accuracy.md", "accuracy.csv", "loss-curves.png"), names);
        }
        for (String name : List.of("accuracy.md", "accuracy.csv", "loss-curves.png")) {
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

    /**
     * What accuracy.json held now sits in the sweep's store, one JSON line per run, written by
     * RunRecordJson (as the sweep writes it): the environment, the grid (under "design"), every run
     * with its settings and full curve, nulls for non-finite values; read back through StoreReader
     * it is the same sweep. (accuracy.json's sweep threads and wall time are gone: the store keeps
     * each run's own time, which the report sums.)
     */
    @Test
    void storeLinesParseBackWithEveryRunAndNullsForNonFiniteValues(@TempDir Path dir) throws IOException {
        SweepResult sweep = SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(ALL_KINDS),
                AccuracyReportTest::gatedWinsEverywhere);
        Path store = StoreFixtures.writeSweep(dir.resolve("sweep-runs.jsonl"), sweep);

        List<String> lines = Files.readAllLines(store, StandardCharsets.UTF_8);
        assertEquals(sweep.runs().size(), lines.size());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            TrainingResult expected = sweep.runs().get(i);
            JsonNode run = mapper.readTree(lines.get(i));
            assertEquals("polygate-run/1", run.get("format").asText());
            assertEquals("9.9.9-test", run.get("environment").get("polygateVersion").asText());
            assertEquals("Test CPU @ 1 GHz", run.get("environment").get("cpu").asText());
            assertEquals(256, run.get("environment").get("vectorBits").asInt());
            JsonNode grid = run.get("design");
            assertEquals("relu", grid.get("activations").get(0).asText());
            assertEquals("squared", grid.get("kinds").get(1).asText());
            assertEquals(3, grid.get("seeds").asInt());
            assertEquals(expected.spec().seed(), run.get("seed").asLong());
            assertEquals(expected.spec().model().kind().cliName(), run.get("kind").asText());
            assertEquals(1, run.get("curve").get("block").asInt(), "full curves");
            JsonNode curve = run.get("curve").get("points");
            float[] values = expected.curve().values();
            assertEquals(values.length, curve.size());
            assertEquals(values.length, run.get("curve").get("length").asInt());
            for (int t = 0; t < curve.size(); t++) {
                if (Float.isFinite(values[t])) {
                    // Written as a float's shortest decimal: reads back to the same float exactly.
                    assertEquals(values[t], (float) curve.get(t).asDouble(), "run " + i + " step " + t);
                } else {
                    assertTrue(curve.get(t).isNull(), "run " + i + " step " + t);
                }
            }
        }
        JsonNode divergedRun = mapper.readTree(lines.get(4));
        assertEquals("diverged", divergedRun.get("status").asText());
        assertTrue(divergedRun.get("finalMse").isNull());
        assertEquals(20, divergedRun.get("divergedAt").asInt());
        assertEquals(21, divergedRun.get("curve").get("points").size());
        JsonNode finishedRun = mapper.readTree(lines.get(0));
        assertEquals("finished", finishedRun.get("status").asText());
        assertTrue(finishedRun.get("divergedAt").isNull());
        assertEquals(0.01, finishedRun.get("finalMse").asDouble());

        // Read back, it is the same sweep: grid, environment, and every run bit for bit.
        List<StoredRuns> read = StoreReader.read(List.of(store), note -> { });
        assertEquals(1, read.size());
        assertTrue(read.get(0).complete());
        SweepResult back = read.get(0).toSweepResult();
        assertEquals(sweep.grid(), back.grid());
        assertEquals(List.of(SyntheticSweeps.ENVIRONMENT), back.environments());
        for (int i = 0; i < sweep.runs().size(); i++) {
            TrainingResult a = sweep.runs().get(i);
            TrainingResult b = back.runs().get(i);
            assertEquals(a.spec(), b.spec());
            assertEquals(a.curve(), b.curve(), a.spec().id());
            assertEquals(Double.doubleToLongBits(a.finalMse()), Double.doubleToLongBits(b.finalMse()), a.spec().id());
            assertEquals(a.diverged(), b.diverged());
            assertEquals(a.divergedAt(), b.divergedAt());
            assertEquals(a.parameterCount(), b.parameterCount());
            assertEquals(a.wallSeconds(), b.wallSeconds());
        }
    }

    /**
     * The report of a sweep read back from its store is the report of the sweep itself: with full
     * curves byte for byte; with curves thinned to blocks (the store's default) every table and the
     * CSV too (only the Files list says how the store keeps its curves).
     */
    @Test
    void theReportFromTheStoreIsTheReportOfTheSweep(@TempDir Path dir) throws IOException {
        SweepResult sweep = SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(ALL_KINDS),
                AccuracyReportTest::gatedWinsEverywhere);
        Path direct = Files.createDirectories(dir.resolve("direct"));
        AccuracyReport.writeAll(sweep, direct);
        String md = Files.readString(direct.resolve("accuracy.md"), StandardCharsets.UTF_8);
        String csv = Files.readString(direct.resolve("accuracy.csv"), StandardCharsets.UTF_8);

        Path full = Files.createDirectories(dir.resolve("full"));
        AccuracyReport.writeAll(SweepStores.read(StoreFixtures.writeSweep(full.resolve("sweep-runs.jsonl"), sweep)), full);
        assertEquals(md, Files.readString(full.resolve("accuracy.md"), StandardCharsets.UTF_8));
        assertEquals(csv, Files.readString(full.resolve("accuracy.csv"), StandardCharsets.UTF_8));

        // 40 steps in blocks of 4: points at 0, 4, …, 40; the diverged run's step 20 is one of them.
        Path thinned = Files.createDirectories(dir.resolve("thinned"));
        SweepResult back = SweepStores.read(StoreFixtures.write(thinned.resolve("sweep-runs.jsonl"), sweep.grid(),
                sweep.runs(), sweep.environment(), 4));
        assertEquals(4, back.runs().get(0).curve().block());
        AccuracyReport.writeAll(back, thinned);
        String thinnedMd = Files.readString(thinned.resolve("accuracy.md"), StandardCharsets.UTF_8);
        assertEquals(md.substring(0, md.indexOf("## Files")), thinnedMd.substring(0, thinnedMd.indexOf("## Files")));
        assertTrue(thinnedMd.contains("at every 4th step and the last"), thinnedMd);
        assertEquals(csv, Files.readString(thinned.resolve("accuracy.csv"), StandardCharsets.UTF_8));
        assertNotNull(ImageIO.read(thinned.resolve("loss-curves.png").toFile()));
    }

    @Test
    void markdownCellShowsMedianAndItsIntervalOverSeeds(@TempDir Path dir) throws IOException {
        String md = markdown(dir, AccuracyReportTest::gatedWinsEverywhere, ALL_KINDS);

        // n = 2: plain 2e-3, 1e-3, 5e-3; gated a tenth; squared a twentieth; best is squared, not shown by the test.
        Map<String, String> two = MarkdownTables.row(md, "best", where("n", "2"));
        assertEquals("2.00e-03 [1.00e-03–5.00e-03]", two.get("plain"));
        assertEquals("1.00e-04 [5.00e-05–2.50e-04]", two.get("squared"));
        assertEquals("2.00e-04 [1.00e-04–5.00e-04]", two.get("gated"));
        assertEquals("squared (not shown)", two.get("best"));
        // n = 1, squared: seeds 0 and 2 finished (5e-4, 1.5e-3), seed 1 diverged.
        assertEquals("1.00e-03 [5.00e-04–1.50e-03] (1 diverged)", MarkdownTables.row(md, "best", where("n", "1")).get("squared"));
        // Paired: gated / plain is 0.1 on every seed, squared / gated 0.5.
        // The log ratios tie in size, so the library's Wilcoxon p is its normal approximation (≈).
        Map<String, String> gatedPlain = paired(md, "2", "gated vs plain");
        assertEquals("0.100 [0.100–0.100]", gatedPlain.get("ratio a / b [interval]"));
        assertEquals("3 : 0", gatedPlain.get("seeds won a : b (ties)"));
        assertTrue(gatedPlain.get("Wilcoxon p").startsWith("≈ "), gatedPlain.toString());
        assertEquals("0.250", gatedPlain.get("sign p"));   // sign test: 2 · (1/2)³
        assertEquals("not distinguishable", gatedPlain.get("verdict"));
        Map<String, String> gatedSquared = paired(md, "2", "gated vs squared");
        assertEquals("2.00 [2.00–2.00]", gatedSquared.get("ratio a / b [interval]"));
        assertEquals("0 : 3", gatedSquared.get("seeds won a : b (ties)"));
        // The smallest exact p with 3 seeds, which the table's note gives.
        assertEquals(0.25, PairedTest.minimumAttainableP(3), 1e-12);
        assertTrue(md.contains(NumberText.pValue(0.25)), md);
        // Seeds, CPU and training time: the numbers of the sweep, wherever the introduction puts them;
        // the time is the runs' own summed (26 finished runs of 0.25 s and one diverged of 0.125 s).
        assertTrue(md.contains("0–2"), md);
        assertTrue(md.contains(SyntheticSweeps.ENVIRONMENT.cpu()), md);
        assertTrue(md.contains("Training took " + NumberText.seconds(6.625)), md);
    }

    /**
     * Three seeds cannot reach p < 0.05 (the smallest exact p is 0.25): gated 10× below plain on
     * every seed is still not shown. The rules themselves, with 8 seeds, are in ClaimReadingTest.
     */
    @Test
    void readingWithThreeSeedsShowsNoClaim() {
        SettingCells stats = settingCells(SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(ALL_KINDS),
                AccuracyReportTest::gatedWinsEverywhere), 0);

        assertEquals(List.of(NOT_SHOWN, NOT_SHOWN), outcomes(ClaimReading.GATED_BEATS_PLAIN, stats));
        PairedTest two = stats.compare(Target.power(2), GATED, PLAIN, PairedComparison.Win.STRICTLY_LOWER).test()
                .orElseThrow();
        assertEquals(0.1, two.ratio().median(), 1e-12);
        assertEquals(3, two.winsA());
        assertEquals(PairedTest.Verdict.NOT_DISTINGUISHABLE, two.verdict(ClaimReading.ALPHA));
        // Squared at half of gated on every seed: the test cannot tell, the interval is within the margin.
        assertEquals(List.of(HOLDS_WITHIN_MARGIN, HOLDS_WITHIN_MARGIN), outcomes(ClaimReading.SQUARED_MATCHES_GATED, stats));
    }

    @Test
    void readingSkipsAClaimWhoseKindIsNotInTheGrid(@TempDir Path dir) throws IOException {
        SettingCells stats = settingCells(SyntheticSweeps.sweep(SyntheticSweeps.smallGrid(List.of(PLAIN, GATED)),
                AccuracyReportTest::gatedWinsEverywhere), 0);

        assertFalse(stats.hasKind(SQUARED), "claim 2 cannot be tested");
        assertEquals(List.of(NOT_SHOWN, NOT_SHOWN), outcomes(ClaimReading.GATED_BEATS_PLAIN, stats));
        // The report is still written, with a reading for claim 1 only.
        String reading = reading(markdown(dir, AccuracyReportTest::gatedWinsEverywhere, List.of(PLAIN, GATED)));
        assertTrue(reading.contains(ClaimReading.CLAIM_1), reading);
    }

    @Test
    void pngDecodesWithOnePanelPerSettingAndDegree(@TempDir Path dir) throws IOException {
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
    void severalSettingsAndCellsWhereEveryRunDiverged(@TempDir Path dir) throws IOException {
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
        SweepCells cells = SweepCells.of(sweep);
        assertEquals(List.of("relu, equal width 10", "relu, equal width 20", "silu, equal width 10",
                "silu, equal width 20"), cells.settings().stream().map(cells::label).toList());
        cells.settings().forEach(setting -> assertTrue(md.contains("## " + cells.label(setting) + "\n"), md));
        assertTrue(md.contains("7–9"), "the seeds: " + md);
        String troubled = md.substring(md.indexOf("## silu, equal width 20"));
        Map<String, String> three = MarkdownTables.row(troubled, "best", where("n", "3"));
        assertEquals(List.of("all 3 diverged", "all 3 diverged", "all 3 diverged", "—"),
                List.of(three.get("plain"), three.get("squared"), three.get("gated"), three.get("best")));
        Map<String, String> unpaired = paired(troubled, "2", "gated vs plain");
        assertEquals(List.of("n/a", "0 : 0 (3 unpaired)", "—", "—", "no seed finished both"),
                List.of(unpaired.get("ratio a / b [interval]"), unpaired.get("seeds won a : b (ties)"),
                        unpaired.get("Wilcoxon p"), unpaired.get("sign p"), unpaired.get("verdict")));
        // Every gated run diverged at n = 2 (plain finished): claim 1 fails and claim 2 holds there;
        // at n = 3 every run diverged: neither can be judged.
        SettingCells stats = settingCells(sweep, 3);
        assertEquals(List.of(FAILS, UNDECIDED), outcomes(ClaimReading.GATED_BEATS_PLAIN, stats));
        assertEquals(List.of(HOLDS_AS_BASELINE_DIVERGED, UNDECIDED), outcomes(ClaimReading.SQUARED_MATCHES_GATED, stats));
        assertEquals(2e-3, stats.cell(Target.power(2), PLAIN).median(), 1e-15);
        assertEquals(1e-4, stats.cell(Target.power(2), SQUARED).median(), 1e-15);

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

    private static SettingCells settingCells(SweepResult sweep, int setting) {
        SweepCells cells = SweepCells.of(sweep);
        return SettingCells.of(cells, cells.settings().get(setting));
    }

    private static List<ClaimReading.Outcome> outcomes(ClaimReading.Claim claim, SettingCells stats) {
        return ClaimReading.judgements(claim, stats).stream().map(ClaimReading.Judgement::outcome).toList();
    }

    /** The paired table's row for one degree and pair, e.g. ("2", "gated vs plain"). */
    private static Map<String, String> paired(String md, String n, String pair) {
        return MarkdownTables.row(md, "a vs b", r -> n.equals(r.get("n")) && pair.equals(r.get("a vs b")));
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
