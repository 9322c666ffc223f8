package dev.polygate.experiment.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * bin/lib/spark-jvm-options, the one list of JVM options a Spark JVM gets from polygate (bin/polygate
 * --engine spark, the tests' argLine), against Spark's own list and the test JVM.
 */
class SparkJvmOptionsTest {
    private static final Path FILE = Path.of("bin", "lib", "spark-jvm-options");
    /** In Spark's list, but every polygate JVM has it already (the pom's vector.flag, bin/polygate). */
    private static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

    /** The options in the file, as the java launcher reads an argument file: # to the line's end is a comment. */
    static List<String> options() throws IOException {
        return Files.readAllLines(FILE, StandardCharsets.UTF_8).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .flatMap(line -> Arrays.stream(line.split("\\s+")))
                .toList();
    }

    /** Fails when a Spark upgrade changes the options its launcher gives a JVM. */
    @Test
    void theFileHoldsSparksLauncherOptionsButTheVectorModule() throws IOException {
        List<String> spark = Arrays.stream(JavaModuleOptions.defaultModuleOptionArray())
                .filter(o -> !o.equals(VECTOR_MODULE)).toList();
        assertEquals(spark, options());
    }

    /** The pom's argLine passes the file (the java launcher expands it): this JVM has every option. */
    @Test
    void theTestJvmRunsWithTheFile() throws IOException {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : options()) {
            assertTrue(jvm.contains(option), option + " not in " + jvm);
        }
    }
}
