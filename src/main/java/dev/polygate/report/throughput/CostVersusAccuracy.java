package dev.polygate.report.throughput;

import dev.polygate.experiment.SweepResult;
import dev.polygate.text.FloatText;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.Shape;
import dev.polygate.model.Target;
import dev.polygate.report.accuracy.CellStats;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import dev.polygate.train.TrainingResult;
import java.nio.file.Path;
import dev.polygate.report.stats.PairedTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What each kind buys per unit of compute: for every activation and kind of the accuracy sweep,
 * the cost of one training step (TrainingStepBenchmark.step at the sweep's own shape) and of the
 * whole run, next to the median final MSE over seeds at every degree n.
 */
public final class CostVersusAccuracy {
    /** Everything a run's setting depends on besides activation, kind, degree and seed. */
    public record Setting(int width, int depth, double lr, int samples, int steps) {
        static Setting of(TrainingResult run) {
            return new Setting(run.spec().model().width(), run.spec().model().depth(), run.spec().lr(),
                    run.spec().samples(), run.spec().steps());
        }

        /** The benchmark shape of this setting's model and data, SAMPLESxWIDTHxDEPTH. */
        public Shape shape() {
            return new Shape(samples, width, depth);
        }

        public String describe() {
            return "width " + width + ", depth " + depth + ", lr " + FloatText.shortest(lr) + ", " + samples + " samples, "
                    + steps + " Adam steps";
        }
    }

    /**
     * One (activation, kind): its parameter count, the step benchmark if measured, and the final-MSE
     * statistics over seeds per degree.
     */
    public record Row(Activation activation, LayerKind kind, int parameters, Optional<Measurement> step,
                      Map<Target, CellStats> finalMse) {
        /** Median ns per training step; NaN if not measured. */
        public double nsPerStep() {
            return step.map(Measurement::nsPerOp).orElse(Double.NaN);
        }
    }

    private final Path accuracyFile;
    private final Setting setting;
    private final List<Setting> otherSettings;
    private final int seeds;
    private final List<Target> degrees;
    private final List<Activation> activations;
    private final List<LayerKind> kinds;
    private final List<Row> rows;

    private CostVersusAccuracy(Path accuracyFile, Setting setting, List<Setting> otherSettings, int seeds,
                               List<Target> degrees, List<Activation> activations, List<LayerKind> kinds,
                               List<Row> rows) {
        this.accuracyFile = accuracyFile;
        this.setting = setting;
        this.otherSettings = List.copyOf(otherSettings);
        this.seeds = seeds;
        this.degrees = List.copyOf(degrees);
        this.activations = List.copyOf(activations);
        this.kinds = List.copyOf(kinds);
        this.rows = List.copyOf(rows);
    }

    /**
     * Joins the sweep's final MSEs with the step times. A sweep of one setting is used whatever it
     * is; of several, the first at the study's benchmark shape {@link Targets#STEP_SHAPE}; if none
     * is at that shape there is no single setting to summarise: an InvalidInputException.
     */
    public static CostVersusAccuracy of(SweepResult sweep, Path accuracyFile, ThroughputResults throughput) {
        if (sweep.runs().isEmpty()) {
            throw new InvalidInputException(accuracyFile + " holds no runs");
        }
        List<Setting> settings = sweep.runs().stream().map(Setting::of).distinct().toList();
        Setting chosen = settings.size() == 1 ? settings.get(0)
                : settings.stream().filter(s -> s.shape().equals(Targets.STEP_SHAPE)).findFirst()
                        .orElseThrow(() -> new InvalidInputException(accuracyFile + " holds " + settings.size()
                                + " settings (" + settings.stream().map(Setting::describe)
                                        .collect(Collectors.joining("; "))
                                + ") and none at the benchmark shape " + Targets.STEP_SHAPE
                                + " (samples x width x depth); the summary needs one setting"));
        List<Row> rows = new ArrayList<>();
        for (Activation activation : sweep.grid().activations()) {
            for (LayerKind kind : sweep.grid().kinds()) {
                Map<Target, CellStats> byDegree = new LinkedHashMap<>();
                for (Target degree : sweep.grid().targets()) {
                    byDegree.put(degree, CellStats.of(sweep.runs().stream()
                            .filter(r -> Setting.of(r).equals(chosen) && r.spec().model().activation() == activation
                                    && r.spec().model().kind() == kind && r.spec().target().equals(degree))
                            .toList()));
                }
                int parameters = new ModelSpec(activation, kind, chosen.width(), chosen.depth()).layout().size();
                rows.add(new Row(activation, kind, parameters, step(throughput, activation, kind, chosen.shape()),
                        byDegree));
            }
        }
        return new CostVersusAccuracy(accuracyFile, chosen,
                settings.stream().filter(s -> !s.equals(chosen)).toList(), sweep.grid().seeds(),
                sweep.grid().targets(), sweep.grid().activations(), sweep.grid().kinds(), rows);
    }

    private static Optional<Measurement> step(ThroughputResults throughput, Activation activation, LayerKind kind,
                                              Shape shape) {
        return throughput.of(Known.STEP).stream()
                // One thread: the cost a sweep's runs pay, each on its own core.
                .filter(m -> m.param("activation").equals(activation.cliName()) && m.threadsPerRun() == 1
                        && m.param("kind").equals(kind.cliName())
                        && Shape.parse(m.param("shape")).equals(shape))
                .findFirst();
    }

    public Path accuracyFile() {
        return accuracyFile;
    }

    public Setting setting() {
        return setting;
    }

    /** Settings of the sweep left out of the summary (it compares one setting). */
    public List<Setting> otherSettings() {
        return otherSettings;
    }

    public int seeds() {
        return seeds;
    }

    public List<Target> degrees() {
        return degrees;
    }

    public List<Activation> activations() {
        return activations;
    }

    public List<LayerKind> kinds() {
        return kinds;
    }

    public List<Row> rows() {
        return rows;
    }

    public Optional<Row> row(Activation activation, LayerKind kind) {
        return rows.stream().filter(r -> r.activation() == activation && r.kind() == kind).findFirst();
    }

    /** Milliseconds of a whole training run: the sweep's steps × the median step time. */
    public double runMilliseconds(Row row) {
        return row.nsPerStep() * setting.steps() / 1e6;
    }

    /**
     * One sentence for an activation: gated (or the sweep's last kind without gated) against every
     * other kind, in cost per step and in median final MSE at the highest degree, e.g. "gated costs
     * 1.30× squared per step and reaches 2.00× lower MSE at n = 4".
     */
    public String sentence(Activation activation) {
        LayerKind subject = kinds.contains(LayerKind.GATED) ? LayerKind.GATED : kinds.get(kinds.size() - 1);
        Target n = degrees.get(degrees.size() - 1);
        Row mine = row(activation, subject).orElseThrow();
        List<String> parts = new ArrayList<>();
        for (LayerKind other : kinds) {
            if (other != subject) {
                parts.add(comparison(mine, row(activation, other).orElseThrow(), n));
            }
        }
        if (parts.isEmpty()) {
            return activation.cliName() + ": only " + subject.cliName() + " was swept; nothing to compare.";
        }
        return activation.cliName() + ": " + subject.cliName() + " " + String.join("; it ", parts) + ".";
    }

    /**
     * The seed-paired test behind a median comparison, as accuracy.md prints it: " (paired test at
     * α = 0.05: lower, p = 0.0078)" or " (…: not distinguishable, p = 0.383)"; empty without pairs.
     */
    private static String pairedVerdict(CellStats mine, CellStats other) {
        List<Long> seeds = mine.finalMseBySeed().keySet().stream().filter(other.finalMseBySeed()::containsKey).sorted()
                .toList();
        double[] a = seeds.stream().mapToDouble(mine.finalMseBySeed()::get).toArray();
        double[] b = seeds.stream().mapToDouble(other.finalMseBySeed()::get).toArray();
        return PairedTest.of(a, b).map(t -> " (paired test at α = " + NumberText.pValue(PairedTest.DEFAULT_ALPHA) + ": "
                + switch (t.verdict()) {
                    case A_LOWER -> "lower";
                    case B_LOWER -> "higher";
                    case NOT_DISTINGUISHABLE -> "not distinguishable";
                } + ", p " + (t.wilcoxonExact() ? "= " : "≈ ") + NumberText.pValue(t.wilcoxonP()) + ")").orElse("");
    }

    /**
     * "costs 1.30× squared per step and reaches 2.00× lower MSE at n = 4", or without both step
     * costs "reaches 2.00× lower MSE than squared at n = 4 (step cost of squared not measured)".
     */
    private static String comparison(Row mine, Row other, Target n) {
        String name = other.kind().cliName();
        double cost = mine.nsPerStep() / other.nsPerStep();
        boolean costed = !Double.isNaN(cost);
        CellStats a = mine.finalMse().get(n);
        CellStats b = other.finalMse().get(n);
        String mse;
        if (!a.hasFinished() || !b.hasFinished()) {
            mse = "has no finished run of " + (a.hasFinished() ? name : mine.kind().cliName()) + " to compare with "
                    + (costed ? "" : name + " ") + "at " + n.prose();
        } else {
            double better = b.median() / a.median();
            String than = costed ? "" : " than " + name;
            if (better > 1) {
                mse = "reaches a " + NumberText.ratio(better) + "× lower median MSE" + than + " at " + n.prose();
            } else if (better < 1) {
                mse = "ends at a " + NumberText.ratio(1 / better) + "× higher median MSE" + than + " at " + n.prose();
            } else {
                mse = "reaches the same median MSE as " + name + " at " + n.prose();
            }
            mse += pairedVerdict(a, b);
        }
        if (costed) {
            return "costs " + NumberText.ratio(cost) + "× " + name + " per step and " + mse;
        }
        List<String> unmeasured = new ArrayList<>();
        for (Row row : List.of(mine, other)) {
            if (row.step().isEmpty()) {
                unmeasured.add(row.kind().cliName());
            }
        }
        return mse + " (step cost of " + String.join(" and ", unmeasured) + " not measured)";
    }
}
