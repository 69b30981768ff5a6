package dev.licensebot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** docs/benchmarks.md as it is built up: sections of a table and notes each, in run order. */
public final class Report {

    private final List<String> parts = new ArrayList<>();

    public Report text(String markdown) {
        parts.add(markdown.strip() + "\n");
        return this;
    }

    /** A markdown table; cells are written as given. */
    public Report table(List<String> header, List<List<String>> rows) {
        StringBuilder table = new StringBuilder();
        table.append("| ").append(String.join(" | ", header)).append(" |\n");
        table.append("|").append(" --- |".repeat(header.size())).append("\n");
        for (List<String> row : rows) {
            table.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        parts.add(table.toString());
        return this;
    }

    public String markdown() {
        return String.join("\n", parts);
    }

    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String num(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    public static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f ms", value);
    }

    /** Two decimals, or two significant digits below 0.1, so a tiny ratio does not read as 0.00×. */
    public static String ratio(double value) {
        return String.format(Locale.ROOT, value < 0.1 && value > 0 ? "%.2g×" : "%.2f×", value);
    }

    public static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }
}
