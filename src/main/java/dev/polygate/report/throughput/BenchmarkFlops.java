package dev.polygate.report.throughput;

import dev.polygate.kernel.FlopCount;
import dev.polygate.kernel.VectorMath;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterMatch;
import dev.polygate.model.Shape;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jmh.JmhResult;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The benchmarks the throughput report knows, and the work one operation of each does. The only
 * place that knows benchmark names, as the text JMH writes (class and method, listed here once):
 * the benchmarks are not main code (src/jmh, compiled into benchmarks.jar only), so their classes
 * cannot be named here. BenchmarkNamesTest, which sees them, checks that every name here is a
 * {@code @Benchmark} method and every {@code @Benchmark} method is here: a rename breaks the
 * build, not the report.
 */
public final class BenchmarkFlops {
    /** Float operations of one element of {@code VectorMath.exp}: the count the kernels use. */
    public static final int HAND_WRITTEN_EXP_FLOPS_PER_ELEMENT = FlopCount.EXP;

    /** The hidden×hidden layer DenseLayerBenchmark times is the second layer of a depth-2 model. */
    public static final int DENSE_LAYER_DEPTH = 2;

    /** The layer ActivationEpilogueBenchmark times is the first (fan-in 1) of a depth-1 model. */
    public static final int EPILOGUE_DEPTH = 1;

    /**
     * TrainingStepBenchmark's parameter: the threads its steps run on (the steps are split as
     * training splits them, {@code --threads-per-run}). A result without it — another benchmark,
     * or JSON from before the parameter — ran on 1.
     */
    public static final String THREADS_PER_RUN = "threadsPerRun";

    /** The package of the benchmark classes, as JMH writes it in front of every benchmark name. */
    public static final String BENCHMARK_PACKAGE = "dev.polygate.bench";

    private BenchmarkFlops() {
    }

    /** A benchmark class, with the parameters its results carry. */
    public enum Family {
        TRAINING_STEP("TrainingStepBenchmark", "Training step", "activation", "kind", "shape", THREADS_PER_RUN),
        VECTOR_VS_SCALAR("VectorVsScalarBenchmark", "Vector versus scalar", "activation", "kind", "shape"),
        DENSE_LAYER("DenseLayerBenchmark", "Dense layer", "activation", "kind", "width", "samples"),
        ACTIVATION_EPILOGUE("ActivationEpilogueBenchmark", "Activation epilogue", "activation", "kind", "width",
                "samples"),
        EXP("ExpBenchmark", "exp", "size"),
        FMA_ROOF("FmaRoofBenchmark", "FMA roof");

        private final String simpleName;
        private final String title;
        private final List<String> params;

        Family(String simpleName, String title, String... params) {
            this.simpleName = simpleName;
            this.title = title;
            this.params = List.of(params);
        }

        /** The benchmark class's fully qualified name, e.g. dev.polygate.bench.ExpBenchmark. */
        public String className() {
            return BENCHMARK_PACKAGE + "." + simpleName;
        }

        public String simpleName() {
            return simpleName;
        }

        public String title() {
            return title;
        }

        /** The JMH parameters that name one of its results, in table-column order. */
        public List<String> params() {
            return params;
        }
    }

    /** One benchmark method. */
    public enum Known {
        STEP_FORWARD(Family.TRAINING_STEP, "forward"),
        STEP_BACKWARD(Family.TRAINING_STEP, "backward"),
        STEP(Family.TRAINING_STEP, "step"),
        VECTOR(Family.VECTOR_VS_SCALAR, "vector"),
        SCALAR(Family.VECTOR_VS_SCALAR, "scalar"),
        DENSE_PRODUCT(Family.DENSE_LAYER, "product"),
        DENSE_FORWARD(Family.DENSE_LAYER, "forward"),
        DENSE_BACKWARD(Family.DENSE_LAYER, "backward"),
        EPILOGUE_FORWARD(Family.ACTIVATION_EPILOGUE, "forward"),
        EXP_HAND_WRITTEN(Family.EXP, "handWritten"),
        EXP_LANEWISE(Family.EXP, "lanewiseExp"),
        EXP_MATH(Family.EXP, "mathExp"),
        FMA12(Family.FMA_ROOF, "fma12");

        private final Family family;
        private final String method;

        Known(Family family, String method) {
            this.family = family;
            this.method = method;
        }

        public Family family() {
            return family;
        }

        public String method() {
            return method;
        }

        /** The name JMH writes, e.g. dev.polygate.bench.TrainingStepBenchmark.step. */
        public String benchmarkName() {
            return family.className() + "." + method;
        }
    }

