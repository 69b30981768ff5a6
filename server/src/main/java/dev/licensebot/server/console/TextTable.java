package dev.licensebot.server.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for a terminal: columns padded to their widest cell, long cells cut with "…"
 * so one long name or reason cannot push every other column off the screen.
 */
final class TextTable {

    /** Wide enough for an email or an ISO date-time, narrow enough for several columns in 120 characters. */
    static final int MAX_CELL = 32;
    private static final String GAP = "  ";

    private final List<String> headings;
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    private TextTable(List<String> headings) {
        this.headings = List.copyOf(headings);
        this.rightAligned = new boolean[headings.size()];
    }

    static TextTable of(String... headings) {
        return new TextTable(Arrays.asList(headings));
    }

    /** Numbers read better lined up on the right. */
    TextTable rightAlign(int column) {
        rightAligned[column] = true;
        return this;
    }

    /** One row; null cells show empty, and a row must have a cell for every heading. */
    TextTable row(Object... cells) {
        if (cells.length != headings.size()) {
            throw new IllegalArgumentException("a row has " + headings.size() + " cells, not " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(TextTable::cell).toArray(String[]::new));
        return this;
    }

    /** The heading line, a rule, then the rows; no trailing spaces. */
    String render() {
        int[] widths = widths();
        List<String> lines = new ArrayList<>();
        lines.add(line(headings.toArray(String[]::new), widths));
        lines.add(rule(widths));
        for (String[] row : rows) {
            lines.add(line(row, widths));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private int[] widths() {
        int[] widths = headings.stream().mapToInt(String::length).toArray();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        return widths;
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String padding = " ".repeat(widths[i] - cells[i].length());
            line.append(rightAligned[i] ? padding + cells[i] : cells[i] + padding);
        }
        return line.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i > 0 ? GAP : "").append("-".repeat(widths[i]));
        }
        return rule.toString();
    }

    /** One line, cut: platform text may hold line breaks or tabs that would break the columns. */
    private static String cell(Object value) {
        String text = value == null ? "" : value.toString().replaceAll("[\\r\\n\\t]+", " ").strip();
        return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
    }
}
