package dev.polygate.cli;

import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.ScalingDesign;
import java.util.ListResourceBundle;

/**
 * Numbers the help prose states (${bundle:KEY} in a @Command text), computed from the designs'
 * defaults so that the prose cannot drift from what the commands do. A resource bundle because
 * picocli resolves annotation text through one; it is the same in every locale (one class, no
 * translations). Keys are unlike any option name: picocli also looks option descriptions up here.
 */
public final class HelpValues extends ListResourceBundle {
    /** The name picocli looks the bundle up by. */
    static final String NAME = "dev.polygate.cli.HelpValues";

    @Override
    protected Object[][] getContents() {
        Grid sweep = Grid.studyDefault();
        ScalingDesign scaling = ScalingDesign.defaults();
        return new Object[][] {
            {"sweep.defaultSeeds", Integer.toString(sweep.seeds())},
            {"sweep.defaultRuns", Integer.toString(sweep.runs().size())},
            {"equivalence.defaultRuns", Integer.toString(EquivalenceDesign.defaults().grid().runs().size())},
            {"scaling.defaultRuns", Integer.toString(scaling.grid().runs().size())},
            {"scaling.defaultLongSteps", Integer.toString(scaling.longSteps())},
        };
    }
}
