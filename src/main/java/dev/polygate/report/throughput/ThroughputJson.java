package dev.polygate.report.throughput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygate.experiment.Environment;
import dev.polygate.report.blas.OpenBlasCore;
import dev.polygate.text.FloatText;
import dev.polygate.model.ModelSpec;
import dev.polygate.kernel.Tiling;
import dev.polygate.report.jmh.Jvm;
import dev.polygate.report.jmh.VectorSetting;
import dev.polygate.report.jmh.RatioInterval;
import dev.polygate.report.stats.MedianInterval;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * throughput.json: the numbers of throughput.md for programs. Times in ns per operation; every
 * non-finite number (a rate without a FLOP count, % of roof without a roof) is null.
 */
final class ThroughputJson {
    private static final ObjectMapper MAPPER =
            FloatText.jsonMapper().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ThroughputJson() {
    }

    static byte[] render(ThroughputResults results, Optional<PeerTorchReport> peer, List<KernelProfile> profiles,
                         Environment machine) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("polygate", machine.polygateVersion());
        ArrayNode files = root.putArray("jmhFiles");
        results.files().forEach(f -> files.add(f.toString()));
        ArrayNode jvms = root.putArray("jvms");
        for (Jvm jvm : results.jvms()) {
            ObjectNode j = jvms.addObject();
            j.put("jdkVersion", jvm.jdkVersion());
            j.put("vmName", jvm.vmName());
            j.put("vmVersion", jvm.vmVersion());
            jvm.jvmArgs().forEach(j.putArray("jvmArgs")::add);
        }
        ObjectNode m = root.putObject("machine");
        m.put("cpu", machine.cpu());
        m.put("cores", machine.cores());
        m.put("os", machine.os());
        m.put("javaVersion", machine.javaVersion());
        m.put("vectorBits", machine.vectorBits());
        m.put("lanes", BenchmarkFlops.roofLanes());
        m.put("useAvx", VectorSetting.current().useAvx());
        m.put("vectorRegisters", Tiling.VECTOR_REGISTERS);
        m.put("tileRows", Tiling.ROWS);
        m.put("innerBlock", Tiling.INNER_BLOCK);
        ObjectNode roof = root.putObject("roof");
        number(roof, "gflops", results.roofGflops().orElse(Double.NaN));
        roof.put("flopsPerCall", BenchmarkFlops.roofFlops());
        roof.put("lanesAssumed", BenchmarkFlops.roofLanes());
        roof.put("assumption", "the benchmarks ran on the machine that wrote this report (its lane count)");
        root.put("confidence", MedianInterval.CONFIDENCE_95);
        ArrayNode list = root.putArray("results");
        for (Measurement r : results.all()) {
            measurement(list.addObject(), r, results);
        }
        List<ThreadSpeedUp> threadPairs = ThreadSpeedUp.all(results);
        ArrayNode threadSpeedUps = root.putArray("threadsPerRunSpeedUp");
        for (ThreadSpeedUp s : threadPairs) {
            ObjectNode o = threadSpeedUps.addObject();
            o.put("part", s.part().method());
            o.put("activation", s.split().param("activation"));
            o.put("kind", s.split().param("kind"));
            o.put("shape", s.split().param("shape"));
            o.put("threads", s.threads());
            ratio(o.putObject("speedUp"), s.speedUp());
            number(o, "efficiency", s.efficiency());
            o.put("sameJmhRun", s.sameRun());
        }
        ArrayNode regions = root.putArray("threadsPerRunRegions");
        for (RegionSplit r : RegionSplit.all(threadPairs)) {
            regionSplit(regions.addObject(), r);
        }
        ArrayNode bounds = root.putArray("threadsPerRunParts");
        for (AmdahlBound a : AmdahlBound.all(threadPairs)) {
            amdahl(bounds.addObject(), a);
        }
        ArrayNode speedUps = root.putArray("vectorVersusScalar");
        for (SpeedUp s : SpeedUp.all(results)) {
            ObjectNode o = speedUps.addObject();
            params(o, s.vector().params());
            number(o, "vectorNsPerOp", s.vector().nsPerOp());
            number(o, "scalarNsPerOp", s.scalar().nsPerOp());
            ratio(o.putObject("speedUp"), s.speedUp());
        }
        ArrayNode gated = root.putArray("gatedVersusSquared");
        for (GatedVersusSquared g : GatedVersusSquared.all(results)) {
            ObjectNode o = gated.addObject();
            o.put("activation", g.squared().param("activation"));
            o.put("shape", g.squared().param("shape"));
            o.put("comparison", g.basis().label());
            o.put("gatedKind", g.basis().gatedKind());
            o.put("gatedParameters", g.gatedParameters());
            o.put("squaredParameters", g.squaredParameters());
            number(o, "gatedNsPerOp", g.gated().nsPerOp());
            number(o, "squaredNsPerOp", g.squared().nsPerOp());
            ratio(o.putObject("gatedOverSquared"), g.timeRatio());
        }
        KernelProfileSection.json(root.putArray("profiles"), profiles, results);
        peer.ifPresent(p -> againstPyTorch(root.putObject("againstPyTorch"), p, results));
        ArrayNode targets = root.putArray("targets");
        for (TargetResult t : Targets.check(results, peer)) {
            ObjectNode o = targets.addObject();
            o.put("name", t.name());
            o.put("requirement", t.requirement());
            o.put("status", t.status().text());
            if (t.checks().isEmpty()) {
                o.put("notMeasured", t.notMeasuredWhy());
            }
            ArrayNode checks = o.putArray("checks");
            for (TargetCheck c : t.checks()) {
                ObjectNode k = checks.addObject();
                k.put("case", c.subject());
                k.put("quantity", c.quantity().name().toLowerCase(Locale.ROOT));
                number(k, "value", c.value());
                number(k, "low", c.low());
                number(k, "high", c.high());
                number(k, "limit", c.limit());
                k.put("atMost", c.atMost());
                k.put("met", c.met());
                k.put("withinNoise", c.withinNoise());
            }
        }
        try {
            return MAPPER.writeValueAsString(root).concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }

