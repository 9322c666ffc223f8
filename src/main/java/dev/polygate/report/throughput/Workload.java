package dev.polygate.report.throughput;

import dev.polygate.model.ModelSpec;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one benchmark operation does: on which model (if any), over how many items (samples or
 * array elements, 0 for none), and how many floating-point operations that is (empty where the
 * count is not known, e.g. a library exp).
 */
public record Workload(Optional<ModelSpec> model, long items, String itemNoun, OptionalLong flops) {

    /** A model trained or evaluated over {@code samples} samples. */
    static Workload ofModel(ModelSpec model, long samples, long flops) {
        return new Workload(Optional.of(model), samples, "samples", OptionalLong.of(flops));
    }

    /** An element-wise kernel over an array. */
    static Workload ofElements(long elements, OptionalLong flops) {
        return new Workload(Optional.empty(), elements, "elements", flops);
    }

    /** A fixed amount of arithmetic, no items. */
    static Workload ofFlops(long flops) {
        return new Workload(Optional.empty(), 0, "", OptionalLong.of(flops));
    }
}
