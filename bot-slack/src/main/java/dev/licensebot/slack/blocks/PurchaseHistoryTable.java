package dev.licensebot.slack.blocks;

import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.slack.blocks.HistoryTable.Column;

import java.time.ZoneId;
import java.util.List;

import static dev.licensebot.slack.blocks.HistoryTable.date;
import static dev.licensebot.slack.blocks.HistoryTable.text;

/** Every replenishment: date, pool, +/- amount, total after, who, reason. */
final class PurchaseHistoryTable {

    static final HistoryTable<Replenishment> TABLE = new HistoryTable<>("Purchase history", "purchases",
            List.of(Column.text("Date"), Column.text("Pool"), Column.number("Change"), Column.number("Total after"),
                    Column.text("By"), Column.wrapped("Reason")),
            PurchaseHistoryTable::row);

    private PurchaseHistoryTable() {
    }

    private static List<Object> row(Replenishment r, ZoneId zone, ConversationLinks links) {
        return List.of(date(r.occurredAt(), zone), text(r.pool().label()),
                text((r.delta() > 0 ? "+" : "") + r.delta()), text(String.valueOf(r.totalAfter())), text(r.actor()),
                text(r.reason()));
    }
}
