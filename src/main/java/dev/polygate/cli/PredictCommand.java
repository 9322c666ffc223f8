package dev.polygate.cli;

import dev.polygate.text.FloatText;
import dev.polygate.io.ModelFile;
import dev.polygate.kernel.VectorMlp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code polygate predict}: a saved model evaluated at x values, one per line in and out. */
final class PredictCommand {
    static final String HELP = String.join("\n",
            "usage: polygate predict --model FILE [--input FILE]",
            "",
            "Reads x values, one per line (blank lines skipped), from --input or stdin, and prints the",
            "saved model's prediction for each, one per line, in the same order.",
            "",
            "  --model FILE   a model saved by polygate train --model-out (required)",
            "  --input FILE   x values, one per line (default: stdin)");

    private PredictCommand() {
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        Flags f = new Flags("predict", args, Set.of("model", "input"), Set.of("help"));
        if (f.flag("help")) {
            out.println(HELP);
            return 0;
        }
        ModelFile.SavedModel model;
        try {
            model = ModelFile.load(Path.of(f.required("model")));
        } catch (IllegalArgumentException e) {
            throw new UsageException("predict: --model: " + e.getMessage());
        }
        List<Float> xs = new ArrayList<>();
        String source = f.has("input") ? f.string("input", null) : "stdin";
        try (BufferedReader r = f.has("input")
                ? Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8)
                : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
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
        } catch (java.io.IOException e) {   // a directory, or unreadable: bad input, not an internal error
            throw new UsageException("predict: --input " + source + " cannot be read"
                    + (Files.isDirectory(Path.of(source)) ? ": it is a directory" : "") + " (need a file of x values)");
        }
        if (xs.isEmpty()) {
            return 0;
        }
        float[] x = new float[xs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = xs.get(i);
        }
        VectorMlp mlp;
        try {
            mlp = new VectorMlp(model.spec(), x, new float[x.length]);
        } catch (IllegalArgumentException e) {   // a buffer over Java's array limit (RunMemory)
            throw new UsageException("predict: " + e.getMessage() + "; give fewer x values at once");
        }
        mlp.forwardLoss(model.parameters());
        StringBuilder sb = new StringBuilder();
        for (float y : mlp.outputs()) {
            sb.append(FloatText.shortest(y)).append('\n');
        }
        out.print(sb);
        return 0;
    }
}
