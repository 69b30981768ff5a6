package dev.licensebot.core.confirm;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The one skeleton of every Confirm and Cancel: the permission again, the redeem in the same
 * transaction as the change, the outcome on the confirmation, one audit line (the refusal's code
 * when refused) and one metric.
 */
public final class ConfirmedChanges {

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Operators operators;
    private final Confirmations confirmations;
    private final AuditLog audit;
    private final LicenseMetrics metrics;

    public ConfirmedChanges(Jdbi jdbi, Repositories repositories, Operators operators, Confirmations confirmations, AuditLog audit,
                            LicenseMetrics metrics) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.operators = operators;
        this.confirmations = confirmations;
        this.audit = audit;
        this.metrics = metrics;
    }

    public <R> R confirm(Tenant tenant, Actor actor, String confirmationId, ConfirmedChange<R> change) {
        return metrics.confirming(change.action(), () -> confirmNow(tenant, actor, confirmationId, change));
    }

    private <R> R confirmNow(Tenant tenant, Actor actor, String confirmationId, ConfirmedChange<R> change) {
        operators.require(tenant, actor, change.action().permission());
        String auditAction = change.action().name();
        try {
            Redeemed<R> redeemed = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                Confirmation confirmation = confirmations.redeem(actor, confirmationId, change.action(),
                        tenant.zone());
                R result = change.apply().apply(tenant, actor, confirmation);
                confirmations.recordOutcome(confirmation.id(), change.outcome().apply(result));
                return new Redeemed<>(confirmation, result);
            });
            audit.record(actor, auditAction, redeemed.confirmation().describe(), change.outcome().apply(redeemed.result()));
            change.done().accept(redeemed.result());
            return redeemed.result();
        } catch (Refusal refusal) {
            audit.record(actor, auditAction, "confirmation " + confirmationId, "refused: " + refusal.code());
            throw refusal;
        }
    }

    /** Uses the confirmation up without doing anything; what it would have done is audited. */
    public Confirmation cancel(Tenant tenant, Actor actor, String confirmationId, ConfirmAction action) {
        Confirmation[] cancelled = new Confirmation[1];
        metrics.cancelling(action, () -> {
            cancelled[0] = confirmations.cancel(actor, confirmationId, action, tenant.zone());
            audit.record(actor, action.name(), cancelled[0].describe(), "cancelled");
        });
        return cancelled[0];
    }

    private record Redeemed<R>(Confirmation confirmation, R result) {
    }
}
