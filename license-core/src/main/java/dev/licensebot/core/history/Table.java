package dev.licensebot.core.history;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A page of a history as a table every surface draws its own way: headings, how each column
 * shows, and the cells, with times left as instants for each surface to write in the tenant's zone.
 *
 * @param titleColumn the column that names a row, for surfaces that show rows as cards
 */
public record Table(String title, String rowsNoun, List<Column> columns, List<List<Cell>> rows, ZoneId zone,
                   int titleColumn) {

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public enum Shape { TEXT, NUMBER, WRAPPED }

    /** {@code narrow}: kept where width is scarce (a terminal); the rest are shown on request. */
    public record Column(String heading, Shape shape, boolean narrow) {
    }

    /** One cell: text, a time, or a count that may link to the platform's conversation history. */
    public sealed interface Cell {

        record Text(String text) implements Cell {
        }

        record Time(Instant at) implements Cell {
        }

        record Count(int value, Optional<String> link) implements Cell {
        }
    }

    /** Only the narrow columns, for a terminal. */
    public Table narrow() {
        List<Integer> kept = IntStream.range(0, columns.size())
                .filter(i -> columns.get(i).narrow()).boxed().toList();
        return new Table(title, rowsNoun, kept.stream().map(columns::get).toList(),
                rows.stream().map(row -> kept.stream().map(row::get).toList()).toList(), zone,
                Math.max(0, kept.indexOf(titleColumn)));
    }
}
