package dev.polygate.model;

import dev.polygate.text.FloatText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The function a run fits, t = f(x): the study's powers xⁿ, any polynomial given by its
 * coefficients, sin x and exp x (whose Taylor series are the motivation for fitting powers), and
 * the 1-D targets of Queiruga 2026 (arXiv 2602.14495): its f(x) = 1/(1 + cos²(πx)), cos 4x,
 * sin 4x, sin(4(x − 1)²), Runge's 1/(1 + x²) and 1/(1 + 9x²), and atan x. Targets are computed in
 * double (StrictMath: the same bits on every JDK) and rounded to float once, by {@code train.Dataset}.
 *
 * <p>Text form (command line, JSON, model files): {@code x^3}, {@code poly:1,0,-2} (coefficients
 * c0, c1, … of c0 + c1·x + c2·x² + …), {@code sin}, {@code exp}, {@code recip-cos2}, {@code cos4x},
 * {@code sin4x}, {@code sin4sq}, {@code runge}, {@code runge9}, {@code atan}.
 */
public final class Target {
    public static final int MAX_DEGREE = 16;

    private enum Form {
        POWER(null), POLYNOMIAL(null), SIN("sin"), EXP("exp"), RECIP_COS2("recip-cos2"), COS4X("cos4x"),
        SIN4X("sin4x"), SIN4SQ("sin4sq"), RUNGE("runge"), RUNGE9("runge9"), ATAN("atan");

        /** The text form of a target without parameters; null for powers and polynomials. */
        final String name;

        Form(String name) {
            this.name = name;
        }
    }

    private final Form form;
    private final int degree;
    private final double[] coefficients;

    private Target(Form form, int degree, double[] coefficients) {
        this.form = form;
        this.degree = degree;
        this.coefficients = coefficients;
    }

    /** xⁿ, n in 0..{@value #MAX_DEGREE}. */
    public static Target power(int n) {
        if (n < 0 || n > MAX_DEGREE) {
            throw new IllegalArgumentException("degree must be an integer in 0.." + MAX_DEGREE + ", got " + n);
        }
        return new Target(Form.POWER, n, null);
    }

