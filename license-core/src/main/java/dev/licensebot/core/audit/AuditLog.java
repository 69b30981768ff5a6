package dev.licensebot.core.audit;

import dev.licensebot.core.access.Actor;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Every terminate, replenish, role change and refused attempt: who, where, when, what, outcome.
 * Stored for the tenant, and logged for the operators with the same facts as key/value pairs, so
 * JSON logs can be searched by tenant, actor, surface or outcome.
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private static final int MAX_DETAIL = 2000;
    private static final int MAX_OUTCOME = 500;

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String detail, String outcome) {
        jdbi.useExtension(AuditRepository.class, repo -> repo.insert(actor.tenantId(), clock.instant(), actor.name(),
                actor.surface(), action, cut(detail, MAX_DETAIL), cut(outcome, MAX_OUTCOME)));
        LOG.atInfo().setMessage("Audit: {} by {} via {} in tenant {}: {} -> {}")
                .addArgument(action).addArgument(actor.name()).addArgument(actor.surface())
                .addArgument(actor.tenantId()).addArgument(detail).addArgument(outcome)
                .addKeyValue("tenant", actor.tenantId()).addKeyValue("actor", actor.name())
                .addKeyValue("surface", actor.surface()).addKeyValue("action", action)
                .addKeyValue("outcome", outcome).log();
    }

    /** Newest first. */
    public List<AuditEntry> recent(String tenantId, int limit) {
        return jdbi.withExtension(AuditRepository.class, repo -> repo.recent(tenantId, limit));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
