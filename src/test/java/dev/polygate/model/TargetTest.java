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
