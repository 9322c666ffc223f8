package dev.polygate.experiment;

import dev.polygate.model.RunSpec;
import java.util.List;

/** A design whose runs are the cells of one {@link Grid} (a run shared by two cells trained once). */
public sealed interface GridDesign extends Design permits Grid, EquivalenceDesign, ScalingDesign {
    Grid grid();

    @Override
    default List<RunSpec> runs() {
        return grid().runs();
    }
}
