package dev.polygate.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a result was obtained: enough to know whether another machine should see the same bits.
 *
 * @param commit     the git commit polygate was built from ("-dirty" appended when the tree had
 *                   uncommitted changes; "unknown" outside a git clone)
 * @param vectorBits the Vector API's preferred float vector size in bits (the kernels' lane count × 32)
 * @param useAvx     HotSpot's UseAVX level (0–3 on x86; -1 where the flag does not exist)
 */
public record Environment(String polygateVersion, String commit, String javaVersion, String javaVmName,
                          String javaVendor, String os, String cpu, int cores, int vectorBits, int useAvx) {

    /** Without the commit and UseAVX level (files written before those were recorded). */
    public Environment(String polygateVersion, String javaVersion, String javaVmName, String javaVendor,
                       String os, String cpu, int cores, int vectorBits) {
        this(polygateVersion, "unknown", javaVersion, javaVmName, javaVendor, os, cpu, cores, vectorBits, -1);
    }

    public static Environment current() {
        Properties build = buildProperties();
        return new Environment(build.getProperty("version", "unknown"), commitOf(build), System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                cpuModel(), Runtime.getRuntime().availableProcessors(),
                dev.polygate.kernel.VectorMath.SPECIES.vectorBitSize(), useAvxLevel());
    }

    public static String currentPolygateVersion() {
        return buildProperties().getProperty("version", "unknown");
    }

    /** polygate.properties as Maven filled it in at build time. */
    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = Environment.class.getResourceAsStream("/polygate.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build information: every field reads "unknown"
        }
        return p;
    }

    /** The commit from the build; a property Maven could not fill (no git) is left as "${...}". */
    private static String commitOf(Properties build) {
        String id = build.getProperty("commit", "");
        if (!id.matches("[0-9a-f]{40}")) {
            return "unknown";
        }
        return "true".equals(build.getProperty("dirty")) ? id + "-dirty" : id;
    }

    /** HotSpot's UseAVX level, through the diagnostic MXBean; -1 on a JVM or CPU without the flag. */
    private static int useAvxLevel() {
        try {
            return Integer.parseInt(java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseAVX").getValue());
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
