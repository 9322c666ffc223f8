package dev.polygate.report.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygate.experiment.QueirugaDesign;
import dev.polygate.report.stats.PowerLawFit;
import dev.polygate.text.FloatText;
import java.io.IOException;
import java.io.OutputStream;

/**
 * scaling.json of the Queiruga protocol: one entry per fitted slope, {@code {"activation", "kind",
 * "target", "method", "measure": "rmse" | "test_rmse" | "mse", "against": "hidden_units" |
 * "parameters", "slope", "ci_low", "ci_high", "n_points", "fit_from_n", "paper_slope"}} (paper_slope
 * null where the protocols do not match), in the order of scaling.md's tables.
 */
final class ProtocolJson {
    private static final ObjectMapper MAPPER = FloatText.jsonMapper().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private ProtocolJson() {
    }

    static void write(ProtocolSlopes slopes, OutputStream out) throws IOException {
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("protocol", "queiruga");
            g.writeStringField("source", PaperSlope.SOURCE);
            g.writeArrayFieldStart("slopes");
            for (ProtocolSlopes.Series s : slopes.series()) {
                for (ProtocolSlopes.Fit f : s.fits()) {
                    if (f.fit().isEmpty()) {
                        continue;
                    }
                    PowerLawFit fit = f.fit().get();
                    g.writeStartObject();
                    g.writeStringField("activation", "relu");
                    g.writeStringField("kind", s.kind().cliName());
                    g.writeStringField("target", QueirugaDesign.TARGET);
                    g.writeStringField("method", s.method().cliName());
                    g.writeStringField("measure", f.measure().json);
                    g.writeStringField("against", f.against().json);
                    g.writeNumberField("slope", fit.slope());
                    g.writeNumberField("ci_low", fit.slopeLow());
                    g.writeNumberField("ci_high", fit.slopeHigh());
                    g.writeNumberField("n_points", fit.points());
                    g.writeNumberField("fit_from_n", ProtocolSlopes.FIT_FROM);
                    g.writeFieldName("paper_slope");
                    var paper = PaperSlope.of(s.method(), s.kind());
                    if (paper.isPresent() && f.against() == ProtocolSlopes.Against.HIDDEN_UNITS
                            && f.measure() == ProtocolSlopes.Measure.RMSE) {
                        g.writeNumber(paper.get().slope);
                    } else {
                        g.writeNull();
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
