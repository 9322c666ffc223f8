package dev.polygate.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Where a command reads its input and writes its results (out) and its messages (err). */
record Streams(InputStream in, PrintStream out, PrintStream err) {
}
