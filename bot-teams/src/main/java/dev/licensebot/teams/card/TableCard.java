package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.history.Table;
import dev.licensebot.core.history.Table.Cell;
import dev.licensebot.core.time.TenantTime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A page of a history or of the audit log, as the core's {@link Table} decided it: what is shown
 * (since, page, newest first, the zone), then each row as a bold title (the cell of the table's
 * title column) with its other non-empty cells as facts, then paging, the buttons given and Refresh.
 */
public final class TableCard {

    /** Long enough for any id, email or name people read; past it a value is cut with "…". */
    static final int VALUE_LENGTH = 120;
    /** Reasons and details, which people write sentences in. */
    static final int WRAPPED_LENGTH = 300;

    private TableCard() {
    }

    /** {@code at} builds the data that shows a given page of this very table. */
    public static ObjectNode of(Table table, HistoryView<?> view, IntFunction<ActionData> at, List<ObjectNode> more,
                                String teamsUserId) {
        ActionData current = at.apply(view.rows().page());
        AdaptiveCard card = AdaptiveCard.titled(table.title())
                .add(Elements.heading(table.title()))
                .add(Elements.subtle(scope(view)))
                .refresh(current, teamsUserId);
        if (view.isEmpty()) {
            card.add(Elements.text(view.since() == null ? "Nothing here yet."
                    : "Nothing since " + TenantTime.date(view.since()) + "."));
        }
        table.rows().forEach(row -> card.add(row(table, row)));
        List<ObjectNode> paging = Paging.buttons(view.rows(), at);
        if (!paging.isEmpty()) {
            card.add(Elements.actionSet(paging));
        }
        return card.actions(more).action(Actions.execute("Refresh", current)).build();
    }

    private static ObjectNode row(Table table, List<Cell> cells) {
        List<Elements.Fact> facts = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String value = value(table, i, cells.get(i));
            if (i != table.titleColumn() && !value.isEmpty()) {
                facts.add(new Elements.Fact(table.columns().get(i).heading(), value));
            }
        }
        String title = value(table, table.titleColumn(), cells.get(table.titleColumn()));
        // A row without a name (a user nobody named) is called by its first cell, its id.
        String shown = title.isEmpty() ? value(table, 0, cells.get(0)) : title;
        return Elements.entry("**" + shown + "**", facts);
    }

    /** A cell as card markdown: platform text escaped and cut, times in the table's zone, counts linked. */
    private static String value(Table table, int column, Cell cell) {
        if (cell instanceof Cell.Time time) {
            return TenantTime.dateTimeWithZone(time.at(), table.zone());
        }
        if (cell instanceof Cell.Count count) {
            return count.link().map(url -> "[" + count.value() + "](" + url + ")")
                    .orElse(String.valueOf(count.value()));
        }
        boolean wrapped = table.columns().get(column).shape() == Table.Shape.WRAPPED;
        return Text.plain(((Cell.Text) cell).text(), wrapped ? WRAPPED_LENGTH : VALUE_LENGTH);
    }

    private static String scope(HistoryView<?> view) {
        String since = view.since() == null ? "" : " since " + TenantTime.date(view.since());
        return Text.count(view.rows().totalRows(), "entry", "entries") + since + " · newest first · "
                + Paging.position(view.rows()) + " · times in " + view.zone().getId();
    }
}
