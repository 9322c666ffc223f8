package dev.polygate.cli;

import picocli.CommandLine.Option;

/** -h / --help on a command: its generated usage on stdout, exit 0. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean requested;
}
