package dev.polygate.report.scaling;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import dev.polygate.train.TrainingResult;

/** The runs one slope is fitted over: one activation and kind fitting one xⁿ, at every width and seed. */
public record Series(Activation activation, LayerKind kind, int degree) {

    public Target target() {
        return Target.power(degree);
    }

    public boolean contains(TrainingResult run) {
        return run.spec().model().activation() == activation && run.spec().model().kind() == kind
                && run.spec().target().equals(target());
    }

    /** "relu gated, n = 3". */
    public String label() {
        return activation.cliName() + " " + kind.cliName() + ", " + target().prose();
    }
}
