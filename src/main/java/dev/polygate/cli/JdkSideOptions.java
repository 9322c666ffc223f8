package dev.polygate.cli;

import dev.polygate.report.jdk.JdkComparisonReport;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The three options that describe one JDK of a comparison, --X-label, --X-jmh (repeatable) and
 * --X-accuracy, for side X = a or b. Built in code rather than declared twice: the two sides are
 * the same options under two prefixes.
 */
final class JdkSideOptions {
    private final String prefix;
    private final String defaultLabel;
    private final String what;

    /**
     * @param prefix       the options' prefix, "a" or "b"
     * @param defaultLabel the side's name in the report when --X-label is not given
     * @param what         how help names the side, e.g. "JDK A (the baseline)"
     */
    JdkSideOptions(String prefix, String defaultLabel, String what) {
        this.prefix = prefix;
        this.defaultLabel = defaultLabel;
        this.what = what;
    }

    /** Adds this side's options to the jdk-report command. */
    void addTo(CommandSpec command) {
        command.addOption(OptionSpec.builder(name("label")).paramLabel("L").type(String.class)
                .defaultValue(defaultLabel).description("name of " + what + " in the report (default: ${DEFAULT-VALUE})")
                .build());
        command.addOption(OptionSpec.builder(name("jmh")).paramLabel("FILE").type(List.class)
                .auxiliaryTypes(Path.class).required(true)
                .description("a JMH -rf json result file of " + what + "; repeat for several, pooled (required)")
                .build());
        command.addOption(OptionSpec.builder(name("accuracy")).paramLabel("STORE").type(Path.class).required(true)
                .description("the run store of a sweep run on " + what + " (sweep-runs.jsonl or its directory) (required)").build());
    }

    /** The side as the parsed options give it; an empty label is bad input. */
    JdkComparisonReport.Side read(CommandSpec command) {
        String label = command.findOption(name("label")).<String>getValue().trim();
        if (label.isEmpty()) {
            throw new UsageException("jdk-report: " + name("label") + " must not be empty");
        }
        List<Path> jmh = command.findOption(name("jmh")).getValue();
        Path accuracy = command.findOption(name("accuracy")).getValue();
        return new JdkComparisonReport.Side(label, jmh, accuracy);
    }

    private String name(String option) {
        return "--" + prefix + "-" + option;
    }
}
