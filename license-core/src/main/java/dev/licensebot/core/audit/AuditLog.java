package dev.licensebot.core.audit;

import dev.licensebot.core.access.Actor;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;

/** Every terminate, replenish, role change and refused attempt: who, where, when, what, outcome. */
public final class AuditLog {

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
    }

    /** Newest first. */
    public List<AuditEntry> recent(String tenantId, int limit) {
        return jdbi.withExtension(AuditRepository.class, repo -> repo.recent(tenantId, limit));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
