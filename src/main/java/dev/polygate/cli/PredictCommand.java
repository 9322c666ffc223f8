package dev.polygate.cli;

import dev.polygate.io.ModelFile;
import dev.polygate.kernel.VectorMlp;
import dev.polygate.text.FloatText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygate predict}: a saved model evaluated at x values, one per line in and out. */
@Command(name = "predict",
        customSynopsis = "polygate predict --model FILE [--input FILE]",
        header = "evaluate a saved model at x values read from stdin or a file, one per line",
        description = {
            "Reads x values, one per line (blank lines skipped), from --input or stdin, and prints the saved "
                    + "model's prediction for each, one per line, in the same order.",
            ""})
final class PredictCommand extends StreamsCommand {
    @Mixin
    HelpOption help;

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "a model saved by polygate train --model-out (required)")
    String model;

    @Option(names = "--input", paramLabel = "FILE", description = "x values, one per line (default: stdin)")
    String input;

    PredictCommand(Streams io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        ModelFile.SavedModel saved;
        try {
            saved = ModelFile.load(Path.of(model));
        } catch (IllegalArgumentException e) {
            throw new UsageException("predict: --model: " + e.getMessage());
        }
        List<Float> xs = readXs();
        if (xs.isEmpty()) {
            return 0;
        }
        float[] x = new float[xs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = xs.get(i);
        }
        VectorMlp mlp;
        try {
            mlp = new VectorMlp(saved.spec(), x, new float[x.length]);
        } catch (IllegalArgumentException e) {   // a buffer over Java's array limit (RunMemory)
            throw new UsageException("predict: " + e.getMessage() + "; give fewer x values at once");
        }
        mlp.forwardLoss(saved.parameters());
        StringBuilder sb = new StringBuilder();
        for (float y : mlp.outputs()) {
            sb.append(FloatText.shortest(y)).append('\n');
        }
        io.out().print(sb);
        return 0;
    }

    /** The finite x values of --input or stdin; a line that is not one is bad input, named by its number. */
    private List<Float> readXs() {
        List<Float> xs = new ArrayList<>();
        String source = input != null ? input : "stdin";
        try (BufferedReader r = input != null
                ? Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)
                : new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String s = line.trim();
                if (s.isEmpty()) {
                    continue;
                }
                float x;
                try {
                    x = Float.parseFloat(s);
                } catch (NumberFormatException e) {
                    throw new UsageException("predict: " + source + " line " + lineNo + ": '" + s
                            + "' is not a number (one finite x per line)");
                }
                if (!Float.isFinite(x)) {
                    throw new UsageException("predict: " + source + " line " + lineNo + ": '" + s
                            + "' is not finite (one finite x per line)");
                }
                xs.add(x);
            }
        } catch (NoSuchFileException e) {
            throw new UsageException("predict: --input " + source + " does not exist");
        } catch (IOException e) {   // a directory, or unreadable: bad input, not an internal error
            throw new UsageException("predict: --input " + source + " cannot be read"
                    + (Files.isDirectory(Path.of(source)) ? ": it is a directory" : "") + " (need a file of x values)");
        }
        return xs;
    }
}
