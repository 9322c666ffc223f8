package dev.polygate.report.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the tables of a markdown report back into rows of cells, so tests check the numbers in a
 * table's cells by column name, not the layout or the wording around them.
 */
public final class MarkdownTables {
    private MarkdownTables() {
    }

    /** Every table of {@code md} in order; each row maps column name to cell text (unescaped). */
    public static List<List<Map<String, String>>> all(String md) {
        List<List<Map<String, String>>> tables = new ArrayList<>();
        List<String> lines = md.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("|") && lines.get(i + 1).startsWith("|---")) {
                List<String> columns = cells(lines.get(i));
                List<Map<String, String>> rows = new ArrayList<>();
                int j = i + 2;
                for (; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                    List<String> cells = cells(lines.get(j));
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int c = 0; c < columns.size(); c++) {
                        // A repeated column name ("inside" twice) gets its position appended.
                        String name = row.containsKey(columns.get(c)) ? columns.get(c) + "#" + c : columns.get(c);
                        row.put(name, c < cells.size() ? cells.get(c) : "");
                    }
                    rows.add(row);
                }
                tables.add(rows);
                i = j - 1;
            }
        }
        return tables;
    }

    /** The rows of every table that has a column named {@code column}. */
    public static List<Map<String, String>> withColumn(String md, String column) {
        return all(md).stream().filter(t -> !t.isEmpty() && t.get(0).containsKey(column))
                .flatMap(List::stream).toList();
    }

    /** The one row of the tables with {@code column} that matches; an AssertionError unless exactly one does. */
    public static Map<String, String> row(String md, String column, Predicate<Map<String, String>> which) {
        List<Map<String, String>> rows = withColumn(md, column).stream().filter(which).toList();
        if (rows.size() != 1) {
            throw new AssertionError(rows.size() + " rows match in the tables with column '" + column + "':\n" + md);
        }
        return rows.get(0);
    }

    /**
     * The cells of the one table row, in any table, whose first cells are {@code leading}; empty
     * if none is. Rows are compared by cell, so spacing and the prose around tables do not matter.
     */
    public static java.util.Optional<List<String>> rowStartingWith(String md, String... leading) {
        List<String> start = List.of(leading);
        return all(md).stream().flatMap(List::stream).map(row -> List.copyOf(row.values()))
                .filter(cells -> cells.size() >= start.size() && cells.subList(0, start.size()).equals(start))
                .findFirst();
    }

    /** A predicate: the row's cell in {@code column} is {@code value}. */
    public static Predicate<Map<String, String>> where(String column, String value) {
        return r -> value.equals(r.get(column));
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char ch = inner.charAt(i);
            if (ch == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (ch == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
