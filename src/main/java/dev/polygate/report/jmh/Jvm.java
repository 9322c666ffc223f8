package dev.polygate.report.jmh;

import java.util.List;

/**
 * The JVM a JMH result was measured on, as JMH records it: two results with equal Jvms ran on the
 * same JDK build with the same flags, so their numbers are comparable.
 */
public record Jvm(String jdkVersion, String vmName, String vmVersion, List<String> jvmArgs) {

    public Jvm {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** "JDK 17.0.15, OpenJDK 64-Bit Server VM 17.0.15+6, JVM args: --add-modules=jdk.incubator.vector". */
    public String describe() {
        return "JDK " + orUnknown(jdkVersion) + ", " + orUnknown(vmName) + " " + orUnknown(vmVersion) + ", JVM args: "
                + (jvmArgs.isEmpty() ? "none" : String.join(" ", jvmArgs));
    }

    /** JmhJson reads a field JMH did not write as "": say so rather than print a gap. */
    private static String orUnknown(String field) {
        return field.isEmpty() ? "unknown" : field;
    }
}