    /** A multi-thread step's parts: one-thread times and shares, each part's speed-up, the bound and the target. */
    /** One step's region split ({@link RegionSplit}): ns per step, and its loss against T₁/N in three parts. */
    private static void regionSplit(ObjectNode o, RegionSplit r) {
        Measurement m = r.pair().split();
        o.put("activation", m.param("activation"));
        o.put("kind", m.param("kind"));
        o.put("shape", m.param("shape"));
        o.put("threads", r.threads());
        number(o, "stepNs", r.stepNs());
        number(o, "oneThreadNs", r.pair().oneThread().nsPerOp());
        number(o, "idealNs", r.idealNs());
        number(o, "serialNs", r.serialNs());
        number(o, "callerShareNs", r.callerShareNs());
        number(o, "callerWaitNs", r.callerWaitNs());
        number(o, "workerShareNs", r.workerShareNs());
        number(o, "workerStartNsPerRegion", r.workerStartNs());
        number(o, "regionsPerStep", r.regionsPerStep());
        number(o, "workRatio", r.workRatio());
        ObjectNode lost = o.putObject("lostNs");
        number(lost, "serial", r.serialLossNs());
        number(lost, "slowerWork", r.slowerWorkLossNs());
        number(lost, "handOver", r.handOverLossNs());
        number(lost, "total", r.lossNs());
    }

    private static void amdahl(ObjectNode o, AmdahlBound a) {
        StepCase c = a.step().stepCase();
        StepParts one = a.oneThread();
        o.put("activation", c.activation());
        o.put("kind", c.kind());
        o.put("shape", c.shape().toString());
        o.put("threads", c.threads());
        ObjectNode ns = o.putObject("oneThreadNsPerOp");
        number(ns, "step", one.step().nsPerOp());
        number(ns, "forward", one.forward().nsPerOp());
        number(ns, "backward", one.backward().nsPerOp());
        number(ns, "rest", one.restNs());
        ObjectNode shares = o.putObject("oneThreadShares");
        number(shares, "forward", one.forwardShare());
        number(shares, "backward", one.backwardShare());
        number(shares, "rest", one.restShare());
        ObjectNode speedUp = o.putObject("speedUp");
        number(speedUp, "step", a.step().speedUp().ratio());
        number(speedUp, "forward", a.forward().speedUp().ratio());
        number(speedUp, "backward", a.backward().speedUp().ratio());
        o.put("partsAddUp", one.addUp());
        number(o, "amdahlBound", a.bound());
        Optional<TargetCheck> target = Targets.threadsCheck(a.step());
        if (target.isPresent()) {
            number(o, "targetLimit", target.get().limit());
            o.put("targetMet", target.get().met());
        } else {
            o.putNull("targetLimit");
            o.putNull("targetMet");
        }
    }

