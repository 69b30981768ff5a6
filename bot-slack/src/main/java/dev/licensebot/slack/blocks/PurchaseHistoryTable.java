package dev.licensebot.slack.blocks;

import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.replenish.Replenishment;

import java.time.ZoneId;
import java.util.List;

/** Every replenishment: date, pool, +/- amount, total after, who, reason. */
final class PurchaseHistoryTable extends HistoryTable<Replenishment> {

    @Override
    String title() {
        return "Purchase history";
    }

    @Override
    String rowsNoun() {
        return "purchases";
    }

    @Override
    List<Column> columns() {
        return List.of(Column.text("Date"), Column.text("Pool"), Column.number("Change"), Column.number("Total after"),
                Column.text("By"), Column.wrapped("Reason"));
    }

    @Override
    List<Object> row(Replenishment r, ZoneId zone, ConversationLinks links) {
        return List.of(date(r.occurredAt(), zone), text(r.pool().label()),
                text((r.delta() > 0 ? "+" : "") + r.delta()), text(String.valueOf(r.totalAfter())), text(r.actor()),
                text(r.reason()));
    }
}
