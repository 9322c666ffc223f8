package dev.polygate.experiment.store;

import dev.polygate.experiment.Environment;
import dev.polygate.kernel.FlopCount;
import dev.polygate.model.RunSpec;
import dev.polygate.train.Numerics;
import dev.polygate.train.TrainingResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One stored run: its id, the numerics it was computed with, the design (store) it belongs to, its
 * result with the loss curve as stored ({@link dev.polygate.train.LossCurve}, usually thinned, no
 * final parameters), and where it ran. {@link RunRecordJson} is its one line of JSON.
 *
 * @param runId        {@link #idOf}: equal for two runs that must give equal bits
 * @param numerics     {@link Numerics#current()} of the JVM that trained it
 * @param command      sweep, equivalence or scaling
 * @param designId     {@link DesignJson#id} of the design the run was trained for
 * @param flopsPerStep FLOPs of one training step (forward, backward, Adam) by {@link FlopCount}
 */
public record RunRecord(String runId, String numerics, String command, String designId, TrainingResult result,
                        long flopsPerStep, Environment environment) {

    /** The record of a run trained here for {@code design}: curve thinned to the store's block. */
    public static RunRecord of(StoreDesign design, TrainingResult trained, Environment environment) {
        RunSpec spec = trained.spec();
        String numerics = Numerics.current();
        return new RunRecord(idOf(spec, numerics), numerics, design.command(), design.id(),
                trained.stored(design.curveBlock()), FlopCount.trainingStep(spec.model(), spec.samples()), environment);
    }

    /**
     * 16 hex digits of SHA-256 over the numerics and the canonical run spec ({@link RunSpec#id()}):
     * the same run under the same numerics has the same id on every machine, JDK and store.
     */
    public static String idOf(RunSpec spec, String numerics) {
        String text = numerics + "|" + spec.id();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public RunSpec spec() {
        return result.spec();
    }

    /**
     * Whether two records of one run hold the same result: status, final MSE, test MSE, divergence
     * step, parameter count and loss curve (its full-curve digest), bit for bit. Times and environments may differ.
     */
    public boolean sameResult(RunRecord other) {
        TrainingResult a = result;
        TrainingResult b = other.result;
        return runId.equals(other.runId) && a.diverged() == b.diverged() && a.divergedAt() == b.divergedAt()
                && Double.compare(a.finalMse(), b.finalMse()) == 0 && Double.compare(a.testMse(), b.testMse()) == 0
                && a.parameterCount() == b.parameterCount()
                && java.util.Objects.equals(a.failure(), b.failure())
                && a.curve().sha256().equals(b.curve().sha256());
    }

    /** finished, diverged or failed. */
    public String status() {
        return result.failed() ? "failed" : result.diverged() ? "diverged" : "finished";
    }
}
