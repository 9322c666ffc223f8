package dev.polygate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetTest {

    @Test
    void powersKeepTheRunIdsTheyHadBeforeOtherTargets() {
        Target t = Target.power(3);
        assertEquals("n3", t.id());
        assertEquals("x^3", t.text());
        assertEquals(-8.0, t.value(-2.0));
        assertEquals(15.0, t.meanSquare(), "E[x^6] = 5!! = 15");
        assertEquals(Target.power(16), Target.parse("x^16"));
    }

    @Test
    void polynomialIsEvaluatedLowestCoefficientFirst() {
        Target p = Target.parse("poly:1, 0, -2");
        assertEquals(1 - 2 * 9.0, p.value(3.0));
        assertEquals("poly:1,0,-2", p.text());
        assertEquals(p, Target.parse(p.text()));
        assertEquals(Target.polynomial(0.5, 0.25), Target.parse("poly:0.5,0.25"));
        assertFalse(p.isPower());
        assertThrows(IllegalStateException.class, p::degree);
    }

    @Test
    void sinAndExpUseStrictMathAndKnowTheirMeanSquare() {
        assertEquals(StrictMath.sin(0.7), Target.sin().value(0.7));
        assertEquals(StrictMath.exp(-1.3), Target.exp().value(-1.3));
        // E[sin² x] = (1 − e^−2)/2 and E[e^2x] = e² for x ~ N(0, 1): check by quadrature of the Gaussian.
        assertEquals(integrateGaussian(x -> Math.sin(x) * Math.sin(x)), Target.sin().meanSquare(), 1e-9);
        assertEquals(integrateGaussian(x -> Math.exp(2 * x)), Target.exp().meanSquare(), 1e-7);
        assertEquals(integrateGaussian(x -> Math.pow(x, 8)), Target.power(4).meanSquare(), 1e-7);
    }

    @Test
    void theQueirugaTargetsAgreeWithTheirClosedForms() {
        // f(x) = 1/(1 + cos²(πx)): 1/2 at integers, 1 at half-integers, 2/3 where cos² = 1/2.
        Target f = Target.parse("recip-cos2");
        assertEquals(0.5, f.value(0.0), 1e-15);
        assertEquals(0.5, f.value(1.0), 1e-15);
        assertEquals(0.5, f.value(-1.0), 1e-15);
        assertEquals(1.0, f.value(0.5), 1e-15);
        assertEquals(2.0 / 3, f.value(0.25), 1e-15);
        assertEquals(f.value(0.3), f.value(-0.3), 0, "even");

        Target cos4x = Target.parse("cos4x");
        assertEquals(1.0, cos4x.value(0.0));
        assertEquals(-1.0, cos4x.value(Math.PI / 4), 1e-15);
        assertEquals(StrictMath.cos(2.8), cos4x.value(0.7));

        Target sin4x = Target.parse("sin4x");
        assertEquals(0.0, sin4x.value(0.0));
        assertEquals(1.0, sin4x.value(Math.PI / 8), 1e-15);
        assertEquals(StrictMath.sin(-2.8), sin4x.value(-0.7));

        Target sin4sq = Target.parse("sin4sq");
        assertEquals(0.0, sin4sq.value(1.0));
        assertEquals(StrictMath.sin(4.0), sin4sq.value(0.0));
        assertEquals(StrictMath.sin(16.0), sin4sq.value(-1.0));
        assertEquals(1.0, sin4sq.value(1 + Math.sqrt(Math.PI / 8)), 1e-15);

        Target runge = Target.parse("runge");
        assertEquals(1.0, runge.value(0.0));
        assertEquals(0.5, runge.value(1.0));
        assertEquals(0.2, runge.value(-2.0), 1e-16);

        Target runge9 = Target.parse("runge9");
        assertEquals(1.0, runge9.value(0.0));
        assertEquals(0.1, runge9.value(1.0), 1e-16);
        assertEquals(0.5, runge9.value(-1.0 / 3), 1e-15);

        Target atan = Target.parse("atan");
        assertEquals(0.0, atan.value(0.0));
        assertEquals(Math.PI / 4, atan.value(1.0), 1e-15);
        assertEquals(-Math.PI / 3, atan.value(-Math.sqrt(3)), 1e-15);
        assertEquals(StrictMath.atan(123.0), atan.value(123.0));

        assertEquals(integrateGaussian(x -> Math.cos(4 * x) * Math.cos(4 * x)), cos4x.meanSquare(), 1e-9);
        assertEquals(integrateGaussian(x -> Math.sin(4 * x) * Math.sin(4 * x)), sin4x.meanSquare(), 1e-9);
        assertTrue(Double.isNaN(runge.meanSquare()), "no closed form kept");
    }

    @ParameterizedTest
    @CsvSource({"recip-cos2", "cos4x", "sin4x", "sin4sq", "runge", "runge9", "atan", "sin", "exp", "x^3",
        "'poly:1,0,-2'"})
    void textAndParseRoundTrip(String text) {
        Target t = Target.parse(text);
        assertEquals(text, t.text());
        assertEquals(t, Target.parse(t.text()));
        assertEquals(t.text().startsWith("x^") ? "n" + t.degree() : text, t.id());
        assertEquals(t.isPower() ? Integer.toString(t.degree()) : text, t.rowLabel());
        assertEquals(t.isPower() ? "n = " + t.degree() : text, t.prose());
        assertEquals(t.isPower(), text.startsWith("x^"));
        assertTrue(Target.ALLOWED.contains(t.isPower() ? "x^N" : text.startsWith("poly:") ? "poly:" : text),
                Target.ALLOWED);
    }

    @Test
    void unknownNamesAreRefusedNamingEveryAllowedTarget() {
        for (String bad : new String[] {"runge3", "cos", "recip_cos2", "Atan", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(bad));
            assertTrue(e.getMessage().startsWith("unknown target '" + bad + "'"), e.getMessage());
            for (String name : new String[] {"x^N", "poly:", "sin", "exp", "recip-cos2", "cos4x", "sin4x", "sin4sq",
                "runge", "runge9", "atan"}) {
                assertTrue(e.getMessage().contains(name), name + " in " + e.getMessage());
            }
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    private static double integrateGaussian(java.util.function.DoubleUnaryOperator f) {
        double h = 1e-3;
        double sum = 0;
        for (double x = -14; x <= 14; x += h) {
            sum += f.applyAsDouble(x) * Math.exp(-x * x / 2);
        }
        return sum * h / Math.sqrt(2 * Math.PI);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cos        | unknown target 'cos'",
        "x^17       | 0..16",
        "x^two      | malformed power",
        "poly:      | coefficient 0",
        "poly:1,,2  | coefficient 1",
        "poly:1,NaN | finite",
    })
    void badTextNamesWhatIsWrong(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(text));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void tooManyCoefficients() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.polynomial(new double[18]));
        assertTrue(e.getMessage().contains("1..17 coefficients"), e.getMessage());
    }
}
