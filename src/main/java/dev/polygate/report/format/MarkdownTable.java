package dev.polygate.report.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured markdown table: a header, then rows of cells; a column name ending in ">" is
 * right-aligned. Every table of every report is written by this class. A "|" inside a header or
 * cell is escaped and a line break becomes a space, so no text can split a cell or a row.
 */
public final class MarkdownTable {
    private final List<String> columns = new ArrayList<>();
    private final List<Boolean> right = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... columns) {
        this(List.of(columns));
    }

    /** Columns in order; the name "n>" heads a right-aligned column "n". */
    public MarkdownTable(List<String> columns) {
        for (String c : columns) {
            boolean r = c.endsWith(">");
            this.columns.add(r ? c.substring(0, c.length() - 1) : c);
            this.right.add(r);
        }
    }

    /** Adds a row; an IllegalArgumentException unless there is one cell per column. */
    public MarkdownTable row(String... cells) {
        return row(List.of(cells));
    }

    /** Adds a row; an IllegalArgumentException unless there is one cell per column. */
    public MarkdownTable row(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, every line ending in a line break. */
    public String render() {
        StringBuilder t = new StringBuilder();
        line(t, columns);
        t.append('|');
        right.forEach(r -> t.append(r ? "---:|" : "---|"));
        t.append('\n');
        rows.forEach(row -> line(t, row));
        return t.toString();
    }

    private static void line(StringBuilder t, List<String> cells) {
        t.append('|');
        for (String cell : cells) {
            String text = cell.replace("|", "\\|").replace("\n", " ");
            t.append(text.isEmpty() ? " |" : " " + text + " |");
        }
        t.append('\n');
    }
}
