package dev.licensebot.core.confirm;

import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.tenant.Tenant;

/**
 * What a confirmed action does once its confirmation is redeemed: the one part in which terminate
 * and replenish differ. {@link ConfirmedChanges} does the rest for both.
 *
 * @param <R> what the change did, for the asker
 */
public interface ConfirmedChange<R> {

    ConfirmAction action();

    /** Checked when asked and again at Confirm: an admin demoted in between is refused. */
    Action permission();

    /** Runs in the transaction that redeems the confirmation, so both commit or neither does. */
    R apply(Tenant tenant, Actor actor, Confirmation confirmation);

    /** One line for the confirmation's record and the audit log: "total now 35". */
    String outcome(R result);

    /** Counts what was done, after it committed. */
    default void done(R result) {
    }
}
