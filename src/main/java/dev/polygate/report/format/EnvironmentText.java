package dev.polygate.report.format;

import dev.polygate.experiment.Environment;

/** The sentence every report's introduction uses to say where its numbers were obtained. */
public final class EnvironmentText {
    private EnvironmentText() {
    }

    /** "Environment: Java 17.0.9 (OpenJDK 64-Bit Server VM 17.0.9, Eclipse Adoptium), Linux …; polygate 0.1." */
    public static String sentence(Environment env) {
        return "Environment: Java " + env.javaVersion() + " (" + env.javaVmName() + ", " + env.javaVendor() + "), "
                + env.os() + ", " + env.cpu() + ", " + env.cores() + " cores, " + env.vectorBits()
                + "-bit vectors; polygate " + env.polygateVersion() + ".";
    }
}
