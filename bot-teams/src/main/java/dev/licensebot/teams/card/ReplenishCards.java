package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.replenish.ReplenishPlan;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.time.TenantTime;

import java.time.ZoneId;
import java.util.List;

/** Replenish: the confirmation with the totals before and after, then the new total and who. */
public final class ReplenishCards {

    private ReplenishCards() {
    }

    public static ObjectNode confirmation(ReplenishPlan plan, ZoneId zone) {
        String confirmationId = plan.confirmation().id();
        return AdaptiveCard.titled("Change licenses?")
                .add(Elements.heading("Change licenses?"))
                .add(Elements.text(Text.escape(plan.summary())))
                .add(Elements.facts(List.of(
                        new Elements.Fact("Total now", String.valueOf(plan.totalBefore())),
                        new Elements.Fact("Total after", String.valueOf(plan.totalAfter())),
                        new Elements.Fact("In use now", String.valueOf(plan.inUse())))))
                .add(Elements.subtle("Only " + Text.escape(plan.confirmation().requestedBy())
                        + " can confirm this, until " + TenantTime.timeWithZone(plan.confirmation().expiresAt(), zone)
                        + "."))
                .action(Actions.positive("Confirm", ActionData.of(Verbs.CONFIRM_REPLENISH)
                        .with(Verbs.CONFIRMATION, confirmationId)))
                .action(Actions.execute("Cancel", ActionData.of(Verbs.CANCEL_REPLENISH)
                        .with(Verbs.CONFIRMATION, confirmationId)))
                .build();
    }

    public static ObjectNode outcome(Replenishment done, ZoneId zone) {
        return AdaptiveCard.titled("Licenses updated")
                .add(Elements.heading("Licenses updated"))
                .add(Elements.text(Text.escape(done.summary())))
                .add(Elements.subtle("At " + TenantTime.dateTimeWithZone(done.occurredAt(), zone) + "."))
                .build();
    }

    public static ObjectNode cancelled(String byWhom) {
        return AdaptiveCard.titled("Change cancelled")
                .add(Elements.heading("Change cancelled"))
                .add(Elements.text("Cancelled by " + Text.escape(byWhom) + ". The licenses are unchanged."))
                .build();
    }
}
