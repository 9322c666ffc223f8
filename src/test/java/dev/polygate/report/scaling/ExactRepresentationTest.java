package dev.polygate.report.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactRepresentationTest {

    /**
     * Width-2 ReLU parameters for every (kind, n) the class calls exact, laid out as ParameterLayout
     * says: hidden weights (gate rows, then value rows), hidden biases, read-out weights, read-out bias.
     */
    private static Map<String, double[]> constructions() {
        Map<String, double[]> c = new LinkedHashMap<>();
        c.put("plain/0", new double[] {1, -1, 0, 0, 0, 0, 1});
        c.put("plain/1", new double[] {1, -1, 0, 0, 1, -1, 0});              // relu(x) − relu(−x)
        c.put("squared/0", new double[] {1, -1, 0, 0, 0, 0, 1});
        c.put("squared/2", new double[] {1, -1, 0, 0, 1, 1, 0});             // relu(x)² + relu(−x)²
        c.put("gated/0", new double[] {1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        c.put("gated/1", new double[] {1, -1, 0, 0, 0, 0, 1, -1, 1, 1, 0});  // relu(x)·1 + relu(−x)·(−1)
        c.put("gated/2", new double[] {1, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0});  // relu(x)·x + relu(−x)·(−x)
        c.put("bilinear/0", new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        c.put("bilinear/1", new double[] {0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0});  // (0·x + 1)(x + 0)
        c.put("bilinear/2", new double[] {1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0});  // x · x
        return c;
    }

    @Test
    void everyCaseCalledExactHasAConstructionWithZeroError() {
        double[] x = new double[61];
        for (int i = 0; i < x.length; i++) {
            x[i] = -6 + 0.2 * i;
        }
        Map<String, double[]> constructions = constructions();
        for (LayerKind kind : LayerKind.values()) {
            for (int n = 0; n <= 4; n++) {
                String key = kind.cliName() + "/" + n;
                assertEquals(constructions.containsKey(key), ExactRepresentation.exact(Activation.RELU, kind, n), key);
                if (constructions.containsKey(key)) {
                    double[] t = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        t[i] = Math.pow(x[i], n);
                    }
                    ReferenceMlp mlp = new ReferenceMlp(new ModelSpec(Activation.RELU, kind, 2, 1), x, t);
                    assertEquals(0, mlp.forward(constructions.get(key)), 1e-24, key);
                }
            }
        }
    }

    @Test
    void smoothActivationsAreExactOnlyForConstantsExceptBilinear() {
        for (LayerKind kind : LayerKind.values()) {
            assertTrue(ExactRepresentation.exact(Activation.SILU, kind, 0));
            boolean bilinear = kind == LayerKind.BILINEAR;   // no σ: any quadratic whatever the activation
            assertEquals(bilinear, ExactRepresentation.exact(Activation.SILU, kind, 2));
            assertEquals(bilinear, ExactRepresentation.exact(Activation.GELU, kind, 1));
            assertFalse(ExactRepresentation.exact(Activation.GELU, kind, 3));
        }
        assertTrue(ExactRepresentation.exact(new Series(Activation.RELU, LayerKind.GATED, 2)));
    }
}
