package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.store.RunRecord;
import dev.polygate.experiment.store.RunRecordJson;
import dev.polygate.experiment.store.RunStore;
import dev.polygate.experiment.store.Shard;
import dev.polygate.train.RunTrainer;
import dev.polygate.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The run store through the commands (issue 11): resuming over a torn line, shards and their merge,
 * conflicting records and another design refused, failed runs recorded and retried, and polygate
 * report re-rendering every kind of report from stores alone. Killing a sweep mid-run is
 * {@link KillResumeTest}.
 */
class RunStoreCommandsTest {
    @TempDir
    Path tmp;

    /** 1 activation x 2 kinds x 1 degree x 2 seeds: 4 tiny runs. */
    private static final List<String> TINY = List.of("sweep", "--activations", "relu", "--kinds", "plain,gated",
            "--degrees", "2", "--match", "width", "--seeds", "2", "--steps", "40", "--samples", "64", "--threads", "2");

    /**
     * 4 kinds x 2 degrees x 2 seeds at equal width and equal parameters (plain and squared at width
     * 17 too): 24 runs of 6 different costs, for shards worth balancing.
     */
    private static final List<String> MIXED = List.of("sweep", "--activations", "relu", "--kinds",
            "plain,squared,gated,bilinear", "--degrees", "2,3", "--seeds", "2", "--steps", "40", "--samples", "64",
            "--threads", "2", "--quiet");
    private static final int MIXED_RUNS = 24;

    private static final List<String> ACCURACY = List.of("accuracy.md", "accuracy.csv", "loss-curves.png");

    private static String[] args(List<String> base, Path out, String... more) {
        return CommandRun.withOut(base, out, more);
    }

    private static CommandRun ok(String... args) {
        return CommandRun.ok(args);
    }

    /** As CommandRun.run, each sweep run trained by {@code trainer}. */
    private static CommandRun runWith(RunTrainer trainer, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Streams(null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), trainer);
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Set<String> filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static Path store(Path dir) {
        return dir.resolve(RunStore.fileName("sweep"));
    }

    // ---------------------------------------------------------------- the comparison helper itself

    /** The helper that the other tests trust must see a changed number, and only times may differ. */
    @Test
    void theComparisonSeesAChangedNumberButNotAChangedTime() throws IOException {
        Path a = tmp.resolve("a");
        ok(args(TINY, a, "--quiet"));
        Path b = tmp.resolve("b");
        Files.createDirectories(b);
        for (String f : ACCURACY) {
            Files.copy(a.resolve(f), b.resolve(f));
        }
        ReportComparison.assertReportsEqualExceptTimes(a, b, ACCURACY.toArray(String[]::new));

        // csv: another wall time passes; one changed digit of a final MSE does not.
        String csv = Files.readString(a.resolve("accuracy.csv"));
        List<List<String>> rows = ReportComparison.csv(csv);
        int mse = rows.get(0).indexOf("final_mse");
        int wall = rows.get(0).indexOf("wall_seconds");
        assertTrue(mse >= 0 && wall >= 0, rows.get(0).toString());
        String row = csv.split("\r\n")[2];
        String mseText = rows.get(2).get(mse);
        Files.writeString(b.resolve("accuracy.csv"), csv.replace(row, row.replace(rows.get(2).get(wall), "123.5")));
        ReportComparison.assertCsvEqualExceptTimes(a.resolve("accuracy.csv"), b.resolve("accuracy.csv"));
        String changed = withOneDigitChanged(mseText);
        Files.writeString(b.resolve("accuracy.csv"), csv.replace(mseText, changed));
        assertThrows(AssertionFailedError.class,
                () -> ReportComparison.assertCsvEqualExceptTimes(a.resolve("accuracy.csv"), b.resolve("accuracy.csv")));

        // md: another "Training took" passes; any other changed number does not.
        String md = Files.readString(a.resolve("accuracy.md"));
        Matcher took = Pattern.compile("Training took [0-9.]+ s").matcher(md);
        assertTrue(took.find(), "the markdown states its training time");
        Files.writeString(b.resolve("accuracy.md"), took.replaceFirst("Training took 9876.5 s"));
        ReportComparison.assertMarkdownEqualExceptTimes(a.resolve("accuracy.md"), b.resolve("accuracy.md"));
        assertTrue(md.contains("64 samples"), md);
        Files.writeString(b.resolve("accuracy.md"), md.replace("64 samples", "65 samples"));
        assertThrows(AssertionFailedError.class,
                () -> ReportComparison.assertMarkdownEqualExceptTimes(a.resolve("accuracy.md"), b.resolve("accuracy.md")));

        // png: one byte.
        byte[] png = Files.readAllBytes(a.resolve("loss-curves.png"));
        png[png.length / 2] ^= 1;
        Files.write(b.resolve("loss-curves.png"), png);
        assertThrows(AssertionFailedError.class,
                () -> ReportComparison.assertReportsEqualExceptTimes(a, b, "loss-curves.png"));

        // records: one final MSE one ulp off.
        Path c = tmp.resolve("c");
        Files.createDirectories(c);
        Files.writeString(store(c), withFinalMseNudged(Files.readString(store(a)), 1));
        assertThrows(AssertionFailedError.class, () -> ReportComparison.assertSameRunResults(store(a), store(c)));
    }

