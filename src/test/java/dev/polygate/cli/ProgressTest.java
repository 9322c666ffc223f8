package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /** Nothing to do (a sweep run again on a store that holds every run): no line, and no division by zero. */
    @Test
    void nothingToDoPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "sweep", 0, "runs");
        progress.finish();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theClosingLineCountsEveryRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "sweep", 4, "runs");
        progress.update(4);
        progress.finish();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("sweep: 4/4 runs (100%), "),
                bytes.toString(StandardCharsets.UTF_8));
    }
}
