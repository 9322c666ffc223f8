package dev.polygate.experiment.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Typed reading of one JSON object's fields for the store's formats (run records, designs, tasks):
 * a missing or mistyped field is an IllegalArgumentException naming it with its place, e.g.
 * "design.seeds must be an integer, got 2.5".
 *
 * @param prefix put before every field name in messages: "", "curve.", "design."
 */
record JsonFields(JsonNode node, String prefix) {
    JsonNode get(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isMissingNode()) {
            throw new IllegalArgumentException(prefix + name + " is missing");
        }
        return v;
    }

    /** Whether the field is present (null counts as present). */
    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isMissingNode();
    }

    /** A string field parsed, or {@code absent} if the field is missing (older records). */
    <T> T textOr(String name, Function<String, T> parse, T absent) {
        return has(name) ? parse.apply(text(name)) : absent;
    }

    String text(String name) {
        JsonNode v = get(name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(prefix + name + " must be a string, got " + v);
        }
        return v.textValue();
    }

    int integer(String name) {
        return integerOf(name, get(name));
    }

    long longInteger(String name) {
        JsonNode v = get(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(prefix + name + " must be an integer, got " + v);
        }
        return v.longValue();
    }

    double real(String name) {
        return realOf(name, get(name));
    }

    /** A number, or null read as NaN (how the writers put non-finite numbers). */
    double realOrNaN(String name) {
        return get(name).isNull() ? Double.NaN : real(name);
    }

    ObjectNode object(String name) {
        JsonNode v = get(name);
        if (!v.isObject()) {
            throw new IllegalArgumentException(prefix + name + " must be an object, got " + v.getNodeType());
        }
        return (ObjectNode) v;
    }

    ArrayNode array(String name) {
        JsonNode v = get(name);
        if (!v.isArray()) {
            throw new IllegalArgumentException(prefix + name + " must be a list, got " + v.getNodeType());
        }
        return (ArrayNode) v;
    }

    /** A list of numbers or nulls (NaN) as floats. */
    float[] floats(String name) {
        ArrayNode v = array(name);
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode x = v.get(i);
            out[i] = x.isNull() ? Float.NaN : (float) realOf(name + "[" + i + "]", x);
        }
        return out;
    }

    /** A list of strings, each parsed. */
    <T> List<T> texts(String name, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (JsonNode v : array(name)) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException(prefix + name + " must hold strings, got " + v);
            }
            out.add(parse.apply(v.textValue()));
        }
        return out;
    }

    List<Integer> ints(String name) {
        List<Integer> out = new ArrayList<>();
        ArrayNode a = array(name);
        for (int i = 0; i < a.size(); i++) {
            out.add(integerOf(name + "[" + i + "]", a.get(i)));
        }
        return out;
    }

    List<Double> doubles(String name) {
        List<Double> out = new ArrayList<>();
        ArrayNode a = array(name);
        for (int i = 0; i < a.size(); i++) {
            out.add(realOf(name + "[" + i + "]", a.get(i)));
        }
        return out;
    }

    private int integerOf(String name, JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(prefix + name + " must be an integer, got " + v);
        }
        return v.intValue();
    }

    private double realOf(String name, JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException(prefix + name + " must be a number, got " + v);
        }
        return v.doubleValue();
    }
}
