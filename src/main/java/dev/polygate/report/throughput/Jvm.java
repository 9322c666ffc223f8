package dev.polygate.report.throughput;

import java.util.List;

/** The JVM a JMH result was measured on, as JMH records it. */
public record Jvm(String jdkVersion, String vmName, String vmVersion, List<String> jvmArgs) {

    public Jvm {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** "JDK 17.0.15, OpenJDK 64-Bit Server VM 17.0.15+6, JVM args: --add-modules=jdk.incubator.vector". */
    public String describe() {
        return "JDK " + jdkVersion + ", " + vmName + " " + vmVersion + ", JVM args: "
                + (jvmArgs.isEmpty() ? "none" : String.join(" ", jvmArgs));
    }
}
