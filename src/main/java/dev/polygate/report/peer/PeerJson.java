package dev.polygate.report.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygate.experiment.Environment;
import dev.polygate.report.blas.OpenBlasCore;
import dev.polygate.report.stats.MedianInterval;
import dev.polygate.text.FloatText;
import java.nio.charset.StandardCharsets;

/**
 * peer-torch.json: the numbers of peer-torch.md for programs; times in ns per step, a missing target
 * null. torchSide's OpenBLAS fields are there only where the torch files recorded them.
 */
final class PeerJson {
    private static final ObjectMapper MAPPER = FloatText.jsonMapper().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PeerJson() {
    }

    static byte[] render(PeerComparison c, Environment machine) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("polygate", machine.polygateVersion());
        root.put("command", c.command());
        root.put("cpu", c.torch().cpu());
        ObjectNode p = root.putObject("polygateSide");
        p.put("jdkVersion", c.jvm().jdkVersion());
        p.put("vmName", c.jvm().vmName());
        p.put("vmVersion", c.jvm().vmVersion());
        c.jvm().jvmArgs().forEach(p.putArray("jvmArgs")::add);
        p.put("lanes", c.vector().lanes());
        p.put("useAvx", c.vector().useAvx());
        p.put("threads", c.torch().threads());   // equal to PyTorch's: PeerComparison.compare checks it
        p.put("rounds", c.jmhRounds());
        ObjectNode t = root.putObject("torchSide");
        t.put("torchVersion", c.torch().torchVersion());
        t.put("threads", c.torch().threads());
        t.put("blasInfo", c.torch().blasInfo());
        c.torch().blasLibraries().forEach(t.putArray("blasLibraries")::add);
        if (c.torch().openblasRecorded()) {   // left out where the torch files did not record it (format /1)
            OpenBlasCore.putJson(t, c.torch().openblas());
        }
        t.put("mkldnn", c.torch().mkldnn());
        t.put("pythonVersion", c.torch().pythonVersion());
        t.put("rounds", c.torchRounds());
        root.put("targetsMet", c.targetsMet());
        root.put("targets", c.targets());
        ArrayNode cases = root.putArray("cases");
        for (PeerRow r : c.rows()) {
            ObjectNode o = cases.addObject();
            o.put("activation", r.peerCase().activation().cliName());
            o.put("kind", r.peerCase().kind().cliName());
            o.put("shape", r.peerCase().shape());
            o.put("parameters", r.peerCase().polygateParameters());
            median(o.putObject("polygateNanosPerStep"), r.polygate());
            median(o.putObject("torchNanosPerStep"), r.torch());
            ObjectNode ratio = o.putObject("torchOverPolygate");
            ratio.put("ratio", r.ratio().ratio());
            ratio.put("low", r.ratio().low());
            ratio.put("high", r.ratio().high());
            ratio.put("coverage", r.ratio().coverage());
            if (r.target().exists()) {
                o.put("target", r.target().factor());
                o.put("targetMet", r.targetMet());
            } else {
                o.putNull("target");
                o.putNull("targetMet");
            }
        }
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void median(ObjectNode o, MedianInterval m) {
        o.put("median", m.median());
        o.put("low", m.low());
        o.put("high", m.high());
        o.put("values", m.n());
        o.put("coverage", m.coverage());
    }
}
