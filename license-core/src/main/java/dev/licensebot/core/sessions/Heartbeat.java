package dev.licensebot.core.sessions;

import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One heartbeat, in as few round trips and as little CPU as the answer allows (issue 7, B2). Agents
 * mostly repeat their last report, so the usual heartbeat is one UPDATE, conditional on the stored
 * hash of the open interactions, in autocommit; only a changed set rewrites session_interaction, in
 * a transaction. When this node remembers the session's fixed facts ({@link SessionFacts}) and the
 * heartbeat carries the conversation count, the UPDATE's match is the whole answer: everything else
 * it shows was just written. Otherwise the row is read once, and remembered.
 *
 * <p>The hot statements go through Jdbi's fluent API: attaching a SqlObject builds a handler for
 * each of its methods on every attach, which cost more CPU than the database's work here.
 */
final class Heartbeat {

    private final Jdbi jdbi;
    private final Clock clock;
    private final SessionFacts.Remembered remembered = new SessionFacts.Remembered();
    private final AgentSessionMapper mapper = new AgentSessionMapper();

    Heartbeat(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** {@code current} reads the session as it stands, for the answer when it is closed or unknown. */
    AgentSession report(Tenant tenant, String sessionId, ActivityReport report, Supplier<AgentSession> current) {
        // DATETIME(3) keeps milliseconds: written as such, the instants answered are those stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<OpenInteraction> interactions = InteractionsHash.sorted(SessionInput.interactions(report.openInteractions()));
        Touch touch = new Touch(tenant.id(), sessionId, now,
                now.plus(tenant.sessionTimeout()).truncatedTo(ChronoUnit.MILLIS), SessionInput.count(interactions),
                SessionInput.conversations(report.conversations()), interactions, InteractionsHash.of(interactions));
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
    private Optional<AgentSession> touch(Handle h, Touch t) {
        SessionFacts known = remembered.of(t.tenantId(), t.sessionId());
        if (touchUnchanged(h, t, known) == 1) {
            if (known != null && t.conversations() != null) {
                return Optional.of(known.openSession(t.tenantId(), t.sessionId(), t.conversations(),
                        t.interactions(), t.count(), t.now(), t.expiresAt()));
            }
        } else if (!h.inTransaction(tx -> rewrite(tx, t))) {
            return Optional.empty();
        }
        Optional<AgentSession> session = h.createQuery(SessionRepository.FIND)
                .bind("tenantId", t.tenantId()).bind("id", t.sessionId())
                .map(mapper).findOne();
        session.ifPresent(remembered::remember);
        return session;
    }

    private static int touchUnchanged(Handle h, Touch t, SessionFacts known) {
        if (known == null) {
            return bind(h.createUpdate(SessionWrites.TOUCH_UNCHANGED), t).execute();
        }
        return bind(h.createUpdate(SessionWrites.TOUCH_UNCHANGED_SINCE), t)
                .bind("startedAt", known.startedAt()).execute();
    }

    /** The interactions changed (or the session is closed): the row and its interactions, together. */
    private static boolean rewrite(Handle tx, Touch t) {
        if (bind(tx.createUpdate(SessionWrites.TOUCH_CHANGED), t).execute() == 0) {
            return false;
        }
        SessionWrites sessions = tx.attach(SessionWrites.class);
        sessions.deleteInteractions(t.tenantId(), t.sessionId());
        sessions.insertInteractions(t.tenantId(), t.sessionId(), t.interactions());
        return true;
    }

    private static Update bind(Update update, Touch t) {
        return update.bind("tenantId", t.tenantId()).bind("id", t.sessionId()).bind("now", t.now())
                .bind("expiresAt", t.expiresAt()).bind("openInteractions", t.count())
                .bind("conversations", t.conversations()).bind("hash", t.hash());
    }
}
