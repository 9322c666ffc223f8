package dev.polygate.report.throughput;

import dev.polygate.model.LayerKind;
import dev.polygate.model.ParameterMatch;
import dev.polygate.report.jmh.RatioInterval;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training step of a gated model costs next to a squared one (TrainingStepBenchmark.step,
 * same activation and shape): time ratio gated / squared with its interval (the Hodges–Lehmann
 * ratio of their fork medians, {@link RatioInterval#of(double[], double[])}), compared either at
 * equal width (gated then has about twice the parameters) or at equal parameter count (gated at
 * the width {@link ParameterMatch} picks).
 */
public record GatedVersusSquared(Basis basis, Measurement gated, Measurement squared, RatioInterval timeRatio) {

    /** Which gated model the squared one is compared with. */
    public enum Basis {
        EQUAL_WIDTH("equal width", LayerKind.GATED.cliName()),
        EQUAL_PARAMETERS("equal parameter count", ParameterMatch.GATED_MATCHED);

        private final String label;
        private final String gatedKind;

        Basis(String label, String gatedKind) {
            this.label = label;
            this.gatedKind = gatedKind;
        }

        public String label() {
            return label;
        }

        /** The benchmark's kind parameter for the gated side. */
        public String gatedKind() {
            return gatedKind;
        }
    }

    /** Per squared step result, each basis whose gated result was measured, in file then basis order. */
    public static List<GatedVersusSquared> all(ThroughputResults results) {
        List<GatedVersusSquared> out = new ArrayList<>();
        for (Measurement squared : results.of(Known.STEP)) {
            if (!squared.param("kind").equals(LayerKind.SQUARED.cliName())) {
                continue;
            }
            for (Basis basis : Basis.values()) {
                Map<String, String> params = new HashMap<>(squared.params());
                params.put("kind", basis.gatedKind());
                results.find(Known.STEP, params).ifPresent(gated ->
                        out.add(new GatedVersusSquared(basis, gated, squared, RatioInterval.of(gated.forkMedians(), squared.forkMedians()))));
            }
        }
        return out;
    }

    public int gatedParameters() {
        return gated.work().model().orElseThrow().layout().size();
    }

    public int squaredParameters() {
        return squared.work().model().orElseThrow().layout().size();
    }
}
