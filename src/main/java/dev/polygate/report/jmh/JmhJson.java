package dev.polygate.report.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.input.JsonInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the JSON that JMH 1.x writes with {@code -rf json}: an array of result objects, each with
 * {@code benchmark}, {@code mode}, {@code threads}, {@code measurementBatchSize}, {@code params}, the
 * JVM it ran on ({@code jvm}, {@code jvmArgs}, {@code jdkVersion}, {@code vmName}, {@code vmVersion})
 * and a {@code primaryMetric} whose {@code rawData} holds one array of iteration values per fork.
 *
 * <p><b>Conversion to nanoseconds per operation</b> (one call of the {@code @Benchmark} method). In
 * every mode JMH's "op" is one batch of {@code measurementBatchSize} calls (its generated code divides
 * the call count by the batch size in avgt and thrpt, and times a single shot of the whole batch in
 * ss; JMH's BatchSizeSanityTest expects exactly that), so with batch size b and nanoseconds per
 * time unit T:
 * <ul>
 * <li>{@code avgt} and {@code ss}, unit {@code T/op}: value · ns(T) / b. So ss with b = 1000 and
 *     4·10⁶ ns/op is 4 µs per call, not 4 ms;</li>
 * <li>{@code thrpt}, unit {@code ops/T}: ns(T) / (value · b);</li>
 * <li>T is one of JMH's units: ns, us, ms, s, min, hr, day.</li>
 * </ul>
 * -prof gc's allocation ({@code gc.alloc.rate.norm}, JMH ≥ 1.37, or {@code ·gc.alloc.rate.norm}
 * with the U+00B7 prefix JMH wrote on secondary metrics up to 1.36) is in {@code B/op} per JMH op and
 * is divided by b likewise. Event counters ({@code @AuxCounters(EVENTS)}: secondary metrics in unit
 * {@code #}) are kept as JMH wrote them, per iteration, undivided: they count whatever the benchmark
 * counts, and a reader divides one by another (e.g. nanoseconds by steps). The file does not record
 * {@code @OperationsPerInvocation}: JMH has already divided by it (in ss only since 1.35);
 * polygate's benchmarks do not use it.
 *
 * <p>Batches are exact in ss (one shot of b calls is one op). In avgt and thrpt JMH counts calls / b
 * batches: as a fraction since JMH 1.27, rounded down before, and rounded down in every version for
 * -prof gc. So avgt and thrpt with b &gt; 1 are refused from JMH before 1.27 (or of unknown version),
 * and together with an allocation metric in any version.
 *
 * <p><b>Refused</b>, each as an {@link InvalidInputException} whose message names the file (and the
 * result) and what is wrong, in one line, fit to show a user: a missing, empty or non-JSON file, not
 * an array, an empty array, an entry without a benchmark name or raw data; mode {@code sample} (it
 * keeps a histogram of single-batch times, not the per-iteration values the reports' intervals are
 * computed from) or any mode but avgt, thrpt, ss; {@code threads} other than 1 (with several threads
 * avgt averages the threads' times per op while thrpt adds up their rates, so neither is the time of
 * one call on one thread); a missing or non-positive {@code measurementBatchSize}, or one above 1
 * where JMH rounded the batch count (above); a score unit that is not a JMH time unit or does not
 * fit the mode; an allocation metric in a unit other than {@code B/op}, or under both names; an
 * event counter whose raw data is not shaped like the primary metric's or holds a negative or
 * non-finite count; a raw value that is not a positive finite number (a time or a
 * rate is never 0); or (with {@link #read(Path, String)}) a benchmark outside the expected package.
 * JMH writes "NaN" as a string where it has no number (e.g. {@code scoreError} with one fork);
 * such strings are read as NaN in the summary fields.
 */
public final class JmhJson {
    private static final String THROUGHPUT = "thrpt";
    private static final String SINGLE_SHOT = "ss";
    /** Modes whose score is a time per JMH op. */
    private static final Set<String> TIME_MODES = Set.of("avgt", SINGLE_SHOT);
    /** The time units JMH writes (TimeValue.tuToString), shortest first. */
    private static final Map<String, Long> NANOS_PER_TIME_UNIT = orderedNanos();
    /** -prof gc's allocation per JMH op: JMH 1.37's name, and the "·"-prefixed one of JMH up to 1.36. */
    private static final List<String> ALLOCATION_METRICS = List.of("gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm");
    /** The unit JMH gives {@code @AuxCounters(EVENTS)} counters. */
    private static final String EVENT_UNIT = "#";

    private JmhJson() {
    }

    private static Map<String, Long> orderedNanos() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (TimeUnit unit : new TimeUnit[] {TimeUnit.NANOSECONDS, TimeUnit.MICROSECONDS, TimeUnit.MILLISECONDS,
                TimeUnit.SECONDS, TimeUnit.MINUTES, TimeUnit.HOURS, TimeUnit.DAYS}) {
            nanos.put(jmhName(unit), unit.toNanos(1));
        }
        return Collections.unmodifiableMap(nanos);
    }

    /** JMH's name of a time unit (org.openjdk.jmh.runner.options.TimeValue.tuToString). */
    private static String jmhName(TimeUnit unit) {
        return switch (unit) {
            case NANOSECONDS -> "ns";
            case MICROSECONDS -> "us";
            case MILLISECONDS -> "ms";
            case SECONDS -> "s";
            case MINUTES -> "min";
            case HOURS -> "hr";
            case DAYS -> "day";
        };
    }

    /** Reads every result of one JMH JSON file, in file order; any benchmark name is accepted. */
    public static List<JmhResult> read(Path file) {
        return read(file, "");
    }

    /**
     * Reads every result of one JMH JSON file, in file order, and requires every benchmark name
     * to start with {@code benchmarkPrefix} (e.g. {@code "dev.polygate.bench."}), so results of
     * some other project are refused rather than silently compared.
     */
    public static List<JmhResult> read(Path file, String benchmarkPrefix) {
        JsonNode root = JsonInput.tree(file);
        if (!root.isArray()) {
            throw bad(file, "is not a JMH result array (expected a JSON array as written by -rf json, got "
                    + JsonInput.describe(root) + ")");
        }
        if (root.isEmpty()) {
            throw bad(file, "holds no results (an empty JSON array: did the JMH run fail or select no benchmark?)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(result(file, i, root.get(i), benchmarkPrefix));
        }
        return results;
    }

    private static JmhResult result(Path file, int index, JsonNode entry, String prefix) {
        String where = "result " + index;
        if (!entry.isObject()) {
            throw badEntry(file, where + " is " + JsonInput.describe(entry) + ", not a JMH result object");
        }
        JsonNode name = entry.path("benchmark");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw badEntry(file, where + " has no \"benchmark\" name");
        }
        String benchmark = name.asText();
        if (!benchmark.startsWith(prefix) || benchmark.length() == prefix.length()) {
            throw badEntry(file, where + ": unknown benchmark '" + benchmark + "' (expected a name under " + prefix + ")");
        }
        where = where + " (" + benchmark + ")";
        String mode = text(entry, "mode");
        if (mode.equals("sample")) {
            throw badEntry(file, where + ": mode 'sample' keeps a histogram of single-batch times, not per-iteration "
                    + "values (allowed modes: avgt, thrpt, ss; run with -bm avgt)");
        }
        if (!TIME_MODES.contains(mode) && !mode.equals(THROUGHPUT)) {
            throw badEntry(file, where + (mode.isEmpty() ? " has no \"mode\"" : ": mode '" + mode + "' is not supported")
                    + " (allowed modes: avgt, thrpt, ss)");
        }
        int threads = positiveInt(file, where, entry, "threads");
        if (threads != 1) {
            throw badEntry(file, where + ": threads " + threads + " is not supported (allowed: 1; with several threads "
                    + "avgt averages the threads' times per op and thrpt adds up their rates; run with -t 1)");
        }
        int batchSize = positiveInt(file, where, entry, "measurementBatchSize");
        String jmhVersion = text(entry, "jmhVersion");
        if (batchSize > 1 && !mode.equals(SINGLE_SHOT) && !atLeast(jmhVersion, 1, 27)) {
            // JMH 1.27 (7902808) made RawResults' call count a double; before, calls / batch size was a long.
            throw badEntry(file, where + ": measurementBatchSize " + batchSize + " in mode " + mode + " from JMH "
                    + (jmhVersion.isEmpty() ? "of unknown version" : jmhVersion) + " is not supported (JMH before 1.27 "
                    + "counted whole batches only; allowed: batch size 1, mode ss, or JMH 1.27 or later)");
        }
        JsonNode metric = entry.path("primaryMetric");
        if (!metric.isObject()) {
            throw badEntry(file, where + " has no \"primaryMetric\" object");
        }
        JsonNode unitNode = metric.path("scoreUnit");
        if (!unitNode.isTextual()) {
            throw badEntry(file, where + " has no primaryMetric.scoreUnit");
        }
        String unit = unitNode.asText();
        List<double[]> forks = forks(file, where, metric.path("rawData"));
        double nanosPerUnit = nanosPerUnit(file, where, mode, unit);
        for (double[] fork : forks) {
            for (int i = 0; i < fork.length; i++) {
                // JMH's op is a batch of batchSize calls (see the class comment).
                fork[i] = mode.equals(THROUGHPUT) ? nanosPerUnit / (fork[i] * batchSize) : fork[i] * nanosPerUnit / batchSize;
            }
        }
        return new JmhResult(file, index, new BenchmarkId(benchmark, params(file, where, entry.path("params"))),
                mode, unit, threads, batchSize, number(metric.path("score")), number(metric.path("scoreError")),
                forks, text(entry, "jvm"), strings(entry.path("jvmArgs")),
                text(entry, "jdkVersion"), text(entry, "vmName"), text(entry, "vmVersion"),
                entry.path("warmupIterations").asInt(-1), text(entry, "warmupTime"),
                entry.path("measurementIterations").asInt(-1), text(entry, "measurementTime"),
                allocation(file, where, mode, batchSize, entry.path("secondaryMetrics")) / batchSize,
                events(file, where, entry.path("secondaryMetrics"), forks));
    }

    /**
     * The secondary metrics in unit "#" (what JMH writes for {@code @AuxCounters(EVENTS)}), each
     * iteration's count as written; each must have one value per measurement iteration of every fork.
     */
    private static Map<String, List<double[]>> events(Path file, String where, JsonNode secondary,
                                                      List<double[]> forks) {
        Map<String, List<double[]>> events = new LinkedHashMap<>();
        if (!secondary.isObject()) {
            return events;
        }
        secondary.fields().forEachRemaining(e -> {
            if (!e.getValue().path("scoreUnit").asText("").equals(EVENT_UNIT)) {
                return;
            }
            String name = "secondary metric " + e.getKey();
            JsonNode raw = e.getValue().path("rawData");
            if (!raw.isArray() || raw.size() != forks.size()) {
                throw badEntry(file, where + ": " + name + " has " + (raw.isArray() ? raw.size() + " forks" : "no rawData")
                        + " of counts (expected " + forks.size() + ", one per fork of the primary metric)");
            }
            List<double[]> counts = new ArrayList<>();
            for (int f = 0; f < raw.size(); f++) {
                JsonNode fork = raw.get(f);
                if (!fork.isArray() || fork.size() != forks.get(f).length) {
                    throw badEntry(file, where + ": " + name + " rawData[" + f + "] must hold " + forks.get(f).length
                            + " counts, one per measurement iteration");
                }
                double[] values = new double[fork.size()];
                for (int i = 0; i < values.length; i++) {
                    JsonNode v = fork.get(i);
                    if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
                        throw badEntry(file, where + ": " + name + " rawData[" + f + "][" + i + "] is " + v
                                + ", not a count (a finite number ≥ 0)");
                    }
                    values[i] = v.doubleValue();
                }
                counts.add(values);
            }
            events.put(e.getKey(), counts);
        });
        return events;
    }

    /**
     * Nanoseconds in the time unit of {@code unit}: "T/op" for avgt and ss, "ops/T" for thrpt, T one
     * of the names JMH's TimeValue.tuToString gives a TimeUnit.
     */
    private static double nanosPerUnit(Path file, String where, String mode, String unit) {
        boolean rate = mode.equals(THROUGHPUT);
        String time = rate ? (unit.startsWith("ops/") ? unit.substring("ops/".length()) : "")
                : (unit.endsWith("/op") ? unit.substring(0, unit.length() - "/op".length()) : "");
        Long nanos = NANOS_PER_TIME_UNIT.get(time);
        if (nanos == null) {
            String allowed = NANOS_PER_TIME_UNIT.keySet().stream().map(t -> rate ? "ops/" + t : t + "/op")
                    .collect(Collectors.joining(", "));
            throw badEntry(file, where + ": scoreUnit '" + unit + "' is not supported for mode " + mode + " (allowed: "
                    + allowed + ")");
        }
        return nanos;
    }

    /**
     * JMH's -prof gc result in bytes per JMH op; NaN without that profiler. JMH up to 1.36 prefixed
     * every secondary metric with "·" (U+00B7, its Defaults.PREFIX); 1.37 dropped the prefix.
     */
    private static double allocation(Path file, String where, String mode, int batchSize, JsonNode secondary) {
        List<String> present = ALLOCATION_METRICS.stream().filter(secondary::has).toList();
        if (present.isEmpty()) {
            return Double.NaN;
        }
        if (present.size() > 1) {
            throw badEntry(file, where + " has both secondary metrics " + String.join(" and ", present)
                    + " (JMH writes one of them)");
        }
        JsonNode norm = secondary.path(present.get(0));
        String unit = norm.path("scoreUnit").asText("");
        if (!unit.equals("B/op")) {
            throw badEntry(file, where + ": secondary metric " + present.get(0) + " has scoreUnit '" + unit
                    + "' (allowed: B/op)");
        }
        if (batchSize > 1 && !mode.equals(SINGLE_SHOT)) {
            // GCProfiler divides by the iteration's op count, which JMH hands it as a long (BenchmarkTaskResult).
            throw badEntry(file, where + ": secondary metric " + present.get(0) + " with measurementBatchSize "
                    + batchSize + " in mode " + mode + " is not supported (JMH divides the bytes by the number of "
                    + "whole batches; allowed with -prof gc: batch size 1 or mode ss)");
        }
        return number(norm.path("score"));
    }

    /** Whether a JMH version such as "1.25.2" or "1.37" is at least major.minor; false if it is not one. */
    static boolean atLeast(String version, int major, int minor) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)(\\D.*)?").matcher(version);
        if (!m.matches()) {
            return false;
        }
        int hasMajor = Integer.parseInt(m.group(1));
        return hasMajor > major || hasMajor == major && Integer.parseInt(m.group(2)) >= minor;
    }

    /** A field JMH always writes as a positive whole number (threads, measurementBatchSize). */
    private static int positiveInt(Path file, String where, JsonNode entry, String field) {
        JsonNode v = entry.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
            throw badEntry(file, where + (v.isMissingNode() ? " has no \"" + field + "\""
                    : ": \"" + field + "\" is " + v + ", not a positive whole number"));
        }
        return v.intValue();
    }

    private static Map<String, String> params(Path file, String where, JsonNode params) {
        Map<String, String> out = new LinkedHashMap<>();
        if (params.isMissingNode() || params.isNull()) {
            return out;
        }
        if (!params.isObject()) {
            throw badEntry(file, where + ": \"params\" must be an object of strings");
        }
        params.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw badEntry(file, where + ": param " + e.getKey() + " is not a plain value");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    private static List<double[]> forks(Path file, String where, JsonNode raw) {
        if (!raw.isArray() || raw.isEmpty()) {
            throw badEntry(file, where + " has no primaryMetric.rawData (one array of iteration values per fork)");
        }
        List<double[]> forks = new ArrayList<>();
        for (int f = 0; f < raw.size(); f++) {
            JsonNode fork = raw.get(f);
            if (!fork.isArray() || fork.isEmpty()) {
                throw badEntry(file, where + ": rawData[" + f + "] must be a non-empty array of numbers");
            }
            double[] values = new double[fork.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = fork.get(i);
                if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() <= 0) {
                    throw badEntry(file, where + ": rawData[" + f + "][" + i + "] is " + v
                            + ", not a positive finite number");
                }
                values[i] = v.doubleValue();
            }
            forks.add(values);
        }
        return forks;
    }

    /** A summary number: JMH writes "NaN" (a string) where it has none; missing is NaN too. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode v = entry.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    /** A problem with the whole file: "JMH result file F does not exist". */
    private static InvalidInputException bad(Path file, String what) {
        return new InvalidInputException("JMH result file " + file + " " + what);
    }

    /** A problem with one entry: "JMH result file F: result 3 (name) has no ...". */
    private static InvalidInputException badEntry(Path file, String what) {
        return new InvalidInputException("JMH result file " + file + ": " + what);
    }
}
