package dev.licensebot.core.sessions;

import dev.licensebot.core.db.GroupCommit;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One heartbeat, in as few round trips and as little CPU as the answer allows (issue 7, B2). Agents
 * mostly repeat their last report, so the usual heartbeat is one UPDATE, conditional on the stored
 * hash of the open interactions; only a changed set rewrites session_interaction, in a transaction.
 * The usual UPDATEs of concurrent heartbeats share one transaction ({@link GroupCommit}): the commit
 * with its log flush, and the round trip, cost the database more than the one-row UPDATE itself.
 * When this node remembers the session's fixed facts ({@link SessionFacts}) and the heartbeat carries
 * the conversation count, the UPDATE's match is the whole answer: everything else it shows was just
 * written. Otherwise the row is read once, and remembered.
 *
 * <p>The repositories are the once-attached ones ({@link Repositories}): attaching a SqlObject per
 * call builds a handler for each of its methods, which cost more CPU than the database's work here.
 */
final class Heartbeat {

    /** Enough for every heartbeat that can arrive while one batch runs, on any sensible pool. */
    static final int MAX_BATCH = 128;

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final SessionFacts.Remembered remembered = new SessionFacts.Remembered();
    private final GroupCommit<Touch, Boolean> unchangedTouches = new GroupCommit<>(MAX_BATCH, this::touchAllUnchanged);

    Heartbeat(Jdbi jdbi, Repositories repositories, Clock clock) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
    }

    /** {@code current} reads the session as it stands, for the answer when it is closed or unknown. */
    AgentSession report(Tenant tenant, String sessionId, ActivityReport report, Supplier<AgentSession> current) {
        // DATETIME(3) keeps milliseconds: written as such, the instants answered are those stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<OpenInteraction> interactions = InteractionsHash.sorted(SessionInput.interactions(report.openInteractions()));
        SessionFacts known = remembered.of(tenant.id(), sessionId);
        Touch touch = new Touch(tenant.id(), sessionId, now,
                now.plus(tenant.sessionTimeout()).truncatedTo(ChronoUnit.MILLIS), SessionInput.count(interactions),
                SessionInput.conversations(report.conversations()), interactions, InteractionsHash.of(interactions),
                known == null ? null : known.startedAt());
        Optional<AgentSession> touched = touch(touch, known);
        if (touched.isEmpty()) {
            AgentSession session = current.get();
            throw new SessionClosed(session.endReason());
        }
        return touched.get().withOpenInteractions(interactions).asOf(now);
    }

    /** One heartbeat's writes; {@code startedAt} is the remembered start, or null. */
    record Touch(String tenantId, String sessionId, Instant now, Instant expiresAt, int count,
                 Integer conversations, List<OpenInteraction> interactions, String hash, Instant startedAt) {
    }

    /** The session after the heartbeat, or empty when it was not open. */
    private Optional<AgentSession> touch(Touch t, SessionFacts known) {
        boolean unchanged = unchangedTouches.submit(t);
        if (unchanged && known != null && t.conversations() != null) {
            return Optional.of(known.openSession(t.tenantId(), t.sessionId(), t.conversations(),
                    t.interactions(), t.count(), t.now(), t.expiresAt()));
        }
        return jdbi.withHandle(h -> {
            if (!unchanged && !h.inTransaction(tx -> rewrite(t))) {
                return Optional.empty();
            }
            Optional<AgentSession> session = repositories.of(SessionRepository.class).find(t.tenantId(), t.sessionId());
            session.ifPresent(remembered::remember);
            return session;
        });
    }

    /**
     * The usual UPDATE of every heartbeat in the batch, in one transaction: for each, whether it
     * matched (an open session whose interactions are unchanged). Rows are locked in key order, as
     * the timeout sweep locks them, so batches on different nodes cannot deadlock each other or it.
     */
    List<Boolean> touchAllUnchanged(List<Touch> touches) {
        Integer[] order = new Integer[touches.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing((Integer i) -> touches.get(i).tenantId())
                .thenComparing(i -> touches.get(i).sessionId()));
        List<Touch> ordered = Arrays.stream(order).map(touches::get).toList();
        int[] counts = jdbi.inTransaction(h -> {
            try {
                return UnchangedTouches.execute(h.getConnection(), ordered);
            } catch (SQLException e) {
                // Wrapped as Jdbi's own statements fail; a deadlock (40001) is still found by the retry.
                throw new UnableToExecuteStatementException(e, null);
            }
        });
        Boolean[] matched = new Boolean[touches.size()];
        for (int k = 0; k < order.length; k++) {
            matched[order[k]] = counts[k] > 0;
        }
        return Arrays.asList(matched);
    }

    /** The interactions changed (or the session is closed): the row and its interactions, together. */
    private boolean rewrite(Touch t) {
        SessionWrites sessions = repositories.of(SessionWrites.class);
        if (sessions.touchChanged(t.tenantId(), t.sessionId(), t.now(), t.expiresAt(), t.count(), t.conversations(),
                t.hash()) == 0) {
            return false;
        }
        sessions.deleteInteractions(t.tenantId(), t.sessionId());
        sessions.insertInteractions(t.tenantId(), t.sessionId(), t.interactions());
        return true;
    }
}
