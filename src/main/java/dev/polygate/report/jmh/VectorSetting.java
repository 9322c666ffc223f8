package dev.polygate.report.jmh;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import dev.polygate.kernel.VectorMath;
import dev.polygate.report.input.InvalidInputException;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The vector width polygate's kernels ran at: float lanes of VectorMath.SPECIES and HotSpot's
 * UseAVX level. JMH records neither, only the forks' JVM arguments, so they are taken from the
 * JVM that writes the report, which bin/compare-torch starts on the same JDK with the forks' -XX
 * options; {@link #checkForks} refuses a report whose JVM was started otherwise (a fork run with
 * -XX:UseAVX=2 reported from a JVM without it would claim 16 lanes for 8).
 *
 * @param lanes                float lanes of the preferred species
 * @param useAvx               the UseAVX flag's value, or "n/a" where HotSpot has none (not x86)
 * @param useAvxOnCommandLine  whether UseAVX was set when this JVM was started
 */
public record VectorSetting(int lanes, String useAvx, boolean useAvxOnCommandLine) {
    private static final String FLAG = "-XX:UseAVX=";

    /** This JVM's. */
    public static VectorSetting current() {
        int lanes = VectorMath.SPECIES.length();
        try {
            VMOption option = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("UseAVX");
            return new VectorSetting(lanes, option.getValue(), option.getOrigin() == VMOption.Origin.VM_CREATION);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new VectorSetting(lanes, "n/a", false);
        }
    }

    /**
     * Fails unless the forks' arguments set UseAVX as this JVM was started: the same value where
     * they set it, unset where they do not.
     */
    public void checkForks(List<String> forkJvmArgs) {
        String forks = null;
        for (String a : forkJvmArgs) {
            if (a.startsWith(FLAG)) {
                forks = a.substring(FLAG.length());
            }
        }
        if (forks != null && !forks.equals(useAvx)) {
            throw new InvalidInputException("the JMH forks ran with " + FLAG + forks + " but this report's JVM has UseAVX="
                    + useAvx + ", so it would state the wrong vector width: run it with POLYGATE_JAVA_OPTS=" + FLAG + forks);
        }
        if (forks == null && useAvxOnCommandLine) {
            throw new InvalidInputException("this report's JVM was started with " + FLAG + useAvx + " but the JMH forks were"
                    + " not, so it would state the wrong vector width: run it without that option");
        }
    }

    /** "16 float lanes (512-bit vectors), UseAVX=3". */
    public String describe() {
        return lanes + " float lanes (" + (lanes * Float.SIZE) + "-bit vectors), UseAVX=" + useAvx;
    }
}
