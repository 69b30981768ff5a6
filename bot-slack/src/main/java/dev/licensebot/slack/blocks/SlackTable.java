package dev.licensebot.slack.blocks;

import com.slack.api.model.block.element.RichTextSectionElement;
import dev.licensebot.core.history.Table;
import dev.licensebot.core.history.Table.Cell;

import java.util.ArrayList;
import java.util.List;

/**
 * The core's history or audit {@link Table} as a Slack table block: a bold heading row, times in
 * the reader's zone (the tenant's as fallback), counts linked where the platform has a link.
 */
final class SlackTable {

    private static final TableBlock.ColumnSetting NUMBER = new TableBlock.ColumnSetting("right", null);
    private static final TableBlock.ColumnSetting WRAPPED = new TableBlock.ColumnSetting("left", true);
    private static final TableBlock.ColumnSetting TEXT = new TableBlock.ColumnSetting("left", null);

    private SlackTable() {
    }

    static TableBlock of(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(table.columns().stream().map(c -> (Object) TableBlock.rich(RichTextSectionElement.Text.builder()
                .text(c.heading()).style(RichTextSectionElement.TextStyle.builder().bold(true).build()).build()))
                .toList());
        for (List<Cell> row : table.rows()) {
            rows.add(row.stream().map(cell -> cell(cell, table)).toList());
        }
        return new TableBlock(null, rows, table.columns().stream().map(c -> setting(c.shape())).toList());
    }

    /** Raw text is shown literally, so nothing is escaped. */
    private static Object cell(Cell cell, Table table) {
        if (cell instanceof Cell.Time time) {
            return TableBlock.rich(SlackDates.richText(time.at(), table.zone()));
        }
        if (cell instanceof Cell.Count count) {
            String value = String.valueOf(count.value());
            return count.link().<Object>map(url -> TableBlock.rich(RichTextSectionElement.Link.builder().url(url)
                    .text(value).build())).orElseGet(() -> TableBlock.raw(value));
        }
        return TableBlock.raw(((Cell.Text) cell).text());
    }

    private static TableBlock.ColumnSetting setting(Table.Shape shape) {
        return switch (shape) {
            case NUMBER -> NUMBER;
            case WRAPPED -> WRAPPED;
            case TEXT -> TEXT;
        };
    }
}