    /** The peer file's cases as read, and each miss's explanation with its numbers. */
    private static void againstPyTorch(ObjectNode o, PeerTorchReport peer, ThroughputResults results) {
        o.put("file", peer.source().toString());
        ObjectNode p = o.putObject("polygateSide");
        p.put("jdkVersion", peer.polygate().jdkVersion());
        p.put("lanes", peer.polygate().vector().lanes());
        p.put("useAvx", peer.polygate().vector().useAvx());
        p.put("threads", peer.polygate().threads());
        ObjectNode t = o.putObject("torchSide");
        t.put("torchVersion", peer.torchVersion());
        t.put("threads", peer.torchThreads());
        if (peer.blas().isPresent()) {
            t.put("blasInfo", peer.blas().get().info());
            peer.blas().get().libraries().forEach(t.putArray("blasLibraries")::add);
        } else {
            t.putNull("blasInfo");
        }
        OpenBlasCore.putJson(t, peer.blas().flatMap(PeerTorchReport.Blas::openblas));
        Map<PeerTorchReport.Case, PeerMiss> misses = new HashMap<>();
        PeerMiss.all(peer, results).forEach(m -> misses.put(m.peerCase(), m));
        ArrayNode cases = o.putArray("cases");
        for (PeerTorchReport.Case c : peer.cases()) {
            ObjectNode k = cases.addObject();
            k.put("activation", c.activation());
            k.put("kind", c.kind());
            k.put("shape", c.shape().toString());
            estimate(k.putObject("polygateNanosPerStep"), c.polygate());
            estimate(k.putObject("torchNanosPerStep"), c.torch());
            estimate(k.putObject("torchOverPolygate"), c.ratio());
            if (c.target().isPresent()) {
                number(k, "target", c.target().getAsDouble());
                k.put("targetMet", c.targetMet());
            } else {
                k.putNull("target");
                k.putNull("targetMet");
            }
            PeerMiss miss = misses.get(c);
            if (miss != null) {
                explanation(k.putObject("missExplained"), miss);
            }
        }
    }

    private static void explanation(ObjectNode o, PeerMiss miss) {
        if (miss instanceof PeerMiss.TimeBudget b) {
            o.put("kind", "time budget");
            number(o, "budgetNs", b.budgetNs());
            o.put("threads", b.threads());
            number(o, "stepNs", b.step().map(Measurement::nsPerOp).orElse(Double.NaN));
            number(o, "forwardNs", b.forward().map(Measurement::nsPerOp).orElse(Double.NaN));
            number(o, "backwardNs", b.backward().map(Measurement::nsPerOp).orElse(Double.NaN));
            number(o, "sigmoidNsPerStep", b.sigmoid().map(c -> c.extraPerStepNs(b.peerCase().shape())).orElse(Double.NaN));
        } else if (miss instanceof PeerMiss.RateAgainstRoof r) {
            o.put("kind", "rate against the roof");
            o.put("flopsPerStep", r.flops());
            number(o, "torchGflops", r.torchGflops());
            number(o, "torchFractionOfRoof", r.ofRoof(r.torchGflops()));
            number(o, "polygateGflops", r.polygateGflops());
            number(o, "polygateFractionOfRoof", r.ofRoof(r.polygateGflops()));
        }
        o.put("text", miss.sentence());
    }

    private static void estimate(ObjectNode o, PeerTorchReport.Estimate e) {
        number(o, "value", e.value());
        number(o, "low", e.low());
        number(o, "high", e.high());
    }

    private static void measurement(ObjectNode o, Measurement r, ThroughputResults results) {
        o.put("benchmark", r.result().id().benchmark());
        o.put("family", r.benchmark().family().simpleName());
        o.put("method", r.benchmark().method());
        o.put("file", r.result().source().toString());
        o.put("mode", r.result().mode());
        params(o, r.params());
        r.work().model().ifPresent(spec -> model(o.putObject("model"), spec));
        if (r.work().items() > 0) {
            o.put("itemsPerOp", r.work().items());
            o.put("itemNoun", r.work().itemNoun());
        }
        if (r.work().flops().isPresent()) {
            o.put("flopsPerOp", r.work().flops().getAsLong());
        } else {
            o.putNull("flopsPerOp");
        }
        ObjectNode t = o.putObject("nsPerOp");
        MedianInterval time = r.time();
        number(t, "median", time.median());
        number(t, "low", time.low());
        number(t, "high", time.high());
        t.put("interval", time.minMaxFallback() ? "min-max" : "order-statistics");
        t.put("intervalMethod", time.method());
        number(t, "coverage", time.coverage());
        t.put("values", time.n());
        t.put("forks", r.result().forks().size());
        number(o, "itemsPerSecond", r.itemsPerSecond());
        number(o, "gflops", r.gflops());
        number(o, "fractionOfRoof", results.fractionOfRoof(r));
    }

    private static void model(ObjectNode o, ModelSpec spec) {
        o.put("activation", spec.activation().cliName());
        o.put("kind", spec.kind().cliName());
        o.put("width", spec.width());
        o.put("depth", spec.depth());
        o.put("parameters", spec.layout().size());
    }

    private static void params(ObjectNode o, Map<String, String> params) {
        ObjectNode p = o.putObject("params");
        params.forEach(p::put);
    }

    private static void ratio(ObjectNode o, RatioInterval r) {
        number(o, "ratio", r.ratio());
        number(o, "low", r.low());
        number(o, "high", r.high());
        o.put("interval", "hodges-lehmann-mann-whitney over fork medians");
        number(o, "coverage", r.coverage());
    }

    /** JSON has no NaN or Infinity: a non-finite number is written as null. */
    private static void number(ObjectNode o, String name, double value) {
        if (Double.isFinite(value)) {
            o.put(name, value);
        } else {
            o.putNull(name);
        }
    }
}
