package dev.polygate.report.format;

import dev.polygate.text.FloatText;
import java.util.List;

/**
 * How every report writes CSV, RFC 4180: CRLF line ends, fields quoted only when they need it,
 * numbers in their shortest round-trip form (FloatText) and a missing number as an empty field.
 */
public final class CsvText {
    private static final String LINE_END = "\r\n";

    private CsvText() {
    }

    /** Appends one row, its fields separated by commas and quoted where needed, then CRLF. */
    public static void appendRow(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoteIfNeeded(fields.get(i)));
        }
        csv.append(LINE_END);
    }

    /** An empty field for a missing number: "NaN" would be read as text by most tools. */
    public static String finiteOrEmpty(double value) {
        return Double.isFinite(value) ? FloatText.shortest(value) : "";
    }

    /** RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. */
    static String quoteIfNeeded(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
