package dev.polygate.experiment;

import dev.polygate.model.RunSpec;
import java.util.List;

/**
 * What a sweeping command trains and how its report reads the runs: a {@link GridDesign} (the
 * sweep's {@link Grid}, the {@link EquivalenceDesign}, the {@link ScalingDesign}) or the
 * {@link QueirugaDesign}. Each run store holds the runs of one design.
 */
public sealed interface Design permits GridDesign, QueirugaDesign {
    /** The command that trains this design and names its store: sweep, equivalence or scaling. */
    String command();

    /** Every distinct run, in the design's fixed order (reports and stores follow it). */
    List<RunSpec> runs();

    /** The steps at which the report reads every run's loss curve; the largest is the longest run. */
    List<Integer> readSteps();
}
