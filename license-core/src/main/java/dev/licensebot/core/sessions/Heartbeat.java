package dev.licensebot.core.sessions;

import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One heartbeat, in as few round trips as the answer allows (issue 7, B2). Agents mostly repeat
 * their last report, so the usual heartbeat is one UPDATE, conditional on the stored hash of the
 * open interactions, in autocommit; only a changed set rewrites session_interaction, in a
 * transaction. The answer is the session row read once, with the interactions just reported: the
 * API shows fields a heartbeat does not carry (start, agent, channel...), so the row is read, but
 * its interactions are known.
 */
final class Heartbeat {

    private final Jdbi jdbi;
    private final Clock clock;

    Heartbeat(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** {@code current} reads the session as it stands, for the answer when it is closed or unknown. */
    AgentSession report(Tenant tenant, String sessionId, ActivityReport report, Supplier<AgentSession> current) {
        Instant now = clock.instant();
        List<OpenInteraction> interactions = InteractionsHash.sorted(SessionInput.interactions(report.openInteractions()));
        Touch touch = new Touch(tenant.id(), sessionId, now, now.plus(tenant.sessionTimeout()),
                SessionInput.count(interactions), SessionInput.conversations(report.conversations()), interactions,
                InteractionsHash.of(interactions));
        Optional<AgentSession> touched = jdbi.withHandle(h -> touch(h, touch));
        if (touched.isEmpty()) {
            AgentSession session = current.get();
            throw new SessionClosed(session.endReason());
        }
        return touched.get().withOpenInteractions(interactions).asOf(now);
    }

    private record Touch(String tenantId, String sessionId, Instant now, Instant expiresAt, int count,
                         Integer conversations, List<OpenInteraction> interactions, String hash) {
    }

    /** The session after the heartbeat, or empty when it was not open. */
    private static Optional<AgentSession> touch(Handle h, Touch t) {
        SessionRepository sessions = h.attach(SessionRepository.class);
        boolean done = sessions.touchUnchanged(t.tenantId(), t.sessionId(), t.now(), t.expiresAt(), t.count(),
                t.conversations(), t.hash()) == 1 || h.inTransaction(tx -> rewrite(tx, t));
        return done ? sessions.find(t.tenantId(), t.sessionId()) : Optional.empty();
    }

    /** The interactions changed (or the session is closed): the row and its interactions, together. */
    private static boolean rewrite(Handle tx, Touch t) {
        SessionRepository sessions = tx.attach(SessionRepository.class);
        if (sessions.touch(t.tenantId(), t.sessionId(), t.now(), t.expiresAt(), t.count(), t.conversations(),
                t.hash()) == 0) {
            return false;
        }
        sessions.deleteInteractions(t.tenantId(), t.sessionId());
        sessions.insertInteractions(t.tenantId(), t.sessionId(), t.interactions());
        return true;
    }
}
