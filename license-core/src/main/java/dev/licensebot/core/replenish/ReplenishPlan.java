package dev.licensebot.core.replenish;

import dev.licensebot.core.confirm.Confirmation;
import dev.licensebot.core.tenant.Pool;

/** What a replenish request would do, for the confirmation message. */
public record ReplenishPlan(Confirmation confirmation, Pool pool, int delta, int totalBefore, int totalAfter,
                            int inUse, String reason) {

    /** "Add 10 session licenses (25 → 35). Reason: PO 4711." */
    public String summary() {
        int n = Math.abs(delta);
        String text = (delta > 0 ? "Add " : "Remove ") + n + " " + pool.label() + (n == 1 ? " license" : " licenses")
                + " (" + totalBefore + " → " + totalAfter + ").";
        return reason == null ? text : text + " Reason: " + reason + ".";
    }
}