    /** The number's last mantissa digit changed: "1.25E-5" to "1.26E-5". */
    private static String withOneDigitChanged(String number) {
        int e = number.indexOf('E');
        int i = (e < 0 ? number.length() : e) - 1;
        char d = number.charAt(i);
        assertTrue(Character.isDigit(d), number);
        return number.substring(0, i) + (char) ('0' + (d - '0' + 1) % 10) + number.substring(i + 1);
    }

    // ---------------------------------------------------------------- torn last line

    @Test
    void aTornLastLineIsDroppedWithANoteAndItsRunTrainedAgain() throws IOException {
        Path dir = tmp.resolve("out");
        ok(args(TINY, dir, "--quiet"));
        Path whole = tmp.resolve("whole.jsonl");
        Files.copy(store(dir), whole);
        List<String> lines = Files.readAllLines(store(dir));
        assertEquals(4, lines.size());
        // The last record cut half-way, as a crash mid-write leaves it.
        String last = lines.get(3);
        Files.writeString(store(dir), String.join("\n", lines.subList(0, 3)) + "\n" + last.substring(0, last.length() / 2));

        CommandRun again = ok(args(TINY, dir));
        assertTrue(again.err().contains("sweep: dropped a torn last line (" + (last.length() / 2) + " bytes"), again.err());
        assertTrue(again.err().contains("4 runs, 3 already in " + store(dir) + ", 1 to train"), again.err());
        assertTrue(again.out().contains("4 runs stored (0 diverged, 0 failed; 1 trained now"), again.out());

        List<String> after = Files.readAllLines(store(dir));
        assertEquals(4, after.size(), "every run once");
        assertTrue(Files.readString(store(dir)).endsWith("\n"), "the torn bytes were cut off");
        assertEquals(4, after.stream().map(l -> RunRecordJson.parse(l).record().spec().id()).distinct().count());
        ReportComparison.assertSameRunResults(whole, store(dir));

        // A third run trains nothing.
        CommandRun third = ok(args(TINY, dir));
        assertTrue(third.out().contains("0 trained now"), third.out());
        assertFalse(third.err().contains("torn"), third.err());
        assertEquals(after, Files.readAllLines(store(dir)));
    }

    // ---------------------------------------------------------------- shards, merge, report

    @Test
    void threeShardsTrainDisjointCostBalancedSharesWhoseMergeReportsAsTheWholeSweep() throws IOException {
        Path whole = tmp.resolve("whole");
        ok(args(MIXED, whole));
        Map<String, RunRecord> all = ReportComparison.recordsById(store(whole));
        assertEquals(MIXED_RUNS, all.size());

        List<Path> shards = new ArrayList<>();
        List<Set<String>> shares = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path dir = tmp.resolve("shard" + i);
            CommandRun r = ok(args(MIXED, dir, "--shard", i + "/3"));
            assertTrue(r.out().contains("shard " + i + "/3 done"), r.out());
            assertEquals(Set.of("sweep-runs.jsonl"), filesIn(dir), "a shard writes its store and no report");
            Map<String, RunRecord> share = ReportComparison.recordsById(store(dir));
            assertFalse(share.isEmpty());
            assertEquals(share.size(), Files.readAllLines(store(dir)).size(), "each run once");
            shards.add(dir);
            shares.add(share.keySet());
        }

        // Disjoint, and together the grid exactly once.
        Set<String> union = new HashSet<>();
        int total = 0;
        for (Set<String> share : shares) {
            union.addAll(share);
            total += share.size();
        }
        assertEquals(MIXED_RUNS, total, "no run in two shards");
        assertEquals(all.keySet(), union, "every run in some shard");

