package dev.licensebot.core.replenish;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.confirm.ConfirmAction;
import dev.licensebot.core.confirm.Confirmation;
import dev.licensebot.core.confirm.ConfirmedChange;
import dev.licensebot.core.confirm.ConfirmedChanges;
import dev.licensebot.core.confirm.Confirmations;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.PoolOccupancy;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.TenantRepository;
import dev.licensebot.core.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.time.Clock;
import java.time.Instant;

/** Adding or removing licenses of a pool: asked, confirmed, applied under the pool's lock. */
public final class Replenishments {

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final Operators operators;
    private final Confirmations confirmations;
    private final ConfirmedChanges changes;
    private final AuditLog audit;

    public Replenishments(Jdbi jdbi, Repositories repositories, Clock clock, Operators operators, Confirmations confirmations,
                          ConfirmedChanges changes, AuditLog audit) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.operators = operators;
        this.confirmations = confirmations;
        this.changes = changes;
        this.audit = audit;
    }

    /** Checks now what would be refused now, then waits for a Confirm. */
    public ReplenishPlan request(Tenant tenant, Actor actor, Pool pool, int delta, String reason) {
        operators.require(tenant, actor, Action.REPLENISH);
        String cleanReason = validate(delta, reason);
        int[] totals = jdbi.withHandle(h -> new int[] {
                repositories.of(TenantRepository.class).total(tenant.id(), pool),
                repositories.of(PoolOccupancy.class).inUse(tenant.id(), pool, clock.instant())});
        int after = checkedTotal(pool, totals[0], delta, totals[1]);
        Confirmation confirmation = confirmations.createReplenishment(actor, pool, delta, cleanReason);
        return new ReplenishPlan(confirmation, pool, delta, totals[0], after, totals[1], cleanReason);
    }

    /**
     * The same request as typed into a form (amount and pool as text): parsed after the permission
     * check, so someone who may not replenish hears that rather than a remark on their input.
     */
    public ReplenishPlan request(Tenant tenant, Actor actor, String pool, String amount, String reason) {
        operators.require(tenant, actor, Action.REPLENISH);
        if (pool == null || pool.isBlank()) {
            throw Refusal.invalid(ReplenishField.POOL.refusalField(), "Choose the pool: session or user licenses.");
        }
        return request(tenant, actor, Pool.parse(pool), ReplenishAmount.parse(amount), reason);
    }

    /** Redeems the confirmation and applies it in one transaction, under the pool's lock. */
    public Replenishment confirm(Tenant tenant, Actor actor, String confirmationId) {
        return changes.confirm(tenant, actor, confirmationId, new ConfirmedChange<>(ConfirmAction.REPLENISH,
                (asked, by, confirmed) -> applyLocked(asked, by, confirmed.pool(), confirmed.delta(),
                        confirmed.reason()),
                done -> "total now " + done.totalAfter(), done -> { }));
    }

    public void cancel(Tenant tenant, Actor actor, String confirmationId) {
        changes.cancel(tenant, actor, confirmationId, ConfirmAction.REPLENISH);
    }

    /** Applies at once; for operators at a shell (the CLI), who need no chat confirmation. */
    public Replenishment apply(Tenant tenant, Actor actor, Pool pool, int delta, String reason) {
        operators.require(tenant, actor, Action.REPLENISH);
        String cleanReason = validate(delta, reason);
        try {
            Replenishment done = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                    h -> applyLocked(tenant, actor, pool, delta, cleanReason));
            audit.record(actor, "REPLENISH", describe(pool, delta) + reasonSuffix(cleanReason),
                    "total now " + done.totalAfter());
            return done;
        } catch (Refusal refusal) {
            audit.record(actor, "REPLENISH", describe(pool, delta), "refused: " + refusal.code());
            throw refusal;
        }
    }

    private Replenishment applyLocked(Tenant tenant, Actor actor, Pool pool, int delta, String reason) {
        Instant now = clock.instant();
        TenantRepository tenants = repositories.of(TenantRepository.class);
        int total = tenants.lockPool(tenant.id(), pool);
        int after = checkedTotal(pool, total, delta, repositories.of(PoolOccupancy.class).inUse(tenant.id(), pool, now));
        tenants.updateTotal(tenant.id(), pool, after);
        repositories.of(ReplenishmentRepository.class).insert(tenant.id(), pool, now, delta, after, actor.name(), reason);
        return new Replenishment(pool, now, delta, after, actor.name(), reason);
    }

    private static int checkedTotal(Pool pool, int total, int delta, int inUse) {
        long after = (long) total + delta;
        if (after > Tenants.MAX_LICENSES) {
            throw Refusal.invalid(ReplenishField.AMOUNT.refusalField(), "A pool can hold at most " + Tenants.MAX_LICENSES + " licenses.");
        }
        if (after < 0) {
            throw Refusal.invalid(ReplenishField.AMOUNT.refusalField(), "The " + pool.label() + " pool has only " + total
                    + " licenses; you cannot remove " + -delta + ".");
        }
        if (after < inUse) {
            // The amount is what the person can change about it, so the refusal names that field.
            throw new Refusal(Refusal.Kind.CONFLICT, "below_in_use", "Removing " + -delta + " " + pool.label()
                    + " licenses would leave " + after + ", but " + inUse + " are in use now. "
                    + "Free some first, or remove fewer.", ReplenishField.AMOUNT.refusalField());
        }
        return (int) after;
    }

    private static String validate(int delta, String reason) {
        if (delta == 0 || Math.abs((long) delta) > Tenants.MAX_LICENSES) {
            throw Refusal.invalid(ReplenishField.AMOUNT.refusalField(), "Give a non-zero change such as +10 or -5, at most "
                    + Tenants.MAX_LICENSES + ".");
        }
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > 500) {
            throw Refusal.invalid(ReplenishField.REASON.refusalField(), "The reason may be at most 500 characters.");
        }
        return reason.trim();
    }

    private static String describe(Pool pool, Integer delta) {
        return (delta > 0 ? "+" : "") + delta + " " + pool.label() + " licenses";
    }

    private static String reasonSuffix(String reason) {
        return reason == null ? "" : " (" + reason + ")";
    }
}
