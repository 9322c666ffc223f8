package dev.polygate.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's option defaults, as text, by long option name: each command computes them from its
 * design's own defaults (Grid.studyDefault(), EquivalenceDesign.defaults(), ...), the one place
 * they are set, so that help (${DEFAULT-VALUE}) and behaviour cannot disagree. Picocli parses a
 * default exactly as if it had been typed, through the option's converter.
 */
abstract class OptionDefaults implements IDefaultValueProvider {
    private final Map<String, String> byOption;

    OptionDefaults(Map<String, String> byOption) {
        this.byOption = Map.copyOf(byOption);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec option ? byOption.get(option.longestName()) : null;
    }

    /** A list default as typed: the values' command-line names, comma-separated. */
    static <T> String list(List<T> values, Function<T, String> name) {
        return values.stream().map(name).distinct().collect(Collectors.joining(","));
    }
}
