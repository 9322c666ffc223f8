package dev.polygate.cli;

import dev.polygate.train.RunTrainer;
import dev.polygate.train.Trainer;
import java.io.InputStream;
import java.io.PrintStream;
import picocli.CommandLine;

/** {@code polygate COMMAND [OPTIONS]}: sweep, equivalence, scaling, train, predict, throughput, jdk-report, peer-report. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs a command; returns the exit code. Bad input never leaves a file half-written. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, new Streams(in, out, err), Trainer::train);
    }

    /** As above, each sweep run trained by {@code trainer} (tests make runs throw through it). */
    static int run(String[] args, Streams io, RunTrainer trainer) {
        CommandLine commandLine = PolygateCommand.commandLine(io, trainer);
        java.util.Optional<String> badTiling = dev.polygate.kernel.Tiling.invalidOverride();
        if (badTiling.isPresent()) {   // a -D for the kernels' blocking (POLYGATE_JAVA_OPTS)
            io.err().println("polygate: " + badTiling.get());
            return OneLineErrors.BAD_INPUT;
        }
        if (args.length == 0) {   // no command: the usage, as an error
            commandLine.usage(io.err());
            return OneLineErrors.BAD_INPUT;
        }
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return code;
    }
}
