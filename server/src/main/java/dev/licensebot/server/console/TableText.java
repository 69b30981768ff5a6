package dev.licensebot.server.console;

import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.history.Table;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.time.TenantTime;

import java.util.List;
import java.util.function.IntFunction;

/**
 * A page of a history or of the audit log, newest first: the core's {@link Table} as a text table
 * under one heading, or why there are no rows, and how to turn the page.
 */
final class TableText {

    private TableText() {
    }

    /** {@code at} asks for another page of the same list, for `next` and `prev`. */
    static Reply reply(Table table, HistoryView<?> view, IntFunction<LicenseRequest> at) {
        Page<?> page = view.rows();
        Pager pager = new Pager(page, at);
        String since = view.since() == null ? "" : " since " + TenantTime.date(view.since());
        long rows = page.totalRows();
        Lines lines = new Lines().add(table.title() + " · " + rows + (rows == 1 ? " entry" : " entries") + since
                + " · newest first" + pager.inHeading() + " · times in " + table.zone().getId());
        if (view.isEmpty()) {
            lines.add("Nothing recorded" + (since.isEmpty() ? " yet." : since + "."));
        } else if (page.isEmpty()) {
            lines.add(pager.nothingHere());
        } else {
            lines.add(text(table).render()).add(pager.hint());
        }
        return Reply.paged(lines.toString(), pager);
    }

    private static TextTable text(Table table) {
        List<Table.Column> columns = table.columns();
        TextTable text = TextTable.of(columns.stream().map(Table.Column::heading).toArray(String[]::new));
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).shape() == Table.Shape.NUMBER) {
                text.rightAlign(i);
            }
        }
        for (List<Table.Cell> row : table.rows()) {
            text.row(row.stream().map(cell -> cell(cell, table)).toArray());
        }
        return text;
    }

    /** Times in the tenant's zone; a count is its number, since a terminal follows no link. */
    private static String cell(Table.Cell cell, Table table) {
        if (cell instanceof Table.Cell.Time time) {
            return TenantTime.dateTime(time.at(), table.zone());
        }
        if (cell instanceof Table.Cell.Count count) {
            return String.valueOf(count.value());
        }
        return ((Table.Cell.Text) cell).text();
    }
}
