package dev.polygate.report.format;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table: a header, then rows of cells; a column name ending in ">" is right-aligned. */
public final class MarkdownTable {
    private final List<String> columns = new ArrayList<>();
    private final List<Boolean> right = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... columns) {
        for (String c : columns) {
            boolean r = c.endsWith(">");
            this.columns.add(r ? c.substring(0, c.length() - 1) : c);
            this.right.add(r);
        }
    }

    public MarkdownTable row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        StringBuilder t = new StringBuilder("|");
        columns.forEach(c -> t.append(' ').append(c).append(" |"));
        t.append("\n|");
        right.forEach(r -> t.append(r ? "---:|" : "---|"));
        t.append('\n');
        for (List<String> row : rows) {
            t.append('|');
            // A "|" inside a cell would split it; markdown escapes it as "\|".
            row.forEach(cell -> t.append(' ').append(cell.replace("|", "\\|")).append(" |"));
            t.append('\n');
        }
        return t.toString();
    }
}
