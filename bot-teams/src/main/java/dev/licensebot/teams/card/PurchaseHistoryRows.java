package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.time.TenantTime;

import java.util.ArrayList;
import java.util.List;

/** Rows of the purchase history: licenses added or removed, the total after, who and why. */
public final class PurchaseHistoryRows {

    static final int REASON_LENGTH = 300;

    private PurchaseHistoryRows() {
    }

    public static List<ObjectNode> of(HistoryView<Replenishment> view) {
        List<ObjectNode> rows = new ArrayList<>();
        for (Replenishment r : view.rows().rows()) {
            List<Elements.Fact> facts = new ArrayList<>();
            facts.add(new Elements.Fact("Date", TenantTime.dateTimeWithZone(r.occurredAt(), view.zone())));
            facts.add(new Elements.Fact("Total after", String.valueOf(r.totalAfter())));
            Rows.fact(facts, "By", r.actor());
            if (r.reason() != null) {
                facts.add(new Elements.Fact("Reason", Text.plain(r.reason(), REASON_LENGTH)));
            }
            String amount = (r.delta() > 0 ? "+" : "") + r.delta() + " " + r.pool().label()
                    + (Math.abs(r.delta()) == 1 ? " license" : " licenses");
            rows.add(Rows.row("**" + amount + "**", facts));
        }
        return rows;
    }
}
