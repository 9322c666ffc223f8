package dev.polygate.cli;

import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.ScalingDesign;
import dev.polygate.experiment.Sizing;
import dev.polygate.experiment.ThreadsPerRun;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import java.util.List;
import java.util.function.Function;
import dev.polygate.experiment.store.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How an option's text becomes its value, with the allowed range checked on the way: one converter
 * per kind of value, named for it, so that an option's declaration says what it takes. A refusal
 * says what was given and what is allowed; {@link OneLineErrors} puts the option's name in front.
 * A list option is split at commas before its converter sees an item; a single-value converter
 * that gets a comma therefore got a list, and says so.
 */
final class Converters {
    private Converters() {
    }

    /** The refusal every converter throws: the value, or an empty item, and what is allowed. */
    static TypeConversionException refused(String value, String allowed) {
        String what = value.isBlank() ? "an empty item" : "'" + value + "'";
        return new TypeConversionException(what + " is not allowed (allowed: " + allowed + ")");
    }

    /** An integer in [min, max]. */
    abstract static class IntegerIn implements ITypeConverter<Integer> {
        private final int min;
        private final int max;

        IntegerIn(int min, int max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String value) {
            try {
                long n = Long.parseLong(value.trim());
                if (n >= min && n <= max) {
                    return (int) n;
                }
            } catch (NumberFormatException e) {
                // refused below, as an out-of-range number is
            }
            throw refused(value, "an integer in " + min + ".." + max);
        }
    }

    /** n of a target x^n. */
    static final class Degree extends IntegerIn {
        Degree() {
            super(0, Target.MAX_DEGREE);
        }
    }

    /** n of x^n where x^0 means nothing (the equivalence test: a constant needs no gate). */
    static final class PositiveDegree extends IntegerIn {
        PositiveDegree() {
            super(1, Target.MAX_DEGREE);
        }
    }

    static final class Width extends IntegerIn {
        Width() {
            super(1, ModelSpec.MAX_WIDTH);
        }
    }

    static final class Depth extends IntegerIn {
        Depth() {
            super(1, ModelSpec.MAX_DEPTH);
        }
    }

    static final class Samples extends IntegerIn {
        Samples() {
            super(1, RunSpec.MAX_SAMPLES);
        }
    }

    static final class Steps extends IntegerIn {
        Steps() {
            super(1, RunSpec.MAX_STEPS);
        }
    }

    /** Points of the held-out test set; 0 for none. */
    static final class TestSamples extends IntegerIn {
        TestSamples() {
            super(0, TrainingSetup.MAX_TEST_SAMPLES);
        }
    }

    static final class Seeds extends IntegerIn {
        Seeds() {
            super(1, Grid.MAX_SEEDS);
        }
    }

    /** Seeds of a paired test: one seed pairs nothing. */
    static final class PairedSeeds extends IntegerIn {
        PairedSeeds() {
            super(2, Grid.MAX_SEEDS);
        }
    }

    static final class Threads extends IntegerIn {
        /** More threads than this is a typo, not a machine. */
        static final int MAX = 256;

        Threads() {
            super(1, MAX);
        }
    }

    /** --threads-per-run: auto, or a count as --threads takes it. */
    static final class ThreadsPerRunText implements ITypeConverter<ThreadsPerRun> {
        @Override
        public ThreadsPerRun convert(String value) {
            if (value.trim().equals("auto")) {
                return ThreadsPerRun.AUTO;
            }
            try {
                return ThreadsPerRun.of(new Threads().convert(value));
            } catch (TypeConversionException e) {
                throw refused(value, "auto or an integer in 1.." + Threads.MAX);
            }
        }
    }

    static final class CheckFactor extends IntegerIn {
        CheckFactor() {
            super(1, ScalingDesign.MAX_CHECK_FACTOR);
        }
    }

