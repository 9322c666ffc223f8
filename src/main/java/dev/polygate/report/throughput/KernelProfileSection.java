package dev.polygate.report.throughput;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygate.report.format.MarkdownTable;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JFR profiles of the dense layer's benchmarks ({@link KernelProfile}) beside their JMH times:
 * what share of the CPU samples the register tiles take, what else takes the rest, and how fast the
 * tiles run while they run — the layer's matrix-product FLOPs (product and forward: one product,
 * backward: two, dW and dh) over time/op × the tiles' share, against the FMA roof. That splits a
 * layer's gap to the roof into the tiles' own and the time spent outside them.
 */
final class KernelProfileSection {
    private KernelProfileSection() {
    }

    /** One profile with what the JMH results say of the same benchmark and parameters. */
    record Row(KernelProfile profile, Optional<Measurement> measured, OptionalDouble tileGflops) {

        static Row of(KernelProfile p, ThroughputResults results) {
            Optional<Known> known = p.known();
            Optional<Measurement> measured = known.flatMap(k -> results.find(k, p.params()));
            OptionalDouble tile = OptionalDouble.empty();
            if (measured.isPresent() && known.get().family() == BenchmarkFlops.Family.DENSE_LAYER && p.tileShare() > 0) {
                Optional<Measurement> product = results.find(Known.DENSE_PRODUCT, p.params());
                if (product.isPresent() && product.get().work().flops().isPresent()) {
                    long products = known.get() == Known.DENSE_BACKWARD ? 2 : 1;
                    tile = OptionalDouble.of(products * product.get().work().flops().getAsLong()
                            / (measured.get().nsPerOp() * p.tileShare()));
                }
            }
            return new Row(p, measured, tile);
        }
    }

    static List<Row> rows(List<KernelProfile> profiles, ThroughputResults results) {
        return profiles.stream().map(p -> Row.of(p, results)).toList();
    }

    static String render(List<KernelProfile> profiles, ThroughputResults results) {
        if (profiles.isEmpty()) {
            return "";
        }
        MarkdownTable t = new MarkdownTable("benchmark", "parameters", "time/op>", "CPU samples>", "register tiles>",
                "largest others", "tile rate>", "tiles' % of roof>");
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (Row r : rows(profiles, results)) {
            KernelProfile p = r.profile();
            String name = p.known().map(k -> k.family().simpleName() + "." + k.method()).orElse(p.benchmark());
            double ofRoof = r.tileGflops().isPresent() && results.roofGflops().isPresent()
                    ? r.tileGflops().getAsDouble() / results.roofGflops().getAsDouble() : Double.NaN;
            if (!Double.isNaN(ofRoof) && p.known().orElse(null) == Known.DENSE_PRODUCT) {
                lowest = Math.min(lowest, ofRoof);
                highest = Math.max(highest, ofRoof);
            }
            t.row(name, parameters(p.params()), r.measured().map(m -> NumberText.nanoseconds(m.nsPerOp())).orElse("—"),
                    Long.toString(p.samples()), NumberText.percent(p.tileShare()), others(p),
                    r.tileGflops().isPresent() ? NumberText.threeDigits(r.tileGflops().getAsDouble()) + " GFLOP/s" : "—",
                    Double.isNaN(ofRoof) ? "—" : NumberText.percent(ofRoof));
        }
        StringBuilder s = new StringBuilder("### Where the dense layer's time goes (JFR profile)\n\n");
        s.append("CPU samples of each benchmark's fork, recorded by JFR (JMH's `-prof jfr`, one fork per case, "
                + "its own run: the time/op column is the JMH result above) and counted by the innermost polygate "
                + "method on the stack (`dev.polygate.bench.TopFrames`: the Vector API and JDK code C2 inlined into a "
                + "kernel count to it; matmulPanel's own samples are its bias fill and loop); a share of n samples "
                + "is good to about ±1/√n. Register tiles: tile8x2 or tile4x2 and storeRow, their writeback (inlined into them; JFR puts many of the tile loop's samples on it). Tile rate: the layer's matrix-product FLOPs (product and forward one "
                + "product, backward two: dW and dh) over time/op × the tiles' share — how fast the register tiles "
                + "run while they run.\n\n");
        s.append(t.render()).append('\n');
        if (lowest <= highest) {
            s.append("While its register tiles run, the product reaches ")
                    .append(lowest == highest ? NumberText.percent(lowest)
                            : NumberText.percent(lowest) + "–" + NumberText.percent(highest))
                    .append(" of the roof; the rest of its gap is the time outside them (the columns above).\n\n");
        }
        return s.toString();
    }

    /** Up to three largest non-tile frames, "VectorKernels.packPanel 6.1 %". */
    private static String others(KernelProfile p) {
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Long> f : p.frames().entrySet()) {
            if (KernelProfile.isTile(f.getKey())) {
                continue;
            }
            if (shown == 3) {
                break;
            }
            String method = f.getKey();
            int dot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
            s.append(shown == 0 ? "" : ", ").append(method.substring(dot + 1)).append(' ')
                    .append(NumberText.percent((double) f.getValue() / p.samples()));
            shown++;
        }
        return s.length() == 0 ? "—" : s.toString();
    }

    private static String parameters(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    /** The profiles for throughput.json. */
    static void json(ArrayNode out, List<KernelProfile> profiles, ThroughputResults results) {
        for (Row r : rows(profiles, results)) {
            ObjectNode o = out.addObject();
            KernelProfile p = r.profile();
            o.put("benchmark", p.benchmark());
            ObjectNode params = o.putObject("params");
            new java.util.TreeMap<>(p.params()).forEach(params::put);
            o.put("samples", p.samples());
            o.put("tileShare", p.tileShare());
            if (r.tileGflops().isPresent()) {
                o.put("tileGflops", r.tileGflops().getAsDouble());
            }
            ObjectNode frames = o.putObject("topFrames");
            p.frames().forEach(frames::put);
        }
    }
}
