package dev.polygate.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where a result was obtained: enough to know whether another machine should see the same bits. */
public record Environment(String polygateVersion, String javaVersion, String javaVmName, String javaVendor,
                          String os, String cpu, int cores, int vectorBits) {

    public static Environment current() {
        return new Environment(currentPolygateVersion(), System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                cpuModel(), Runtime.getRuntime().availableProcessors(),
                dev.polygate.kernel.VectorMath.SPECIES.vectorBitSize());
    }

    public static String currentPolygateVersion() {
        try (InputStream in = Environment.class.getResourceAsStream("/polygate.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
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
