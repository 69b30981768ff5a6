package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.RichTextSectionElement;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.history.Table;
import dev.licensebot.core.history.Table.Cell;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.slack.reply.SlackMessage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * A page of a history or of the audit log as a table, newest first, with Previous and Next; a
 * history also has the way to the other histories. The one place the core's {@link Table} becomes
 * a Slack table.
 */
public final class HistoryPageBlocks {

    private static final TableBlock.ColumnSetting NUMBER = new TableBlock.ColumnSetting("right", null);
    private static final TableBlock.ColumnSetting WRAPPED = new TableBlock.ColumnSetting("left", true);
    private static final TableBlock.ColumnSetting TEXT = new TableBlock.ColumnSetting("left", null);

    private HistoryPageBlocks() {
    }

    public static SlackMessage history(Answer.HistoryPage answer) {
        LicenseRequest.History request = answer.request();
        List<BlockElement> buttons = PagingButtons.of(answer.view().rows(), ActionIds.HISTORY_PREVIOUS,
                ActionIds.HISTORY_NEXT, page -> ButtonValues.history(request.kind(), request.since(), page));
        for (HistoryKind other : HistoryKind.values()) {
            if (other != request.kind()) {
                buttons.add(button(b -> b.actionId(ActionIds.historyKind(other)).text(plainText(other.title()))
                        .value(ButtonValues.history(other, request.since(), 1))));
            }
        }
        return render(answer.table(), answer.view(), buttons);
    }

    public static SlackMessage audit(Answer.AuditPage answer) {
        LocalDate since = answer.request().since();
        return render(answer.table(), answer.view(), PagingButtons.of(answer.view().rows(), ActionIds.AUDIT_PREVIOUS,
                ActionIds.AUDIT_NEXT, page -> ButtonValues.audit(since, page)));
    }

    private static SlackMessage render(Table table, HistoryView<?> view, List<BlockElement> buttons) {
        Page<?> page = view.rows();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(table.title()))));
        String summary = "*" + page.totalRows() + "* " + table.rowsNoun() + since(view) + "  ·  newest first  ·  page "
                + page.page() + " of " + page.totalPages() + "  ·  as of "
                + SlackDates.mrkdwn(view.asOf(), view.zone());
        blocks.add(context(c -> c.elements(List.of(markdownText(summary)))));
        if (page.isEmpty()) {
            String nothing = view.isEmpty() ? "Nothing recorded" + since(view) + "."
                    : "Page " + page.page() + " is past the end; there are " + page.totalPages() + ".";
            blocks.add(section(s -> s.text(markdownText(nothing))));
        } else {
            blocks.add(table(table));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.elements(buttons)));
        }
        return SlackMessage.ephemeral(table.title() + ": " + page.totalRows() + " " + table.rowsNoun(), blocks);
    }

    private static String since(HistoryView<?> view) {
        return view.since() == null ? "" : " since " + TenantTime.date(view.since());
    }

    /**
     * The core's {@link Table} as a Slack table block: a bold heading row, times in the reader's
     * zone (the tenant's as fallback), counts linked where the platform has a link.
     */
    private static TableBlock table(Table table) {
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
