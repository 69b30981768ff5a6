package dev.licensebot.core.audit;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Surface;
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

    /** The action recorded for chat users refused before any operator was looked up. */
    public static final String CHAT_ACCESS = "CHAT_ACCESS";

    private static final int MAX_ACTOR = 254;
    private static final int MAX_DETAIL = 2000;
    private static final int MAX_OUTCOME = 500;

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Repositories repositories, Clock clock) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String detail, String outcome) {
        record(actor.tenantId(), actor.name(), actor.surface(), action, detail, outcome);
    }

    /**
     * Someone a chat platform does not vouch for (a guest, a bot, a stranger...) refused at the door:
     * no operator, so named as the platform names them, under {@link #CHAT_ACCESS}.
     */
    public void recordRefusedSender(String tenantId, String who, Surface surface, String detail, String outcome) {
        record(tenantId, cut(who, MAX_ACTOR), surface, CHAT_ACCESS, detail, outcome);
    }

    private void record(String tenantId, String actor, Surface surface, String action, String detail,
                        String outcome) {
        jdbi.useExtension(AuditRepository.class, repo -> repo.insert(tenantId, clock.instant(), actor,
                surface, action, cut(detail, MAX_DETAIL), cut(outcome, MAX_OUTCOME)));
        LOG.atInfo().setMessage("Audit: {} by {} via {} in tenant {}: {} -> {}")
                .addArgument(action).addArgument(actor).addArgument(surface)
                .addArgument(tenantId).addArgument(detail).addArgument(outcome)
                .addKeyValue("tenant", tenantId).addKeyValue("actor", actor)
                .addKeyValue("surface", surface).addKeyValue("action", action)
                .addKeyValue("outcome", outcome).log();
    }

    /** Newest first. */
    public List<AuditEntry> recent(String tenantId, int limit) {
        return repositories.with(AuditRepository.class, repo -> repo.recent(tenantId, limit));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
