package dev.polygate.train;

import dev.polygate.kernel.VectorMath;

/**
 * What a run's bits depend on besides its {@link dev.polygate.model.RunSpec}: the version of the
 * numerics (kernels, data, initialisation, Adam) and the float lanes the kernels run on (their
 * reduction order follows the lane count, so 8 and 16 lanes give different bits). Bump
 * {@link #VERSION} with any change that may change a result; a run store refuses to mix runs of
 * two numerics.
 */
public final class Numerics {
    /** Changes whenever a change to polygate may change any run's bits. */
    public static final int VERSION = 1;

    private Numerics() {
    }

    /** This JVM's numerics, e.g. {@code "1/float32x16"}: version, precision and float lanes. */
    public static String current() {
        return VERSION + "/float32x" + VectorMath.SPECIES.length();
    }
}