    /** c0 + c1·x + … + c_d·x^d; 1..{@value #MAX_DEGREE}+1 finite coefficients. */
    public static Target polynomial(double... c) {
        if (c.length == 0 || c.length > MAX_DEGREE + 1) {
            throw new IllegalArgumentException("a polynomial needs 1.." + (MAX_DEGREE + 1)
                    + " coefficients (degree up to " + MAX_DEGREE + "), got " + c.length);
        }
        for (double v : c) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("polynomial coefficients must be finite numbers, got "
                        + FloatText.shortest(v));
            }
        }
        return new Target(Form.POLYNOMIAL, c.length - 1, c.clone());
    }

    public static Target sin() {
        return new Target(Form.SIN, -1, null);
    }

    public static Target exp() {
        return new Target(Form.EXP, -1, null);
    }

    /** Queiruga 2026's f(x) = 1 / (1 + cos²(πx)). */
    public static Target recipCos2() {
        return new Target(Form.RECIP_COS2, -1, null);
    }

    /** cos 4x. */
    public static Target cos4x() {
        return new Target(Form.COS4X, -1, null);
    }

    /** sin 4x. */
    public static Target sin4x() {
        return new Target(Form.SIN4X, -1, null);
    }

    /** sin(4(x − 1)²). */
    public static Target sin4sq() {
        return new Target(Form.SIN4SQ, -1, null);
    }

    /** Runge's function 1 / (1 + x²). */
    public static Target runge() {
        return new Target(Form.RUNGE, -1, null);
    }

    /** The steeper Runge function 1 / (1 + 9x²). */
    public static Target runge9() {
        return new Target(Form.RUNGE9, -1, null);
    }

    /** atan x. */
    public static Target atan() {
        return new Target(Form.ATAN, -1, null);
    }

    /** The study's targets x¹ … xⁿ in order. */
    public static List<Target> powers(List<Integer> degrees) {
        List<Target> out = new ArrayList<>();
        for (int n : degrees) {
            out.add(power(n));
        }
        return out;
    }

    /** What {@link #text()} writes; an IllegalArgumentException naming what is allowed otherwise. */
    public static Target parse(String text) {
        String s = text.trim();
        for (Form form : Form.values()) {
            if (form.name != null && form.name.equals(s)) {
                return new Target(form, -1, null);
            }
        }
        if (s.startsWith("x^")) {
            try {
                return power(Integer.parseInt(s.substring(2)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed power '" + s + "' (expected x^N, N in 0.." + MAX_DEGREE + ")");
            }
        }
        if (s.startsWith("poly:")) {
            String[] parts = s.substring(5).split(",", -1);
            double[] c = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    c[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("malformed polynomial '" + s + "': coefficient " + i + " '"
                            + parts[i] + "' is not a number (expected poly:c0,c1,... for c0 + c1·x + ...)");
                }
            }
            return polynomial(c);
        }
        throw new IllegalArgumentException("unknown target '" + s + "' (allowed: " + ALLOWED + ")");
    }

    public static final String ALLOWED = "x^N with N in 0.." + MAX_DEGREE + ", poly:c0,c1,... (up to "
            + (MAX_DEGREE + 1) + " coefficients), sin, exp, recip-cos2, cos4x, sin4x, sin4sq, runge, runge9, atan";

    /** f(x) in double. StrictMath: the same bits on every JDK, so data never depend on the JVM. */
    public double value(double x) {
        switch (form) {
            case POWER:
                return Math.pow(x, degree);
            case POLYNOMIAL: {
                double s = 0;
                for (int k = coefficients.length - 1; k >= 0; k--) {
                    s = s * x + coefficients[k];
                }
                return s;
            }
            case SIN:
                return StrictMath.sin(x);
            case EXP:
                return StrictMath.exp(x);
            case RECIP_COS2: {
                double c = StrictMath.cos(StrictMath.PI * x);
                return 1 / (1 + c * c);
            }
            case COS4X:
                return StrictMath.cos(4 * x);
            case SIN4X:
                return StrictMath.sin(4 * x);
            case SIN4SQ: {
                double d = x - 1;
                return StrictMath.sin(4 * d * d);
            }
            case RUNGE:
                return 1 / (1 + x * x);
            case RUNGE9:
                return 1 / (1 + 9 * x * x);
            case ATAN:
                return StrictMath.atan(x);
            default:
                throw new IllegalStateException(form.toString());
        }
    }

    /** Whether this is xⁿ: the study's claims are about powers. */
    public boolean isPower() {
        return form == Form.POWER;
    }

    /** n of xⁿ; an IllegalStateException for other targets. */
    public int degree() {
        if (form != Form.POWER) {
            throw new IllegalStateException(text() + " is not a power");
        }
        return degree;
    }

    /** E[f(x)²] for x ~ N(0, 1) where known in closed form (the MSE of predicting 0), else NaN. */
    public double meanSquare() {
        switch (form) {
            case POWER: {
                double m = 1;   // E[x^2n] = (2n − 1)!!
                for (int k = 2 * degree - 1; k > 1; k -= 2) {
                    m *= k;
                }
                return m;
            }
            case SIN:
                return (1 - Math.exp(-2)) / 2;
            case EXP:
                return Math.exp(2);
            case COS4X:   // E[cos² 4x] = (1 + E[cos 8x]) / 2, E[cos tx] = e^(−t²/2)
                return (1 + Math.exp(-32)) / 2;
            case SIN4X:
                return (1 - Math.exp(-32)) / 2;
            default:
                return Double.NaN;
        }
    }

    /** The text form, which {@link #parse} reads back. */
    public String text() {
        switch (form) {
            case POWER:
                return "x^" + degree;
            case POLYNOMIAL: {
                StringBuilder s = new StringBuilder("poly:");
                for (int k = 0; k < coefficients.length; k++) {
                    s.append(k == 0 ? "" : ",").append(number(coefficients[k]));
                }
                return s.toString();
            }
            default:
                return form.name;
        }
    }

    /** Part of a run's id; "n3" for x³, as run ids had before other targets existed. */
    public String id() {
        return form == Form.POWER ? "n" + degree : text();
    }

    /** A table row label: "3" for x³ under a column headed n, otherwise the text form. */
    public String rowLabel() {
        return form == Form.POWER ? Integer.toString(degree) : text();
    }

    /** "n = 3" for x³, otherwise the text form: how prose names a target. */
    public String prose() {
        return form == Form.POWER ? "n = " + degree : text();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : FloatText.shortest(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && form == t.form && degree == t.degree
                && Arrays.equals(coefficients, t.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * form.hashCode() + degree) + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return text();
    }
}
