package dev.polygate.report.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygate.model.ParameterMatch;
import dev.polygate.model.Shape;
import dev.polygate.report.jmh.VectorSetting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hand-made peer-torch.json files in the layout report.peer's PeerJson writes (every field it
 * writes; PeerJsonRoundTripTest checks the reader against the writer itself). Times get an interval
 * of −5 % / +5 %; a case's verdict is peer-report's: met where the ratio reaches the target.
 */
public final class SyntheticPeer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode cases;

    /** polygate's side at this vector width and UseAVX level, both sides on {@code threads} threads. */
    public SyntheticPeer(int lanes, String useAvx, int threads) {
        root.put("polygate", "0.1.0");
        root.put("command", "bin/compare-torch");
        root.put("cpu", "AMD EPYC");
        ObjectNode p = root.putObject("polygateSide");
        p.put("jdkVersion", "17.0.15");
        p.put("vmName", "OpenJDK 64-Bit Server VM");
        p.put("vmVersion", "17.0.15+6-test");
        p.putArray("jvmArgs").add("--add-modules=jdk.incubator.vector");
        p.put("lanes", lanes);
        p.put("useAvx", useAvx);
        p.put("threads", threads);
        p.put("rounds", 6);
        ObjectNode t = root.putObject("torchSide");
        t.put("torchVersion", "1.13.0a0");
        t.put("threads", threads);
        t.put("blasInfo", "BLAS_INFO=open");
        t.putArray("blasLibraries").add("/usr/lib/x86_64-linux-gnu/libopenblas.so.0");
        t.put("mkldnn", true);
        t.put("pythonVersion", "3.11.2");
        t.put("rounds", 6);
        root.put("targetsMet", 0);
        root.put("targets", 0);
        cases = root.putArray("cases");
    }

    /** At the vector width of the JVM running the tests: what a report of these tests accepts. */
    public static SyntheticPeer atThisWidth() {
        VectorSetting v = VectorSetting.current();
        return new SyntheticPeer(v.lanes(), v.useAvx(), 1);
    }

    /**
     * PyTorch's OpenBLAS as peer-report writes it: the core that ran and OPENBLAS_CORETYPE ({@code
     * null}: chosen by OpenBLAS); without this call the file predates the fields.
     */
    public SyntheticPeer openblas(String core, String coretype) {
        ObjectNode t = (ObjectNode) root.get("torchSide");
        t.put("openblasCore", core);
        t.put("openblasCoretype", coretype);
        t.put("openblasConfig", "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY " + core + " MAX_THREADS=64");
        return this;
    }

    /** The torch side, to spoil a field of it. */
    public ObjectNode torchSide() {
        return (ObjectNode) root.get("torchSide");
    }

    /**
     * Adds a case: both medians (ns per step), the ratio PyTorch ÷ polygate with its interval, and
     * the target ({@code null}: none).
     */
    public SyntheticPeer add(String activation, String kind, String shape, double polygateNs, double torchNs, double ratio,
                      double ratioLow, double ratioHigh, Double target) {
        ObjectNode c = cases.addObject();
        c.put("activation", activation);
        c.put("kind", kind);
        c.put("shape", shape);
        Shape s = Shape.parse(shape);
        c.put("parameters", ParameterMatch.spec(activation, kind, s.width(), s.depth()).layout().size());
        time(c.putObject("polygateNanosPerStep"), polygateNs);
        time(c.putObject("torchNanosPerStep"), torchNs);
        ObjectNode r = c.putObject("torchOverPolygate");
        r.put("ratio", ratio);
        r.put("low", ratioLow);
        r.put("high", ratioHigh);
        r.put("coverage", 0.9588744588744589);
        if (target == null) {
            c.putNull("target");
            c.putNull("targetMet");
        } else {
            c.put("target", target);
            c.put("targetMet", ratio >= target);
        }
        root.put("targets", root.get("targets").asInt() + (target == null ? 0 : 1));
        root.put("targetsMet", root.get("targetsMet").asInt() + (target != null && ratio >= target ? 1 : 0));
        return this;
    }

    /** The last added case, to spoil a field of it. */
    public ObjectNode lastCase() {
        return (ObjectNode) cases.get(cases.size() - 1);
    }

    public Path write(Path file) {
        try {
            Files.writeString(file, JSON.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void time(ObjectNode o, double median) {
        o.put("median", median);
        o.put("low", 0.95 * median);
        o.put("high", 1.05 * median);
        o.put("values", 6);
        o.put("coverage", 0.96875);
    }
}
