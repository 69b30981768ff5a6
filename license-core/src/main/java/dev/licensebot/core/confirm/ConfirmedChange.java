package dev.licensebot.core.confirm;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.tenant.Tenant;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a confirmed action does once its confirmation is redeemed: the one part in which terminate
 * and replenish differ. {@link ConfirmedChanges} does the rest for both.
 *
 * @param apply   runs in the transaction that redeems the confirmation, so both commit or neither does
 * @param outcome one line for the confirmation's record and the audit log: "total now 35"
 * @param done    counts what was done, after it committed
 * @param <R>     what the change did, for the asker
 */
public record ConfirmedChange<R>(ConfirmAction action, Change<R> apply, Function<R, String> outcome,
                                 Consumer<R> done) {

    /** The change itself, given the redeemed confirmation. */
    @FunctionalInterface
    public interface Change<R> {
        R apply(Tenant tenant, Actor actor, Confirmation confirmation);
    }
}
