package dev.polygate.cli;

import java.util.concurrent.Callable;

/** A subcommand: it reads and writes through the streams it is given, and returns its exit code. */
abstract class StreamsCommand implements Callable<Integer> {
    /** Where the command reads input, writes results (out) and messages (err). */
    final Streams io;

    StreamsCommand(Streams io) {
        this.io = io;
    }
}
