package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.store.RunRecord;
import dev.polygate.experiment.store.StoreReader;
import dev.polygate.experiment.store.StoredRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares two reports of the same design "in every number except timing": the CSV without its
 * time columns, the markdown with the one phrase that states a time masked, the PNG byte for byte;
 * and two stores run by run (final MSE bits, curve digest).
 *
 * <p>What carries a time, as the reports are written: accuracy.csv and equivalence.csv have
 * wall_seconds and seconds_per_step, scaling.csv wall_seconds; accuracy.md and scaling.md say
 * "Training took 12.3 s (the runs' own times summed; ...)" (SweepProvenance); equivalence.md and the
 * PNGs state no time.
 */
final class ReportComparison {
    /** The CSV columns that hold times. */
    static final Set<String> TIME_COLUMNS = Set.of("wall_seconds", "seconds_per_step");

    /** SweepProvenance's "Training took 6.5 s (": the only time in a report's markdown. */
    private static final Pattern TRAINING_TOOK = Pattern.compile("Training took [^ ]+ s \\(");

    private ReportComparison() {
    }

    /** Every named file of {@code expected} equals the one in {@code actual}, times excepted. */
    static void assertReportsEqualExceptTimes(Path expected, Path actual, String... files) throws IOException {
        for (String name : files) {
            Path a = expected.resolve(name);
            Path b = actual.resolve(name);
            assertTrue(Files.isRegularFile(a), a + " exists");
            assertTrue(Files.isRegularFile(b), b + " exists");
            if (name.endsWith(".csv")) {
                assertCsvEqualExceptTimes(a, b);
            } else if (name.endsWith(".md")) {
                assertMarkdownEqualExceptTimes(a, b);
            } else {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), name + " byte for byte");
            }
        }
    }

    /** Same header; every row equal in every column but {@link #TIME_COLUMNS}, field for field. */
    static void assertCsvEqualExceptTimes(Path expected, Path actual) throws IOException {
        List<List<String>> a = csv(Files.readString(expected));
        List<List<String>> b = csv(Files.readString(actual));
        assertEquals(a.get(0), b.get(0), "header of " + actual);
        assertEquals(a.size(), b.size(), "rows of " + actual);
        List<String> header = a.get(0);
        int compared = 0;
        for (int row = 1; row < a.size(); row++) {
            assertEquals(header.size(), a.get(row).size(), expected + " row " + row);
            assertEquals(header.size(), b.get(row).size(), actual + " row " + row);
            for (int col = 0; col < header.size(); col++) {
                if (!TIME_COLUMNS.contains(header.get(col))) {
                    assertEquals(a.get(row).get(col), b.get(row).get(col),
                            actual + " row " + row + " column " + header.get(col) + " (expected row " + a.get(row) + ")");
                    compared++;
                }
            }
        }
        assertTrue(compared > 0, "compared no field of " + actual);
    }

    /** Equal text once the one time phrase is masked in both; the phrase occurs equally often. */
    static void assertMarkdownEqualExceptTimes(Path expected, Path actual) throws IOException {
        assertEquals(maskTimes(Files.readString(expected)), maskTimes(Files.readString(actual)), actual.toString());
    }

    static String maskTimes(String markdown) {
        return TRAINING_TOOK.matcher(markdown).replaceAll("Training took (time) s (");
    }

    /** Both stores hold the same runs, each with the same final MSE (bit for bit), status and curve digest. */
    static void assertSameRunResults(Path expectedStore, Path actualStore) throws IOException {
        Map<String, RunRecord> a = recordsById(expectedStore);
        Map<String, RunRecord> b = recordsById(actualStore);
        assertEquals(a.keySet(), b.keySet(), "the same runs");
        for (Map.Entry<String, RunRecord> e : a.entrySet()) {
            RunRecord x = e.getValue();
            RunRecord y = b.get(e.getKey());
            assertEquals(x.runId(), y.runId(), e.getKey());
            assertEquals(x.status(), y.status(), e.getKey());
            assertEquals(Double.doubleToRawLongBits(x.result().finalMse()),
                    Double.doubleToRawLongBits(y.result().finalMse()), e.getKey() + " final MSE bits");
            assertEquals(x.result().curve().sha256(), y.result().curve().sha256(), e.getKey() + " curve digest");
            assertTrue(x.sameResult(y), e.getKey());
        }
    }

    /** The runs of the (one-design) store at {@code path}, by run spec id, in grid order. */
    static Map<String, RunRecord> recordsById(Path path) throws IOException {
        List<StoredRuns> designs = StoreReader.read(List.of(path), note -> { });
        assertEquals(1, designs.size(), "one design in " + path);
        Map<String, RunRecord> out = new LinkedHashMap<>();
        for (RunRecord r : designs.get(0).records()) {
            out.put(r.spec().id(), r);
        }
        return out;
    }

    /** RFC 4180 records: fields split on commas, quoted fields unquoted, CRLF or LF row ends. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
