package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalingCommandTest {
    @TempDir
    Path tmp;

    private static void assertUsageError(CommandRun o, String... mustMention) {
        o.assertUsageError(mustMention);
    }

    private static Set<String> filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void fewerThanThreeWidthsIsRejectedAndNothingIsWritten() throws IOException {
        Path out = tmp.resolve("reports");
        assertUsageError(CommandRun.run("", "scaling", "--width", "4,8", "--out", out.toString()),
                "--width", "at least 3 widths to fit a slope", "got 2");
        assertUsageError(CommandRun.run("", "scaling", "--width", "16", "--out", out.toString()),
                "--width", "at least 3 widths to fit a slope", "got 1");
        assertUsageError(CommandRun.run("", "scaling", "--width", "4,8,4", "--out", out.toString()),
                "--width", "twice");
        assertFalse(Files.exists(out), "--out is not even created");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--check-factor | 0        | 1..100",
        "--check-factor | 101      | 1..100",
        "--steps        | 0        | 1..10000000",
        "--steps        | 5000000  | at most 10000000",
        "--depth        | 0        | 1..16",
        "--depth        | 1,2      | integer in 1..16",
        "--lr           | 0        | > 0",
        "--lr           | 0.01,0.1 | > 0",
        "--samples      | 0        | 1..10000000",
        "--seeds        | 0        | 1..10000",
        "--threads      | 0        | 1..256",
        "--width        | 0,4,8    | 1..4096",
        "--degrees      | 17       | 0..16",
        "--kinds        | square   | plain, squared, gated",
        "--activations  | tanh     | relu, silu, gelu",
        "--first-seed   | x        | integer",
        "--match        | params   | allowed: --activations",
    })
    void badValuesAreRejectedWithOneLineAndNothingWritten(String flag, String value, String allowed)
            throws IOException {
        Path out = tmp.resolve("reports");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("scaling", flag, value, "--out", out.toString()));
        if (value.equals("5000000")) {
            args.addAll(List.of("--check-factor", "4"));
        }
        assertUsageError(CommandRun.run("", args.toArray(String[]::new)), flag, allowed);
        assertEquals(Set.of(), filesIn(out));
    }

    @Test
    void anOutputPathThatCannotBeADirectoryIsRejectedBeforeAnyRun() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        assertUsageError(CommandRun.run("", "scaling", "--out", file.toString()), "--out", "not a directory");
        assertUsageError(CommandRun.run("", "scaling", "--out", file.resolve("sub").toString()), "--out", "writable");
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aTinyGridWritesTheThreeFilesAndItsOwnCommandRegeneratesThemBitForBit() throws IOException {
        Path out = tmp.resolve("reports");
        CommandRun o = CommandRun.run("", "scaling", "--kinds", "plain,gated", "--degrees", "3", "--width", "2,3,4",
                "--steps", "30", "--seeds", "1", "--check-factor", "2", "--samples", "64", "--threads", "2",
                "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("scaling: 6 runs stored ("), o.out());
        assertTrue(o.err().contains("scaling: 6 runs of 60 steps on 2 threads"), o.err());
        assertEquals(Set.of("scaling.md", "scaling.csv", "scaling.png", "scaling-runs.jsonl"), filesIn(out));
        String md = Files.readString(out.resolve("scaling.md"));
        assertTrue(md.contains("read at T = 30 and at 2 × T = 60"), md);
        assertTrue(md.contains("| n | kind | slope at 30 | slope at 60 |"), md);

        // The report's own command, run again elsewhere on one thread, gives the same numbers.
        Matcher m = Pattern.compile("`polygate (scaling [^`]*) --out DIR`").matcher(md);
        assertTrue(m.find(), md);
        Path again = tmp.resolve("again");
        List<String> args = new ArrayList<>(List.of(m.group(1).split(" ")));
        args.addAll(List.of("--out", again.toString(), "--threads", "1", "--quiet"));
        CommandRun r = CommandRun.run("", args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "--quiet");
        assertEquals(withoutWallTime(out.resolve("scaling.csv")), withoutWallTime(again.resolve("scaling.csv")));
    }

    /** The CSV without its last column, the only one that may differ between two runs. */
    /** Each row without its last two columns, wall_seconds and failure. */
    private static List<String> withoutWallTime(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)))
                .toList();
    }

    @Test
    void helpExplainsTheCommandAndMainListsIt() {
        CommandRun o = CommandRun.run("", "scaling", "--help");
        assertEquals(0, o.code());
        assertTrue(o.out().startsWith("usage: polygate scaling"), o.out());
        for (String flag : List.of("--activations", "--kinds", "--degrees", "--width", "--depth", "--lr", "--samples",
                "--steps", "--check-factor", "--seeds", "--first-seed", "--threads", "--out", "--quiet")) {
            assertTrue(o.out().contains(flag), flag);
        }
        assertTrue(CommandRun.run("", "--help").out().contains("  scaling "));
    }

    @Test
    void theQueirugaProtocolRefusesTheStudysOptionsAndUnknownProtocols(@org.junit.jupiter.api.io.TempDir Path tmp) {
        CommandRun.run("", "scaling", "--protocol", "queiruga", "--degrees", "3", "--out", tmp.resolve("a").toString())
                .assertUsageError("--degrees does not apply to --protocol queiruga");
        CommandRun.run("", "scaling", "--protocol", "queiruga", "--kinds", "bilinear", "--out", tmp.resolve("b").toString())
                .assertUsageError("trains plain, gated and squared ReLU layers");
        CommandRun.run("", "scaling", "--protocol", "newton", "--out", tmp.resolve("c").toString())
                .assertUsageError("unknown protocol 'newton' (allowed: study, queiruga)");
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("a")) && !java.nio.file.Files.exists(tmp.resolve("c")));
    }
}