    /** The known benchmark this result is from; an InvalidInputException naming the result if none. */
    public static Known known(JmhResult result) {
        for (Known k : Known.values()) {
            if (k.benchmarkName().equals(result.id().benchmark())) {
                return k;
            }
        }
        throw new InvalidInputException(result.where() + " is not a known benchmark (known: "
                + Arrays.stream(Known.values()).map(k -> k.family().simpleName() + "." + k.method())
                        .collect(Collectors.joining(", ")) + ")");
    }

    /** The work of one operation of this result's benchmark, from its parameters. */
    public static Workload workload(Known benchmark, JmhResult result) {
        try {
            return switch (benchmark.family()) {
                case TRAINING_STEP, VECTOR_VS_SCALAR -> {
                    threadsPerRun(result);   // a bad count is refused here, with the result named
                    Shape shape = Shape.parse(result.param("shape"));
                    ModelSpec spec = ParameterMatch.spec(result.param("activation"), result.param("kind"),
                            shape.width(), shape.depth());
                    yield Workload.ofModel(spec, shape.samples(), modelFlops(benchmark, spec, shape.samples()));
                }
                case DENSE_LAYER, ACTIVATION_EPILOGUE -> {
                    int samples = positiveInt(result, "samples");
                    int depth = benchmark.family() == Family.DENSE_LAYER ? DENSE_LAYER_DEPTH : EPILOGUE_DEPTH;
                    ModelSpec spec = ParameterMatch.spec(result.param("activation"), result.param("kind"),
                            positiveInt(result, "width"), depth);
                    yield Workload.ofModel(spec, samples, modelFlops(benchmark, spec, samples));
                }
                case EXP -> {
                    int size = positiveInt(result, "size");
                    yield Workload.ofElements(size, benchmark == Known.EXP_HAND_WRITTEN
                            ? OptionalLong.of((long) HAND_WRITTEN_EXP_FLOPS_PER_ELEMENT * size) : OptionalLong.empty());
                }
                case FMA_ROOF -> Workload.ofFlops(roofFlops());
            };
        } catch (InvalidInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // ParameterMatch, ModelSpec and Shape name the bad value; add which result it is.
            throw new InvalidInputException(result.where() + " " + result.id().params() + ": " + e.getMessage());
        }
    }

    /** FLOPs of one operation of a model benchmark over {@code samples} samples. */
    static long modelFlops(Known benchmark, ModelSpec spec, long samples) {
        return switch (benchmark) {
            case STEP_FORWARD -> FlopCount.forward(spec, samples);
            case STEP_BACKWARD -> FlopCount.backward(spec, samples);
            case STEP -> FlopCount.trainingStep(spec, samples);
            // The same math in both: one forward and one backward pass.
            case VECTOR, SCALAR -> FlopCount.forward(spec, samples) + FlopCount.backward(spec, samples);
            case DENSE_PRODUCT -> FlopCount.denseProduct(spec, samples);
            case DENSE_FORWARD -> FlopCount.denseForward(spec, samples);
            case DENSE_BACKWARD -> FlopCount.denseBackward(spec, samples);
            case EPILOGUE_FORWARD -> FlopCount.firstLayerForward(spec, samples);
            default -> throw new IllegalStateException(benchmark + " does not run a model");
        };
    }

    /** The SIMD lanes the roof's FLOP count assumes: this JVM's, not necessarily the benchmark machine's. */
    public static int roofLanes() {
        return VectorMath.LANES;
    }

    /** FLOPs of one FmaRoofBenchmark.fma12 call, with this JVM's lane count. */
    public static long roofFlops() {
        return FmaRoof.flops(roofLanes());
    }

    /** The roof's FLOP formula in words, for the report. */
    public static String roofFormula() {
        return "2 · " + FmaRoof.CHAINS + " chains · " + FmaRoof.ITERATIONS + " iterations · "
                + roofLanes() + " lanes = " + roofFlops() + " FLOPs per call";
    }

    /** The threads this result's steps ran on: {@link #THREADS_PER_RUN}, 1 where the result has none. */
    public static int threadsPerRun(JmhResult result) {
        return result.id().params().containsKey(THREADS_PER_RUN) ? positiveInt(result, THREADS_PER_RUN) : 1;
    }

    private static int positiveInt(JmhResult result, String name) {
        String text = result.param(name);
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(result.where() + ": parameter " + name + " must be a positive integer, got '"
                + text + "'");
    }
}
