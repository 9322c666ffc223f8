package dev.polygate.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Refuses a value given twice to a list or repeatable option (--width 4,8,4; --jmh a.json --jmh
 * a.json): a grid would train the same runs twice, a report would count a file twice. Checked
 * after parsing and before the command runs, for every command alike.
 */
final class DistinctValues {
    private DistinctValues() {
    }

    /** Throws a ParameterException naming the option and the value it was given twice. */
    static void check(ParseResult parsed) {
        ParseResult command = parsed;
        while (command.subcommand() != null) {
            command = command.subcommand();
        }
        for (OptionSpec option : command.matchedOptions()) {
            if (!option.isMultiValue()) {
                continue;
            }
            // The values as typed, one per item (a list option's text split as picocli split it),
            // beside the converted values, which are what must differ (02 is 2).
            List<String> given = option.stringValues().stream()
                    .flatMap(s -> option.splitRegex().isEmpty() ? Stream.of(s) : Arrays.stream(s.split(option.splitRegex(), -1)))
                    .toList();
            List<?> values = option.getValue();
            for (int i = 1; i < values.size(); i++) {
                if (values.subList(0, i).contains(values.get(i))) {
                    throw new ParameterException(command.commandSpec().commandLine(),
                            option.longestName() + " has '" + given.get(i).trim() + "' twice");
                }
            }
        }
    }
}
