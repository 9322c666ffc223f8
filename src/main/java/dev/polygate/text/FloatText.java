package dev.polygate.text;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The text of a float or double wherever polygate prints one as a value (predictions, model files,
 * JSON, CSV, ids, messages): the shortest decimal that reads back to the same bits, the same on
 * every JDK. Float.toString and Double.toString are not: JDK 19 made them shortest (Schubfach),
 * before that they sometimes printed more digits (1.02595688E8 for the float JDK 19+ prints as
 * 1.0259569E8), and comparing JDKs is what polygate is for. Jackson's NumberOutput carries the
 * same Schubfach algorithm, so its text equals Float.toString / Double.toString of JDK 19 and later
 * on every JDK.
 */
public final class FloatText {
    private FloatText() {
    }

    /** "1.0259569E8", "0.01", "NaN": Float.toString's format, shortest round-trip digits. */
    public static String shortest(float value) {
        return NumberOutput.toString(value, true);
    }

    /** "0.002", "1.0E23", "NaN": Double.toString's format, shortest round-trip digits. */
    public static String shortest(double value) {
        return NumberOutput.toString(value, true);
    }

    /**
     * A JSON mapper builder for every file polygate writes: floats and doubles as {@link #shortest},
     * through Jackson's fast (Schubfach) writer; without it Jackson calls Float.toString.
     */
    public static JsonMapper.Builder jsonMapper() {
        return JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }
}