        // Balanced by cost: the LPT deal's largest share exceeds the ideal (a third) by less than one run.
        double[] loads = new double[3];
        double largestRun = 0;
        double sum = 0;
        for (RunRecord r : all.values()) {
            double cost = Shard.cost(r.spec());
            largestRun = Math.max(largestRun, cost);
            sum += cost;
            for (int s = 0; s < 3; s++) {
                if (shares.get(s).contains(r.spec().id())) {
                    loads[s] += cost;
                }
            }
        }
        Set<Double> distinctCosts = all.values().stream().map(r -> Shard.cost(r.spec())).collect(Collectors.toSet());
        assertTrue(distinctCosts.size() >= 4, "a grid of mixed costs: " + distinctCosts);
        for (int s = 0; s < 3; s++) {
            assertTrue(loads[s] <= sum / 3 + largestRun, "shard " + (s + 1) + " costs " + loads[s] + ", ideal " + sum / 3
                    + ", largest run " + largestRun);
        }

        // merge → report equals the unsharded run's report in every number.
        Path merged = tmp.resolve("merged");
        List<String> mergeArgs = new ArrayList<>(List.of("merge"));
        shards.forEach(p -> mergeArgs.add(store(p).toString()));
        mergeArgs.addAll(List.of("--out", merged.toString()));
        CommandRun m = ok(mergeArgs.toArray(String[]::new));
        assertTrue(m.out().contains(MIXED_RUNS + " of " + MIXED_RUNS + " runs from 3 stores"), m.out());
        assertEquals(Set.of("sweep-runs.jsonl"), filesIn(merged));
        Path report = tmp.resolve("report");
        ok("report", "--runs", merged.toString(), "--out", report.toString());
        ReportComparison.assertReportsEqualExceptTimes(whole, report, ACCURACY.toArray(String[]::new));
        ReportComparison.assertSameRunResults(store(whole), store(merged));

