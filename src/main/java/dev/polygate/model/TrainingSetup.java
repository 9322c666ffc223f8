package dev.polygate.model;

import dev.polygate.text.FloatText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a run is trained, beyond its model, target, learning rate, samples, steps and seed: where the
 * inputs come from, a held-out test set, the precision, the optimiser, the learning-rate schedule
 * and the initialisation. {@link #DEFAULT} is the study's protocol (x ~ N(0, 1), no test set,
 * float32, Adam at a constant rate, PyTorch's default initialisation); a run with the default
 * setup has the same {@link RunSpec#id()} as before setups existed, so stored runs keep their ids.
 *
 * <p>Text forms (command line, run records): inputs {@code normal} | {@code uniform:A,B};
 * precision {@code float32} | {@code float64}; optimiser {@code adam} | {@code adamw:WD} |
 * {@code sgd:MOMENTUM} | {@code lm} | {@code readout}; schedule {@code constant} | {@code cosine} |
 * {@code step:EVERY,GAMMA}, optionally {@code +warmup:W}; init {@code pytorch} | {@code spline}.
 *
 * @param testSamples points of the held-out test set (0: none); on a uniform grid of [A, B] for
 *                    uniform inputs, drawn from N(0, 1) with its own seed for normal inputs
 */
public record TrainingSetup(Inputs inputs, int testSamples, Precision precision, Optimizer optimizer,
                            Schedule schedule, Init init) {

    public static final int MAX_TEST_SAMPLES = RunSpec.MAX_SAMPLES;

    public static final TrainingSetup DEFAULT = new TrainingSetup(Inputs.NORMAL, 0, Precision.FLOAT32,
            Optimizer.ADAM, Schedule.CONSTANT, Init.PYTORCH);

    public TrainingSetup {
        if (inputs == null || precision == null || optimizer == null || schedule == null || init == null) {
            throw new IllegalArgumentException("every part of a training setup is required");
        }
        if (testSamples < 0 || testSamples > MAX_TEST_SAMPLES) {
            throw new IllegalArgumentException("test samples must be an integer in 0.." + MAX_TEST_SAMPLES + ", got "
                    + testSamples);
        }
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The parts that differ from the default, e.g. {@code uniform:-1,1/test1000/float64/lm/spline}; "" for the default. */
    public String id() {
        List<String> parts = new ArrayList<>();
        if (!inputs.equals(DEFAULT.inputs)) {
            parts.add(inputs.text());
        }
        if (testSamples != 0) {
            parts.add("test" + testSamples);
        }
        if (precision != DEFAULT.precision) {
            parts.add(precision.text());
        }
        if (!optimizer.equals(DEFAULT.optimizer)) {
            parts.add(optimizer.text());
        }
        if (!schedule.equals(DEFAULT.schedule)) {
            parts.add(schedule.text());
        }
        if (init != DEFAULT.init) {
            parts.add(init.text());
        }
        return String.join("/", parts);
    }

    public TrainingSetup withInputs(Inputs v) {
        return new TrainingSetup(v, testSamples, precision, optimizer, schedule, init);
    }

    public TrainingSetup withTestSamples(int v) {
        return new TrainingSetup(inputs, v, precision, optimizer, schedule, init);
    }

    public TrainingSetup withPrecision(Precision v) {
        return new TrainingSetup(inputs, testSamples, v, optimizer, schedule, init);
    }

    public TrainingSetup withOptimizer(Optimizer v) {
        return new TrainingSetup(inputs, testSamples, precision, v, schedule, init);
    }

    public TrainingSetup withSchedule(Schedule v) {
        return new TrainingSetup(inputs, testSamples, precision, optimizer, v, init);
    }

    public TrainingSetup withInit(Init v) {
        return new TrainingSetup(inputs, testSamples, precision, optimizer, schedule, v);
    }

    /** Where training inputs come from: N(0, 1), or uniform on [low, high] with low &lt; high, both finite. */
    public record Inputs(boolean uniform, double low, double high) {
        public static final Inputs NORMAL = new Inputs(false, 0, 0);
        public static final String ALLOWED = "normal, or uniform:A,B with finite A < B";

        public Inputs {
            if (uniform && !(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
                throw new IllegalArgumentException("uniform inputs need finite bounds A < B, got "
                        + FloatText.shortest(low) + "," + FloatText.shortest(high) + " (allowed: " + ALLOWED + ")");
            }
            if (!uniform && (low != 0 || high != 0)) {
                throw new IllegalArgumentException("normal inputs take no bounds");
            }
        }

        public static Inputs uniform(double low, double high) {
            return new Inputs(true, low, high);
        }

        public String text() {
            return uniform ? "uniform:" + FloatText.shortest(low) + "," + FloatText.shortest(high) : "normal";
        }

        /** @throws IllegalArgumentException naming the allowed forms */
        public static Inputs parse(String text) {
            String s = text.strip();
            if (s.equals("normal")) {
                return NORMAL;
            }
            if (s.startsWith("uniform:")) {
                String[] ab = s.substring(8).split(",", -1);
                if (ab.length == 2) {
                    try {
                        return uniform(Double.parseDouble(ab[0].strip()), Double.parseDouble(ab[1].strip()));
                    } catch (NumberFormatException e) {
                        // one message below
                    }
                }
                throw new IllegalArgumentException("malformed inputs '" + s + "' (allowed: " + ALLOWED + ")");
            }
            throw new IllegalArgumentException("unknown inputs '" + s + "' (allowed: " + ALLOWED + ")");
        }
    }

    /** Arithmetic of training: float32 (the vector kernels) or float64 (the double-precision path). */
    public enum Precision {
        FLOAT32, FLOAT64;

        public static final String ALLOWED = "float32, float64";

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Precision parse(String text) {
            for (Precision p : values()) {
                if (p.text().equals(text.strip())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown precision '" + text + "' (allowed: " + ALLOWED + ")");
        }
    }

    /**
     * The optimiser. First-order: Adam (PyTorch's), AdamW (decoupled weight decay {@code
     * parameter}, Loshchilov and Hutter 2019, as torch.optim.AdamW), SGD with momentum {@code
     * parameter} (torch.optim.SGD, no dampening, no Nesterov). Second-order, for small models: LM,
     * Levenberg–Marquardt on the residuals (Commons Math); READOUT, train only the read-out (and,
     * for gated kinds, the value branch) by linear least squares with the rest frozen at its
     * initialisation.
     */
    public record Optimizer(Kind kind, double parameter) {
        public enum Kind { ADAM, ADAMW, SGD, LM, READOUT }

        public static final Optimizer ADAM = new Optimizer(Kind.ADAM, 0);
        public static final Optimizer LM = new Optimizer(Kind.LM, 0);
        public static final Optimizer READOUT = new Optimizer(Kind.READOUT, 0);
        public static final String ALLOWED = "adam, adamw:WEIGHT_DECAY, sgd:MOMENTUM (0 <= MOMENTUM < 1), lm, readout";

        public Optimizer {
            if (kind == null || !Double.isFinite(parameter) || parameter < 0
                    || kind == Kind.SGD && parameter >= 1
                    || (kind == Kind.ADAM || kind == Kind.LM || kind == Kind.READOUT) && parameter != 0) {
                throw new IllegalArgumentException("bad optimiser " + kind + " with parameter "
                        + FloatText.shortest(parameter) + " (allowed: " + ALLOWED + ")");
            }
        }

        public static Optimizer adamW(double weightDecay) {
            return new Optimizer(Kind.ADAMW, weightDecay);
        }

        public static Optimizer sgd(double momentum) {
            return new Optimizer(Kind.SGD, momentum);
        }

        /** Whether it is a second-order method (float64, full batch, dense Jacobian or normal equations). */
        public boolean secondOrder() {
            return kind == Kind.LM || kind == Kind.READOUT;
        }

        public String text() {
            return switch (kind) {
                case ADAM -> "adam";
                case ADAMW -> "adamw:" + FloatText.shortest(parameter);
                case SGD -> "sgd:" + FloatText.shortest(parameter);
                case LM -> "lm";
                case READOUT -> "readout";
            };
        }

        public static Optimizer parse(String text) {
            String s = text.strip();
            switch (s) {
                case "adam":
                    return ADAM;
                case "lm":
                    return LM;
                case "readout":
                    return READOUT;
                default:
                    break;
            }
            int colon = s.indexOf(':');
            String name = colon < 0 ? s : s.substring(0, colon);
            if ((name.equals("adamw") || name.equals("sgd")) && colon > 0) {
                double v;
                try {
                    v = Double.parseDouble(s.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("malformed optimiser '" + s + "' (allowed: " + ALLOWED + ")");
                }
                return name.equals("adamw") ? adamW(v) : sgd(v);
            }
            throw new IllegalArgumentException("unknown optimiser '" + s + "' (allowed: " + ALLOWED + ")");
        }
    }

    /**
     * The learning rate at step t of T: constant; cosine, lr·(1 + cos(π t / T)) / 2 (as
     * torch.optim.lr_scheduler.CosineAnnealingLR with η_min = 0); step, lr·γ^⌊t / every⌋
     * (StepLR); each optionally after a linear warm-up over the first {@code warmup} steps, lr·(t + 1)
     * / warmup, the decay then counted from the end of the warm-up.
     */
    public record Schedule(Shape shape, int every, double gamma, int warmup) {
        public enum Shape { CONSTANT, COSINE, STEP }

        public static final Schedule CONSTANT = new Schedule(Shape.CONSTANT, 0, 0, 0);
        public static final String ALLOWED = "constant, cosine, step:EVERY,GAMMA (EVERY >= 1, 0 < GAMMA <= 1), "
                + "each optionally followed by +warmup:W (W >= 1)";

        public Schedule {
            boolean ok = shape != null && warmup >= 0 && switch (shape) {
                case CONSTANT, COSINE -> every == 0 && gamma == 0;
                case STEP -> every >= 1 && gamma > 0 && gamma <= 1;
            };
            if (!ok) {
                throw new IllegalArgumentException("bad schedule (allowed: " + ALLOWED + ")");
            }
        }

        /** The rate at step t (0-based) of {@code steps}, for base rate {@code lr}. */
        public double rate(double lr, int t, int steps) {
            if (t < warmup) {
                return lr * (t + 1) / warmup;
            }
            int u = t - warmup;
            int span = Math.max(1, steps - warmup);
            return switch (shape) {
                case CONSTANT -> lr;
                case COSINE -> lr * 0.5 * (1 + Math.cos(Math.PI * u / span));
                case STEP -> lr * Math.pow(gamma, u / every);
            };
        }

        public String text() {
            String base = switch (shape) {
                case CONSTANT -> "constant";
                case COSINE -> "cosine";
                case STEP -> "step:" + every + "," + FloatText.shortest(gamma);
            };
            return warmup == 0 ? base : base + "+warmup:" + warmup;
        }

        public static Schedule parse(String text) {
            String s = text.strip();
            int warm = 0;
            int plus = s.indexOf('+');
            try {
                if (plus >= 0) {
                    String w = s.substring(plus + 1);
                    if (!w.startsWith("warmup:")) {
                        throw new IllegalArgumentException();
                    }
                    warm = Integer.parseInt(w.substring(7).strip());
                    if (warm < 1) {
                        throw new IllegalArgumentException();
                    }
                    s = s.substring(0, plus);
                }
                if (s.equals("constant")) {
                    return new Schedule(Shape.CONSTANT, 0, 0, warm);
                }
                if (s.equals("cosine")) {
                    return new Schedule(Shape.COSINE, 0, 0, warm);
                }
                if (s.startsWith("step:")) {
                    String[] p = s.substring(5).split(",", -1);
                    if (p.length == 2) {
                        return new Schedule(Shape.STEP, Integer.parseInt(p[0].strip()), Double.parseDouble(p[1].strip()),
                                warm);
                    }
                }
            } catch (IllegalArgumentException e) {
                // NumberFormatException included: one message below
            }
            throw new IllegalArgumentException("unknown or malformed schedule '" + text.strip() + "' (allowed: "
                    + ALLOWED + ")");
        }
    }

    /**
     * Initialisation: PyTorch's nn.Linear default ({@link Initializer}), or the spline ("MASO")
     * initialisation of Queiruga 2026 for one-hidden-layer ReLU models: gate weights ±1 and biases
     * ±linspace(−1, 1, n) with alternating signs, so the kinks sit on a uniform grid of [−1, 1];
     * value weights and biases and the read-out ~ N(0, 1).
     */
    public enum Init {
        PYTORCH, SPLINE;

        public static final String ALLOWED = "pytorch, spline";

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Init parse(String text) {
            for (Init i : values()) {
                if (i.text().equals(text.strip())) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unknown init '" + text + "' (allowed: " + ALLOWED + ")");
        }
    }
}
