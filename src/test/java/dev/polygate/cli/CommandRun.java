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