    /** Any long: a seed. */
    /** --shard I/N. */
    static final class ShardSpec implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** --engine local|spark. */
    static final class EngineName implements ITypeConverter<GridRunOptions.Engine> {
        @Override
        public GridRunOptions.Engine convert(String value) {
            return switch (value) {
                case "local" -> GridRunOptions.Engine.LOCAL;
                case "spark" -> GridRunOptions.Engine.SPARK;
                default -> throw new TypeConversionException("unknown engine '" + value + "' (allowed: local, spark)");
            };
        }
    }

    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw refused(value, "an integer");
            }
        }
    }

    /** A budget of parameters or FLOPs: an integer &gt; 0 that can exceed an int. */
    static final class PositiveLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long n = Long.parseLong(value.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw refused(value, "integers > 0");
        }
    }

    /** A learning rate: a finite number &gt; 0. */
    static final class PositiveNumber implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double d = Double.parseDouble(value.trim());
                if (d > 0 && !Double.isInfinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw refused(value, "a finite number > 0");
        }
    }

    /** One name of a fixed set, parsed by the model's own parse (whose message names the set). */
    abstract static class Name<T> implements ITypeConverter<T> {
        private final Function<String, T> parse;
        private final Iterable<String> candidates;

        Name(Function<String, T> parse, Iterable<String> candidates) {
            this.parse = parse;
            this.candidates = candidates;
        }

        @Override
        public T convert(String value) {
            if (value.contains(",")) {
                throw new TypeConversionException("takes one value, got the list '" + value + "' (allowed: one of "
                        + String.join(", ", candidates) + "; polygate sweep takes lists)");
            }
            if (value.isBlank()) {
                throw refused(value, String.join(", ", candidates));
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * One value in a text form of its own (which may hold commas, e.g. uniform:-1,1), parsed by the
     * model's own parse, whose one-line message names what is allowed.
     */
    abstract static class Parsed<T> implements ITypeConverter<T> {
        private final Function<String, T> parse;
        private final String allowed;

        Parsed(Function<String, T> parse, String allowed) {
            this.parse = parse;
            this.allowed = allowed;
        }

        @Override
        public T convert(String value) {
            if (value.isBlank()) {
                throw refused(value, allowed);
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** --inputs normal | uniform:A,B. */
    static final class InputsText extends Parsed<TrainingSetup.Inputs> {
        InputsText() {
            super(TrainingSetup.Inputs::parse, TrainingSetup.Inputs.ALLOWED);
        }
    }

    /** --optimizer adam | adamw:WD | sgd:M | lm | readout. */
    static final class OptimizerText extends Parsed<TrainingSetup.Optimizer> {
        OptimizerText() {
            super(TrainingSetup.Optimizer::parse, TrainingSetup.Optimizer.ALLOWED);
        }
    }

    /** --schedule constant | cosine | step:EVERY,GAMMA, each optionally +warmup:W. */
    static final class ScheduleText extends Parsed<TrainingSetup.Schedule> {
        ScheduleText() {
            super(TrainingSetup.Schedule::parse, TrainingSetup.Schedule.ALLOWED);
        }
    }

    static final class PrecisionName extends Name<TrainingSetup.Precision> {
        PrecisionName() {
            super(TrainingSetup.Precision::parse, new Candidates.Precisions());
        }
    }

    static final class InitName extends Name<TrainingSetup.Init> {
        InitName() {
            super(TrainingSetup.Init::parse, new Candidates.Inits());
        }
    }

    static final class ActivationName extends Name<Activation> {
        ActivationName() {
            super(Activation::parse, new Candidates.Activations());
        }
    }

    static final class KindName extends Name<LayerKind> {
        KindName() {
            super(LayerKind::parse, new Candidates.Kinds());
        }
    }

    static final class MatchName extends Name<Sizing.Match> {
        MatchName() {
            super(Sizing.Match::parse, new Candidates.Matches());
        }
    }

    /** A gate of the equivalence test: an activation that has an integrated counterpart. */
    static final class GateName extends Name<Activation> {
        GateName() {
            super(GateName::parse, new Candidates.Gates());
        }

        private static Activation parse(String name) {
            List<Activation> gates = EquivalenceDesign.possibleGates();
            return gates.stream().filter(g -> g.cliName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown gate '" + name + "' (allowed: "
                            + String.join(", ", new Candidates.Gates()) + ")"));
        }
    }
}
