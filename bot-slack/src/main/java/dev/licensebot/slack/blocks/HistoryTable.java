package dev.licensebot.slack.blocks;

import com.slack.api.model.block.element.RichTextSectionElement;
import dev.licensebot.core.conversation.ConversationLinks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The columns of one history and how a row fills them. */
abstract class HistoryTable<T> {

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

    /** "Session history". */
    abstract String title();

    /** "sessions", for "12 sessions since …". */
    abstract String rowsNoun();

    abstract List<Column> columns();

    abstract List<Object> row(T item, ZoneId zone, ConversationLinks links);

    /** The heading row and the page's rows, as a table block. */
    TableBlock table(List<T> items, ZoneId zone, ConversationLinks links) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(columns().stream().map(c -> (Object) TableBlock.rich(RichTextSectionElement.Text.builder()
                .text(c.heading()).style(RichTextSectionElement.TextStyle.builder().bold(true).build()).build()))
                .toList());
        for (T item : items) {
            rows.add(row(item, zone, links));
        }
        return new TableBlock(null, rows, columns().stream().map(Column::setting).toList());
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
