package dev.polygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.text.FloatText;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps every number polygate writes the same in every locale and on every JDK, by reading the
 * compiled classes (javap), where implicit conversions show as plainly as explicit ones: no
 * String.format, printf or formatted without a Locale, no DecimalFormat or NumberFormat of the
 * default locale, and no float or double turned into text by Float/Double.toString, String.valueOf,
 * StringBuilder.append, print or string concatenation (use FloatText.shortest or NumberText).
 */
class NumberTextGuardTest {
    /** Calls that format with the default locale, or print a float or double the JDK's way. */
    private static final Pattern FORBIDDEN_CALL = Pattern.compile("Method (java/lang/String\\.format:\\(Ljava/lang/String;\\["
            + "|java/io/PrintStream\\.(printf|format):\\(Ljava/lang/String;\\["
            + "|java/lang/String\\.formatted:"
            + "|java/text/DecimalFormat\\.\"<init>\":\\((Ljava/lang/String;)?\\)"
            + "|java/text/NumberFormat\\.get\\w*Instance:\\(\\)"
            + "|java/lang/(Float\\.toString:\\(F|Double\\.toString:\\(D)\\)"
            + "|java/lang/String\\.valueOf:\\([FD]\\)"
            + "|java/lang/StringBuilder\\.append:\\([FD]\\)"
            + "|java/io/PrintStream\\.print(ln)?:\\([FD]\\))");
    /** String concatenation (javac's invokedynamic) and the types of what it joins. */
    private static final Pattern CONCAT = Pattern.compile("makeConcatWithConstants:\\(([^)]*)\\)");
    private static final Pattern FLOATING = Pattern.compile("(?<![L/\\w])[FD]|Ljava/lang/(Float|Double);");

    /** Each forbidden way of writing a number, for the check that the guard sees them all. */
    @SuppressWarnings("unused")
    static final class Offender {
        String format(double x) {
            return String.format("%.2f", x);
        }

        void printf(PrintStream out, double x) {
            out.printf("%.2f%n", x);
        }

        String formatted(double x) {
            return "%.2f".formatted(x);
        }

        String decimalFormat(double x) {
            return new DecimalFormat("0.00").format(x);
        }

        String concatenated(float x) {
            return "x = " + x;
        }

        String appended(double x) {
            return new StringBuilder().append(x).toString();
        }

        String floatToString(float x) {
            return Float.toString(x);
        }

        String valueOf(double x) {
            return String.valueOf(x);
        }
    }

    @Test
    void polygateWritesNumbersOnlyInLocaleRootAndFloatsOnlyAsShortestText() throws Exception {
        assertEquals(List.of(), violations(classesOf(FloatText.class)),
                "format with Locale.ROOT (or NumberText), print floats and doubles with FloatText.shortest");
    }

    @Test
    void theGuardSeesEveryForbiddenWay() throws Exception {
        Path offender = classesOf(Offender.class).resolve(Offender.class.getName().replace('.', '/') + ".class");
        List<String> found = violations(List.of(offender));
        Set<String> methods = new TreeSet<>();
        for (String v : found) {
            String qualified = v.substring(0, v.indexOf("(...)"));
            methods.add(qualified.substring(qualified.lastIndexOf('.') + 1));
        }
        assertEquals(Set.of("format", "printf", "formatted", "decimalFormat", "concatenated", "appended",
                "floatToString", "valueOf"), methods, String.join("\n", found));
    }

    private static Path classesOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> violations(Path classesDir) throws IOException {
        try (Stream<Path> files = Files.walk(classesDir)) {
            List<Path> classes = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
            assertTrue(classes.size() > 50, "polygate's classes in " + classesDir + ": " + classes.size());
            return violations(classes);
        }
    }

    /** "ClassName.method(...): the offending call", one per finding. */
    private static List<String> violations(List<Path> classFiles) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(() -> new AssertionError("no javap in this JDK"));
        StringWriter text = new StringWriter();
        StringWriter errors = new StringWriter();
        List<String> args = new ArrayList<>(List.of("-c", "-p"));
        classFiles.forEach(f -> args.add(f.toString()));
        int code = javap.run(new PrintWriter(text), new PrintWriter(errors), args.toArray(String[]::new));
        assertEquals(0, code, errors.toString());
        List<String> found = new ArrayList<>();
        String type = "?";
        String method = "?";
        for (String line : text.toString().split("\n")) {
            if (!line.startsWith(" ")) {
                Matcher header = Pattern.compile("(class|interface|enum) ([\\w.$]+)").matcher(line);
                if (header.find()) {
                    type = header.group(2);
                }
            } else if (!line.startsWith("   ") && line.contains("(")) {
                Matcher name = Pattern.compile("([\\w$<>]+)\\(").matcher(line);
                method = name.find() ? name.group(1) + "(...)" : line.strip();
            } else {
                Matcher call = FORBIDDEN_CALL.matcher(line);
                Matcher concat = CONCAT.matcher(line);
                if (call.find()) {
                    found.add(type + "." + method + ": " + call.group(1));
                } else if (concat.find() && FLOATING.matcher(concat.group(1)).find()) {
                    found.add(type + "." + method + ": string concatenation of (" + concat.group(1) + ")");
                }
            }
        }
        return found;
    }
}