        // report straight from the three shard stores, no merge: the same.
        Path direct = tmp.resolve("direct");
        ok("report", "--runs", shards.get(0).toString(), "--runs", shards.get(1).toString(), "--runs",
                shards.get(2).toString(), "--out", direct.toString());
        ReportComparison.assertReportsEqualExceptTimes(whole, direct, ACCURACY.toArray(String[]::new));
    }

    @Test
    void reportRefusesAStoreThatLacksRuns() throws IOException {
        Path shard = tmp.resolve("shard");
        ok(args(TINY, shard, "--quiet", "--shard", "1/3"));
        int stored = Files.readAllLines(store(shard)).size();
        assertTrue(stored >= 1 && stored < 4, "one shard holds part of the grid: " + stored);
        Path out = tmp.resolve("report");
        CommandRun r = CommandRun.run("", "report", "--runs", shard.toString(), "--out", out.toString());
        r.assertUsageError("report:", "lack " + (4 - stored) + " of the 4 runs", "merge");
        assertFalse(Files.exists(out), "nothing written");

        // The same through merge: merge says what is missing; report then refuses.
        Path merged = tmp.resolve("merged");
        CommandRun m = ok("merge", shard.toString(), "--out", merged.toString());
        assertTrue(m.out().contains((4 - stored) + " runs still missing"), m.out());
        CommandRun r2 = CommandRun.run("", "report", "--runs", merged.toString(), "--out", out.toString());
        r2.assertUsageError("lack " + (4 - stored) + " of the 4 runs");
        assertFalse(Files.exists(out), "nothing written");
    }

    // ---------------------------------------------------------------- conflicting records

    @Test
    void twoRecordsOfOneRunWithDifferentResultsAreRefusedByMergeAndReport() throws IOException {
        Path a = tmp.resolve("a");
        ok(args(TINY, a, "--quiet"));
        Path b = tmp.resolve("b");
        Files.createDirectories(b);
        String original = Files.readString(store(a));
        String edited = withFinalMseNudged(original, 1);
        Files.writeString(store(b), edited);
        // Still a valid record, of the same run id: only its result differs.
        RunRecord before = RunRecordJson.parse(original.split("\n")[1]).record();
        RunRecord after = RunRecordJson.parse(edited.split("\n")[1]).record();
        assertEquals(before.runId(), after.runId());
        assertFalse(before.sameResult(after));
        String runId = before.spec().id();

        Path merged = tmp.resolve("merged");
        CommandRun m = CommandRun.run("", "merge", a.toString(), b.toString(), "--out", merged.toString());
        m.assertUsageError("merge:", runId, "different results", store(a).toString(), store(b).toString());
        assertFalse(Files.exists(merged), "nothing written");
        Path emptyOut = tmp.resolve("empty");
        Files.createDirectories(emptyOut);
        CommandRun.run("", "merge", a.toString(), b.toString(), "--out", emptyOut.toString())
                .assertUsageError(runId);
        assertEquals(Set.of(), filesIn(emptyOut), "nothing written");

        Path report = tmp.resolve("report");
        CommandRun r = CommandRun.run("", "report", "--runs", a.toString(), "--runs", b.toString(), "--out",
                report.toString());
        r.assertUsageError("report:", runId, "different results");
        assertFalse(Files.exists(report), "nothing written");

        // The inputs are untouched; the same record twice is no conflict.
        assertEquals(original, Files.readString(store(a)));
        assertEquals(edited, Files.readString(store(b)));
        Files.writeString(store(b), original);
        ok("merge", a.toString(), b.toString(), "--out", merged.toString());
        assertEquals(4, Files.readAllLines(store(merged)).size());
    }

    /** The store's text with the finalMse of its line {@code index} moved one ulp up; the rest unchanged. */
    private static String withFinalMseNudged(String storeText, int index) {
        String[] lines = storeText.split("\n", -1);
        Matcher m = Pattern.compile("\"finalMse\":([^,]+),").matcher(lines[index]);
        assertTrue(m.find(), lines[index]);
        double mse = Double.parseDouble(m.group(1));
        lines[index] = lines[index].substring(0, m.start(1)) + Math.nextUp(mse) + lines[index].substring(m.end(1));
        return String.join("\n", lines);
    }

    // ---------------------------------------------------------------- another design, --fresh

    @Test
    void aStoreOfAnotherDesignIsRefusedAndFreshMovesItAside() throws IOException {
        Path dir = tmp.resolve("out");
        ok(args(TINY, dir, "--quiet"));
        byte[] oldStore = Files.readAllBytes(store(dir));
        byte[] oldMd = Files.readAllBytes(dir.resolve("accuracy.md"));

        List<String> threeSeeds = new ArrayList<>(TINY);
        threeSeeds.set(threeSeeds.indexOf("--seeds") + 1, "3");
        CommandRun r = CommandRun.run("", args(threeSeeds, dir));
        r.assertUsageError("sweep:", store(dir).toString(), "another design", "seeds 3 here, 2 there", "--fresh");
        assertArrayEquals(oldStore, Files.readAllBytes(store(dir)), "store untouched");
        assertArrayEquals(oldMd, Files.readAllBytes(dir.resolve("accuracy.md")), "report untouched");
        assertEquals(Set.of("sweep-runs.jsonl", "accuracy.md", "accuracy.csv", "loss-curves.png"), filesIn(dir));

        CommandRun fresh = ok(args(threeSeeds, dir, "--fresh"));
        assertTrue(fresh.err().contains("moved the old store aside to " + store(dir) + "."), fresh.err());
        assertTrue(fresh.out().contains("6 runs stored (0 diverged, 0 failed; 6 trained now"), fresh.out());
        List<String> aside = filesIn(dir).stream().filter(f -> f.startsWith("sweep-runs.jsonl.")).toList();
        assertEquals(1, aside.size(), filesIn(dir).toString());
        assertArrayEquals(oldStore, Files.readAllBytes(dir.resolve(aside.get(0))), "the old store, whole");
        Map<String, RunRecord> now = ReportComparison.recordsById(store(dir));
        assertEquals(6, now.size());
        assertEquals(Set.of(0L, 1L, 2L), now.values().stream().map(x -> x.spec().seed()).collect(Collectors.toSet()));
    }

    /**
     * --fresh when the name the old store would be moved to is taken (--fresh twice within one
     * second): neither the store moved aside before nor the old store is lost, and the command works.
     */
    @Test
    void freshNeverOverwritesNorFailsOnAStoreMovedAsideInTheSameSecond() throws IOException {
        Path dir = tmp.resolve("out");
        List<String> one = new ArrayList<>(TINY);
        one.set(one.indexOf("--seeds") + 1, "1");
        ok(args(one, dir, "--quiet"));
        byte[] old = Files.readAllBytes(store(dir));
        // Every name the move could pick in the next few seconds is taken already.
        LocalDateTime now = LocalDateTime.now();
        List<Path> taken = new ArrayList<>();
        for (int s = -1; s <= 5; s++) {
            Path p = dir.resolve("sweep-runs.jsonl." + now.plusSeconds(s).format(
                    DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
            Files.writeString(p, "moved aside earlier " + s + "\n");
            taken.add(p);
        }
        CommandRun fresh = ok(args(one, dir, "--quiet", "--fresh"));
        assertTrue(fresh.err().contains("moved the old store aside to "), fresh.err());
        for (int s = 0; s < taken.size(); s++) {
            assertEquals("moved aside earlier " + (s - 1) + "\n", Files.readString(taken.get(s)), "left alone");
        }
        List<Path> holdingOld = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("sweep-runs.jsonl.")).toList()) {
                if (java.util.Arrays.equals(old, Files.readAllBytes(p))) {
                    holdingOld.add(p);
                }
            }
        }
        assertEquals(1, holdingOld.size(), "the old store, moved aside once: " + filesIn(dir));
        assertTrue(fresh.err().contains(holdingOld.get(0).toString()), fresh.err());
        assertEquals(2, Files.readAllLines(store(dir)).size(), "a new store");
    }

    /** More shards than runs: a shard with nothing to train is done at once, and the merge is whole. */
    @Test
    void aShardWithNoRunsIsDoneAndTheMergeOfAllShardsIsComplete() throws IOException {
        Path whole = tmp.resolve("whole");
        ok(args(TINY, whole, "--quiet"));
        List<String> mergeArgs = new ArrayList<>(List.of("merge"));
        int stored = 0;
        for (int i = 1; i <= 5; i++) {
            Path dir = tmp.resolve("shard" + i);
            CommandRun r = ok(args(TINY, dir, "--shard", i + "/5"));   // not --quiet: the progress lines too
            assertTrue(r.out().contains("shard " + i + "/5 done"), r.out());
            int lines = Files.readAllLines(store(dir)).size();
            stored += lines;
            mergeArgs.add(dir.toString());
            if (i == 5) {
                assertEquals(0, lines, "4 runs in 5 shards: the fifth is empty");
                assertTrue(r.out().startsWith("sweep: 0 runs stored"), r.out());
            }
        }
        assertEquals(4, stored);
        Path merged = tmp.resolve("merged");
        mergeArgs.addAll(List.of("--out", merged.toString()));
        CommandRun m = ok(mergeArgs.toArray(String[]::new));
        assertTrue(m.out().contains("4 of 4 runs") && m.out().contains("complete"), m.out());
        Path report = tmp.resolve("report");
        ok("report", "--runs", merged.toString(), "--out", report.toString());
        ReportComparison.assertReportsEqualExceptTimes(whole, report, ACCURACY.toArray(String[]::new));
    }

    // ---------------------------------------------------------------- failed runs

    @Test
    void aFailedRunIsStoredReportedAndRetriedByTheNextRun() throws IOException {
        String failedId = "relu/gated/w10/d1/n2/lr0.01/N64/T40/seed1";
        RunTrainer faulty = (spec, threads) -> {
            if (spec.id().equals(failedId)) {
                throw new IllegalStateException("injected fault");
            }
            return Trainer.train(spec, threads);
        };
        Path dir = tmp.resolve("out");
        CommandRun first = runWith(faulty, args(TINY, dir, "--quiet"));
        assertEquals(GridRunner.SOME_RUNS_FAILED, first.code(), first.err());
        assertTrue(first.out().contains("4 runs stored (0 diverged, 1 failed"), first.out());
        assertTrue(first.err().contains("1 of 4 runs failed") && first.err().contains(failedId), first.err());
        Map<String, RunRecord> stored = ReportComparison.recordsById(store(dir));
        assertEquals(4, stored.size(), stored.keySet().toString());
        assertEquals("failed", stored.get(failedId).status());
        assertTrue(stored.get(failedId).result().failure().contains("IllegalStateException: injected fault"));
        assertEquals(1, stored.values().stream().filter(r -> r.status().equals("failed")).count());
        String md = Files.readString(dir.resolve("accuracy.md"));
        assertTrue(md.contains("## Failed runs") && md.contains("| " + failedId + " | IllegalStateException"), md);

        // Again, with a trainer that works: only the failed run trains.
        CommandRun second = runWith(Trainer::train, args(TINY, dir));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("4 runs, 3 already in " + store(dir) + ", 1 to train"), second.err());
        assertTrue(second.out().contains("4 runs stored (0 diverged, 0 failed; 1 trained now"), second.out());
        Map<String, RunRecord> retried = ReportComparison.recordsById(store(dir));
        assertEquals(4, retried.size());
        assertTrue(retried.values().stream().allMatch(r -> r.status().equals("finished")), retried.toString());
        assertEquals(5, Files.readAllLines(store(dir)).size(), "the failed record stays, the finished one follows it");
        assertFalse(Files.readString(dir.resolve("accuracy.md")).contains("## Failed runs"));

        // And the report is that of a sweep where nothing failed.
        Path clean = tmp.resolve("clean");
        ok(args(TINY, clean, "--quiet"));
        ReportComparison.assertReportsEqualExceptTimes(clean, dir, ACCURACY.toArray(String[]::new));
        ReportComparison.assertSameRunResults(store(clean), store(dir));
    }

    // ---------------------------------------------------------------- report for equivalence and scaling

    @Test
    void reportReRendersEquivalenceAndScalingFromTheirStores() throws IOException {
        Path eq = tmp.resolve("eq");
        ok("equivalence", "--gates", "relu", "--degrees", "2,3", "--steps", "50", "--seeds", "2", "--samples", "64",
                "--threads", "2", "--quiet", "--out", eq.toString());
        Path sc = tmp.resolve("sc");
        ok("scaling", "--kinds", "plain,gated", "--degrees", "3", "--width", "2,3,4", "--steps", "30", "--seeds", "1",
                "--check-factor", "2", "--samples", "64", "--threads", "2", "--quiet", "--out", sc.toString());

        Path eq2 = tmp.resolve("eq2");
        CommandRun re = ok("report", "--runs", eq.toString(), "--out", eq2.toString());
        assertTrue(re.out().startsWith("report: equivalence, 24 runs from 1 store"), re.out());
        List<String> eqFiles = List.of("equivalence.md", "equivalence.csv", "equivalence.png");
        assertEquals(Set.copyOf(eqFiles), filesIn(eq2));
        // The same records render the same bytes, stored times included; and so in every number.
        for (String f : eqFiles) {
            assertArrayEquals(Files.readAllBytes(eq.resolve(f)), Files.readAllBytes(eq2.resolve(f)), f);
        }
        ReportComparison.assertReportsEqualExceptTimes(eq, eq2, eqFiles.toArray(String[]::new));

        Path sc2 = tmp.resolve("sc2");
        CommandRun rs = ok("report", "--runs", sc.resolve(RunStore.fileName("scaling")).toString(), "--out",
                sc2.toString());
        assertTrue(rs.out().startsWith("report: scaling, 6 runs from 1 store"), rs.out());
        List<String> scFiles = List.of("scaling.md", "scaling.csv", "scaling.png");
        assertEquals(Set.copyOf(scFiles), filesIn(sc2));
        for (String f : scFiles) {
            assertArrayEquals(Files.readAllBytes(sc.resolve(f)), Files.readAllBytes(sc2.resolve(f)), f);
        }
        ReportComparison.assertReportsEqualExceptTimes(sc, sc2, scFiles.toArray(String[]::new));

        // Both stores in one report call: each design its own files.
        Path both = tmp.resolve("both");
        ok("report", "--runs", eq.toString(), "--runs", sc.toString(), "--out", both.toString());
        assertEquals(Set.of("equivalence.md", "equivalence.csv", "equivalence.png", "scaling.md", "scaling.csv",
                "scaling.png"), filesIn(both));
        ReportComparison.assertReportsEqualExceptTimes(eq, both, eqFiles.toArray(String[]::new));
        ReportComparison.assertReportsEqualExceptTimes(sc, both, scFiles.toArray(String[]::new));

        // A resumed scaling run (one record removed) renders the same numbers again.
        Path scStore = sc.resolve(RunStore.fileName("scaling"));
        List<String> lines = Files.readAllLines(scStore);
        Path sc3 = tmp.resolve("sc3");
        Files.createDirectories(sc3);
        Files.write(sc3.resolve(RunStore.fileName("scaling")), lines.subList(0, 5), StandardOpenOption.CREATE_NEW);
        CommandRun resumed = ok("scaling", "--kinds", "plain,gated", "--degrees", "3", "--width", "2,3,4", "--steps", "30",
                "--seeds", "1", "--check-factor", "2", "--samples", "64", "--threads", "2", "--out", sc3.toString());
        assertTrue(resumed.err().contains("5 already in"), resumed.err());
        ReportComparison.assertReportsEqualExceptTimes(sc, sc3, scFiles.toArray(String[]::new));
    }
}
