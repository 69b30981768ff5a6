package dev.licensebot.server.console;

import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.replenish.ReplenishPlan;

/** `replenish +N|-N session|user [reason]`: the change with the totals before and after, then the new total. */
final class ReplenishText implements ConsoleAnswer<LicenseRequest.Replenish> {

    static final String CANCELLED = "Cancelled: no licenses were added or removed.";

    @Override
    public Reply answer(LicenseRequest.Replenish request, ConsoleUser who) {
        ReplenishPlan plan = who.core().replenishments().request(who.tenant(), who.actor(), request.pool(),
                request.delta(), request.reason());
        String id = plan.confirmation().id();
        String inUse = plan.inUse() + " of the " + plan.pool().label() + " licenses are in use now.";
        return Reply.awaiting(ConfirmationText.ask(plan.summary(), inUse, plan.confirmation(), who.tenant().zone()),
                new Pending() {
                    @Override
                    public String confirm() {
                        return who.core().replenishments().confirm(who.tenant(), who.actor(), id).summary();
                    }

                    @Override
                    public String cancel() {
                        who.core().replenishments().cancel(who.tenant(), who.actor(), id);
                        return CANCELLED;
                    }
                });
    }
}
