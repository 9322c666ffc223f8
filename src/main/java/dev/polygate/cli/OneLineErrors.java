package dev.polygate.cli;

import dev.polygate.report.input.InvalidInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Every error as ONE line on stderr, "polygate: COMMAND: what is wrong (what is allowed)", instead
 * of picocli's message followed by the whole usage: bad input (a picocli parse error, a
 * {@link UsageException}, an {@link InvalidInputException}) exits 2 and an I/O error exits 1,
 * with no stack trace. Anything else is an internal error, which picocli reports with its trace.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Exit code of bad input: nothing was written. */
    static final int BAD_INPUT = 2;
    /** Exit code of an I/O error while working. */
    static final int IO_ERROR = 1;

    private final PrintStream err;

    OneLineErrors(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine where = ex.getCommandLine();
        return print(where, describe(ex, where.getCommandSpec(), Arrays.asList(args)), BAD_INPUT);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine where, ParseResult parsed) throws Exception {
        if (ex instanceof UsageException) {
            err.println("polygate: " + oneLine(ex.getMessage()));
            return BAD_INPUT;
        }
        if (ex instanceof InvalidInputException || ex instanceof dev.polygate.experiment.store.StoreException) {
            return print(where, ex.getMessage(), BAD_INPUT);
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println("polygate: I/O error: " + oneLine(ex.getMessage()));
            return IO_ERROR;
        }
        throw ex;
    }

    private int print(CommandLine where, String message, int code) {
        String command = where.getParent() == null ? "" : where.getCommandName() + ": ";
        err.println("polygate: " + command + oneLine(message));
        return code;
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
    }

    /** What picocli found wrong, in the words of the old parser: the option, the value, what is allowed. */
    private static String describe(ParameterException ex, CommandSpec command, List<String> args) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            // picocli names no argument when an unknown flag stood where a value belongs
            Optional<String> first = unmatched.getUnmatched().stream().findFirst()
                    .or(() -> args.stream().filter(a -> unknownFlag(a, command)).findFirst());
            if (first.isPresent()) {
                return unmatched(first.get(), command, args);
            }
        }
        if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return missing(missing.getMissing(), args);
        }
        if (ex instanceof OverwrittenOptionException overwritten) {
            return name(overwritten.getOverwritten()) + " given twice";
        }
        if (ex.getArgSpec() != null && ex.getCause() != null) {   // a value its converter refused
            String why = ex.getCause() instanceof TypeConversionException refusal ? refusal.getMessage()
                    : "'" + ex.getValue() + "' is not allowed (" + ex.getCause().getMessage() + ")";
            return name(ex.getArgSpec()) + ": " + why;
        }
        return ex.getMessage();
    }

    private static String unmatched(String arg, CommandSpec command, List<String> args) {
        if (!command.subcommands().isEmpty() && !arg.startsWith("-")) {
            return "unknown command '" + arg + "' (allowed: " + String.join(", ", visibleCommands(command)) + ")";
        }
        if (!arg.startsWith("-")) {
            return "unexpected argument '" + arg + "' (options start with --; see polygate " + command.name()
                    + " --help)";
        }
        int eq = arg.indexOf('=');
        OptionSpec named = eq > 0 ? command.findOption(arg.substring(0, eq)) : null;
        if (named != null && named.arity().max() == 0) {
            return named.longestName() + " takes no value";
        }
        int at = args.lastIndexOf(arg);
        OptionSpec before = at > 0 ? command.findOption(args.get(at - 1)) : null;
        if (before != null && before.arity().min() > 0) {
            return before.longestName() + " needs a value, got the flag " + arg;
        }
        return "unknown flag " + arg + " (allowed: " + String.join(", ", visibleOptions(command)) + ")";
    }

    /**
     * A required option that was not given ("is required"; an option of fixed names also lists
     * them), or one given without its value ("needs a value", and the flag found in its place).
     */
    private static String missing(List<ArgSpec> missing, List<String> args) {
        ArgSpec first = missing.get(0);
        if (first instanceof OptionSpec option) {
            Optional<Integer> at = Arrays.stream(option.names()).map(args::lastIndexOf).filter(i -> i >= 0).findFirst();
            if (at.isPresent()) {
                int next = at.get() + 1;
                return option.longestName() + " needs a value"
                        + (next < args.size() ? ", got the flag " + args.get(next) : "");
            }
        }
        String also = missing.size() > 1
                ? " (also missing: " + String.join(", ", missing.stream().skip(1).map(OneLineErrors::name).toList()) + ")"
                : "";
        Iterable<String> candidates = first.completionCandidates();
        String allowed = candidates == null || !candidates.iterator().hasNext() ? ""
                : " (allowed: " + String.join(", ", candidates) + ")";
        return name(first) + " is required" + allowed + also;
    }

    /** A flag (not a negative number) that is none of the command's options. */
    private static boolean unknownFlag(String arg, CommandSpec command) {
        return arg.matches("--?[A-Za-z].*") && command.findOption(arg.split("=", 2)[0]) == null;
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static List<String> visibleCommands(CommandSpec command) {
        return command.subcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()).map(e -> e.getKey()).toList();
    }

    private static List<String> visibleOptions(CommandSpec command) {
        return command.options().stream().filter(o -> !o.hidden()).map(OptionSpec::longestName).sorted().toList();
    }
}
