package dev.polygate.report.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads JSON files written by other programs (JMH) or by other versions of polygate, turning
 * every problem into one {@link InvalidInputException} line that names the file and the place.
 */
public final class JsonInput {
    /*
     * Unknown properties are ignored: JMH and later polygate versions add fields we do not need.
     * Trailing tokens fail: "[...] garbage" is a damaged file, not a result.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonInput() {
    }

    /** The file's JSON tree; fails if the file is missing, a directory, unreadable, empty or not valid JSON. */
    public static JsonNode tree(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file + " is a directory, not a JSON file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(file + " cannot be read (permission denied)");
        } catch (MalformedInputException e) {
            throw new InvalidInputException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException(file + " cannot be read (" + oneLine(e.toString()) + ")");
        }
        if (text.isBlank()) {
            throw new InvalidInputException(file + " is empty");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            throw new InvalidInputException(file + " is not valid JSON (" + where + oneLine(e.getOriginalMessage()) + ")");
        }
    }

    /**
     * Binds {@code node} to {@code type}; a value of the wrong type fails naming its path below
     * {@code where}, e.g. {@code results[3].primaryMetric.rawData[0][1]}.
     */
    public static <T> T bind(Path file, String where, JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String at = where + path(e);
            throw new InvalidInputException(file + ": " + (at.startsWith(".") ? at.substring(1) : at) + ": "
                    + oneLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": " + where + ": " + oneLine(e.getOriginalMessage()));
        }
    }

    /** The value of a field that must be present: an InvalidInputException names the place otherwise. */
    public static <T> T required(Path file, String where, T value) {
        if (value == null) {
            throw new InvalidInputException(file + ": " + where + " is missing");
        }
        return value;
    }

    /** "an object", "a string", ...: what a node is, for messages about the wrong kind of JSON. */
    /**
     * The strings of an array node {@code v} named {@code where}; anything else, or an element that is
     * no string, is {@code bad}'s exception for a message like "where is an object, expected an array
     * of strings".
     */
    public static List<String> strings(JsonNode v, String where,
                                       Function<String, InvalidInputException> bad) {
        if (!v.isArray()) {
            throw bad.apply(where + " is " + describe(v) + ", expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw bad.apply(where + "[" + i + "] is " + describe(v.get(i)) + ", expected a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    public static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }

    /** Jackson's reference chain as a JSON path: .field and [index] steps. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Messages go on one line of stderr: no line breaks, and not a page long. */
    static String oneLine(String message) {
        String s = String.valueOf(message).replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
