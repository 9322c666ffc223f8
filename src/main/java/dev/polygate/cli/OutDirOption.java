package dev.polygate.cli;

import picocli.CommandLine.Option;

/** --out DIR of every command that writes a report. */
final class OutDirOption {
    /** Where reports go unless --out says otherwise: the committed reports/ of a clone. */
    static final String DEFAULT = "reports";

    @Option(names = "--out", paramLabel = "DIR", defaultValue = DEFAULT,
            description = "report directory, created if missing (default: ${DEFAULT-VALUE})")
    String dir;
}
