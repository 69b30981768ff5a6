package dev.licensebot.slack.blocks;

import com.slack.api.model.block.element.RichTextSectionElement;
import dev.licensebot.core.conversation.ConversationLinks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One history as a table: its title, the noun for its rows, its columns and how an item fills a
 * row. The three histories differ only in these, so each is a value of this one class.
 */
final class HistoryTable<T> {

    private static final TableBlock.ColumnSetting NUMBER = new TableBlock.ColumnSetting("right", null);
    private static final TableBlock.ColumnSetting WRAPPED = new TableBlock.ColumnSetting("left", true);
    private static final TableBlock.ColumnSetting PLAIN = new TableBlock.ColumnSetting("left", null);

    /** A column: its heading and how it shows. */
    record Column(String heading, TableBlock.ColumnSetting setting) {
        static Column text(String heading) {
            return new Column(heading, PLAIN);
        }

        static Column wrapped(String heading) {
            return new Column(heading, WRAPPED);
        }

        static Column number(String heading) {
            return new Column(heading, NUMBER);
        }
    }

    /** The cells of one item, in the order of the columns. */
    @FunctionalInterface
    interface Row<T> {
        List<Object> cells(T item, ZoneId zone, ConversationLinks links);
    }

    private final String title;
    private final String rowsNoun;
    private final List<Column> columns;
    private final Row<T> row;

    HistoryTable(String title, String rowsNoun, List<Column> columns, Row<T> row) {
        this.title = title;
        this.rowsNoun = rowsNoun;
        this.columns = List.copyOf(columns);
        this.row = row;
    }

    /** "Session history". */
    String title() {
        return title;
    }

    /** "sessions", for "12 sessions since …". */
    String rowsNoun() {
        return rowsNoun;
    }

    /** The heading row and the page's rows, as a table block. */
    TableBlock table(List<T> items, ZoneId zone, ConversationLinks links) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(columns.stream().map(c -> (Object) TableBlock.rich(RichTextSectionElement.Text.builder()
                .text(c.heading()).style(RichTextSectionElement.TextStyle.builder().bold(true).build()).build()))
                .toList());
        for (T item : items) {
            rows.add(row.cells(item, zone, links));
        }
        return new TableBlock(null, rows, columns.stream().map(Column::setting).toList());
    }

    static Object date(Instant at, ZoneId zone) {
        return at == null ? TableBlock.raw(null) : TableBlock.rich(SlackDates.richText(at, zone));
    }

    /** A conversation count, linked to the platform's Conversation History when it has a link. */
    static Object count(int conversations, Optional<String> link) {
        return link.<Object>map(url -> TableBlock.rich(RichTextSectionElement.Link.builder().url(url)
                .text(String.valueOf(conversations)).build()))
                .orElseGet(() -> TableBlock.raw(String.valueOf(conversations)));
    }

    static Object text(String value) {
        return TableBlock.raw(value);
    }
}
