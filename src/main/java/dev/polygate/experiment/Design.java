package dev.polygate.experiment;

import java.util.List;

/**
 * What a sweeping command trains and how its report reads the runs: the sweep's {@link Grid}, the
 * {@link EquivalenceDesign} or the {@link ScalingDesign}. Each run store holds the runs of one design.
 */
public sealed interface Design permits Grid, EquivalenceDesign, ScalingDesign {
    /** The command that trains this design and names its store: sweep, equivalence or scaling. */
    String command();

    /** Every run, through the design's grid (a run shared by two cells is trained once). */
    Grid grid();

    /** The steps at which the report reads every run's loss curve; the last is the runs' length. */
    List<Integer> readSteps();
}
