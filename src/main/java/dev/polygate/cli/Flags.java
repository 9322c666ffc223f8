package dev.polygate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code --name value} / {@code --name=value} flags of one command, checked against the flags the
 * command knows. Every getter names the flag and what it allows when the value is wrong. A flag is
 * given once, unless the command declares it repeatable (one value per occurrence, e.g. a path
 * that may itself hold a comma); a list is comma-separated only where a getter reads a list.
 */
final class Flags {
    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, List<String>> repeated = new LinkedHashMap<>();
    private final Set<String> booleans;

    /** A help line's middle column: text padded to width, and at least one space after it. */
    static String column(String text, int width) {
        return String.format(Locale.ROOT, "%-" + (width - 1) + "s ", text);
    }

    Flags(String command, String[] args, Set<String> known, Set<String> booleans) {
        this(command, args, known, booleans, Set.of());
    }

    /** @param repeatable flags of {@code known} that may be given more than once ({@link #all}) */
    Flags(String command, String[] args, Set<String> known, Set<String> booleans, Set<String> repeatable) {
        this.command = command;
        this.booleans = booleans;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException(command + ": unexpected argument '" + a + "' (flags start with --; see "
                        + "polygate " + command + " --help)");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name) && !booleans.contains(name)) {
                throw new UsageException(command + ": unknown flag --" + name + " (allowed: "
                        + String.join(", ", known.stream().map(k -> "--" + k).sorted().toList())
                        + (booleans.isEmpty() ? "" : ", " + String.join(", ", booleans.stream().map(k -> "--" + k).sorted().toList()))
                        + ")");
            }
            if (booleans.contains(name)) {
                if (value != null) {
                    throw new UsageException(command + ": --" + name + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                // A flag in the value's place means the value is missing (--out --quiet would otherwise
                // write to a directory named --quiet); a value that starts with -- goes as --name=value.
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(command + ": --" + name + " needs a value"
                            + (i + 1 < args.length ? ", got the flag " + args[i + 1] + " (a value starting with -- "
                            + "is given as --" + name + "=VALUE)" : ""));
                }
                value = args[++i];
            }
            if (repeatable.contains(name)) {
                repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            if (values.put(name, value) != null && !repeatable.contains(name)) {
                throw new UsageException(command + ": --" + name + " given twice");
            }
        }
    }

    /**
     * One aligned line of a command's --help: flag, what it takes, and its default if any; a long
     * value list pushes the default onto the next line, in the default column.
     */
    static String helpRow(String flag, String what, String fallback) {
        String line = String.format(Locale.ROOT, "  %-20s%-44s", flag, what);
        if (fallback == null) {
            return line.stripTrailing();
        }
        return (what.length() < 44 ? line : line.stripTrailing() + "\n" + " ".repeat(66)) + "(default " + fallback + ")";
    }

    String command() {
        return command;
    }

    /** A comma-separated list of integers &gt; 0 (budgets can exceed an int). */
    List<Long> positiveLongs(String name) {
        return list(name, values.get(name), s -> {
            try {
                long n = Long.parseLong(s.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(command + ": --" + name + " must list integers > 0, got '" + s + "'");
        });
    }

    /**
     * Every value of a repeatable flag as a path, in the order given (empty when absent): one path
     * per occurrence, never split at commas, each at most once.
     */
    List<java.nio.file.Path> paths(String name) {
        List<java.nio.file.Path> out = new ArrayList<>();
        for (String v : repeated.getOrDefault(name, List.of())) {
            java.nio.file.Path path;
            try {
                path = java.nio.file.Path.of(v);
            } catch (java.nio.file.InvalidPathException e) {
                throw new UsageException(command + ": --" + name + ": '" + v + "' is not a path: " + e.getReason());
            }
            if (out.contains(path)) {
                throw new UsageException(command + ": --" + name + " gives '" + v + "' twice");
            }
            out.add(path);
        }
        return out;
    }

    /**
     * A flag that takes exactly one name, turned into a value by parse (which throws
     * IllegalArgumentException naming what is allowed); a comma-separated list is refused, not cut
     * to its first item.
     */
    <T> T name(String name, Function<String, T> parse, String allowed) {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException(command + ": --" + name + " is required (allowed: " + allowed + ")");
        }
        if (v.contains(",")) {
            throw new UsageException(command + ": --" + name + " takes one value, got the list '" + v
                    + "' (allowed: one of " + allowed + "; polygate sweep takes lists)");
        }
        try {
            return parse.apply(v.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": --" + name + ": " + e.getMessage());
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        return booleans.contains(name) && values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException(command + ": --" + name + " is required");
        }
        return v;
    }

    int integer(String name, int fallback, int min, int max) {
        String v = values.get(name);
        return v == null ? fallback : parseInt(name, v, min, max);
    }

    long longValue(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be an integer, got '" + v + "'");
        }
    }

    /** A comma-separated list of integers, each in [min, max]. */
    List<Integer> integers(String name, List<Integer> fallback, int min, int max) {
        String v = values.get(name);
        return v == null ? fallback : list(name, v, s -> parseInt(name, s, min, max));
    }

    /** A comma-separated list of finite numbers &gt; 0. */
    List<Double> positiveNumbers(String name, List<Double> fallback) {
        String v = values.get(name);
        return v == null ? fallback : list(name, v, s -> parsePositive(name, s));
    }

    double positiveNumber(String name, double fallback) {
        String v = values.get(name);
        return v == null ? fallback : parsePositive(name, v);
    }

    /** A comma-separated list of names, each turned into a value by parse (which throws IllegalArgumentException). */
    <T> List<T> names(String name, List<T> fallback, Function<String, T> parse) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        return list(name, v, s -> {
            try {
                return parse.apply(s);
            } catch (IllegalArgumentException e) {
                throw new UsageException(command + ": --" + name + ": " + e.getMessage());
            }
        });
    }

    private <T> List<T> list(String name, String v, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            String s = part.trim();
            if (s.isEmpty()) {
                throw new UsageException(command + ": --" + name + " has an empty item in '" + v + "'");
            }
            T item = parse.apply(s);
            if (out.contains(item)) {
                throw new UsageException(command + ": --" + name + " lists '" + s + "' twice");
            }
            out.add(item);
        }
        return out;
    }

    private int parseInt(String name, String s, int min, int max) {
        long n;
        try {
            n = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be an integer in " + min + ".." + max
                    + ", got '" + s + "'");
        }
        if (n < min || n > max) {
            throw new UsageException(command + ": --" + name + " must be an integer in " + min + ".." + max
                    + ", got " + n);
        }
        return (int) n;
    }

    private double parsePositive(String name, String s) {
        double d;
        try {
            d = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a finite number > 0, got '" + s + "'");
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new UsageException(command + ": --" + name + " must be a finite number > 0, got " + s);
        }
        return d;
    }
}
