package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process, as tests need it: exit code, stdout and stderr captured. */
public record CommandRun(int code, String out, String err) {

    public static CommandRun run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command and asserts it succeeded (exit 0), naming the command and its output if not. */
    public static CommandRun ok(String... args) {
        CommandRun r = run("", args);
        assertEquals(0, r.code(), String.join(" ", args) + "\nstdout: " + r.out() + "\nstderr: " + r.err());
        return r;
    }

    /** {@code base}, then {@code more}, then --out {@code out}: a command line for a sweep into a directory. */
    public static String[] withOut(java.util.List<String> base, java.nio.file.Path out, String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(base);
        all.addAll(java.util.List.of(more));
        all.addAll(java.util.List.of("--out", out.toString()));
        return all.toArray(String[]::new);
    }

    /** Bad input: exit code 2, one line on stderr mentioning every given text, nothing on stdout. */
    public void assertUsageError(String... mustMention) {
        assertEquals(2, code, "exit code; stderr: " + err);
        String[] lines = err.strip().split("\n");
        assertEquals(1, lines.length, "one line on stderr: " + err);
        for (String s : mustMention) {
            assertTrue(lines[0].contains(s), "'" + lines[0] + "' should mention '" + s + "'");
        }
        assertEquals("", out, "stdout");
    }
}
