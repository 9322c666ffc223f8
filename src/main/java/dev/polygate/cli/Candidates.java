package dev.polygate.cli;

import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.TrainingSetup;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * The names a name option accepts, as the command line spells them (relu, int-relu, ...): what
 * help lists for ${COMPLETION-CANDIDATES}, what the bash completion offers, and what a refusal
 * names. Taken from the model's own values, so a new activation or kind shows up everywhere.
 */
final class Candidates {
    private Candidates() {
    }

    /** The command-line names of some values, in their declared order. */
    abstract static class Names implements Iterable<String> {
        private final List<String> names;

        <T> Names(List<T> values, Function<T, String> name) {
            this.names = values.stream().map(name).toList();
        }

        @Override
        public Iterator<String> iterator() {
            return names.iterator();
        }
    }

    static final class Activations extends Names {
        Activations() {
            super(Arrays.asList(Activation.values()), Activation::cliName);
        }
    }

    static final class Kinds extends Names {
        Kinds() {
            super(Arrays.asList(LayerKind.values()), LayerKind::cliName);
        }
    }

    static final class Matches extends Names {
        Matches() {
            super(Arrays.asList(Sizing.Match.values()), Sizing.Match::cliName);
        }
    }

    static final class Gates extends Names {
        Gates() {
            super(EquivalenceDesign.possibleGates(), Activation::cliName);
        }
    }

    static final class Precisions extends Names {
        Precisions() {
            super(Arrays.asList(TrainingSetup.Precision.values()), TrainingSetup.Precision::text);
        }
    }

    static final class Inits extends Names {
        Inits() {
            super(Arrays.asList(TrainingSetup.Init.values()), TrainingSetup.Init::text);
        }
    }
}
