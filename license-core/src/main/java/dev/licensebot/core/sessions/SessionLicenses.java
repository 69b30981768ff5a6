package dev.licensebot.core.sessions;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.tenant.DenialRepository;
import dev.licensebot.core.tenant.PoolChanges;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.SessionPoolCounter;
import dev.licensebot.core.usage.DailyPeakRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** What the platform does with session licenses: open, heartbeat, log out. */
public final class SessionLicenses {

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final LicenseMetrics metrics;
    private final PoolChanges changes;
    /** One per node: it remembers the sessions' fixed facts. */
    private final Heartbeat heartbeat;

    public SessionLicenses(Jdbi jdbi, Repositories repositories, Clock clock, LicenseMetrics metrics,
                           PoolChanges changes) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.metrics = metrics;
        this.changes = changes;
        this.heartbeat = new Heartbeat(jdbi, repositories, clock);
    }

    /** The session, and whether this call created it (false: the client's id was already known). */
    public record Opened(AgentSession session, boolean created) {
    }

    /**
     * Allocates a license and opens a session, or records a denial and refuses with
     * {@code no_license_available}. Imported (already closed) sessions allocate nothing.
     */
    public Opened open(Tenant tenant, SessionReport report) {
        Instant now = clock.instant();
        boolean clientId = report.sessionId() != null;
        String id = clientId ? SessionInput.sessionId(report.sessionId()) : SessionInput.newSessionId();
        if (report.isImport()) {
            SessionInput.importSpan(report.startedAt(), report.endedAt(), now);
            return importClosed(tenant, newSession(tenant, id, report, now));
        }
        // Milliseconds, as DATETIME(3) stores them: the stamps compared under the pool's lock are those written.
        Instant stamp = now.truncatedTo(ChronoUnit.MILLIS);
        AgentSession session = newSession(tenant, id, report, stamp);
        Allocation allocation = allocate(tenant, session, clientId, stamp);
        // Counted after the commit, so a rolled-back allocation is never counted.
        metrics.sessionsClosed(EndReason.TIMEOUT, allocation.timeoutsRecorded());
        if (allocation.opened().isEmpty()) {
            metrics.denied(Pool.SESSION);
            changes.changed(tenant.id());
        } else if (allocation.opened().get().created()) {
            metrics.allocated(Pool.SESSION);
            changes.changed(tenant.id());
        }
        return allocation.opened().orElseThrow(() -> new Refusal(Refusal.Kind.CONFLICT, "no_license_available",
                "All session licenses are in use. Ask an admin to free or add licenses."));
    }

    private record Allocation(Optional<Opened> opened, int timeoutsRecorded) {
    }

    /**
     * A retried open (a client id already known) is answered without touching the pool at all.
     * Otherwise: take a free license; if the pool is full, record the tenant's lapsed timeouts (each
     * frees a license) and try once more; if it is still full, record a denial.
     */
    private Allocation allocate(Tenant tenant, AgentSession session, boolean clientId, Instant now) {
        Optional<Opened> known = clientId ? find(tenant, session.id()).map(s -> new Opened(s, false)) : Optional.empty();
        if (known.isPresent()) {
            return new Allocation(known, 0);
        }
        Take take = take(tenant, session, clientId);
        int lapsed = 0;
        if (take.outcome() == Outcome.FULL) {
            lapsed = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                    h -> SessionClosing.close(repositories, tenant.id(), now, s -> s.recordTimeouts(tenant.id(), now)));
            take = lapsed > 0 ? take(tenant, session, clientId) : take;
        }
        if (take.outcome() == Outcome.TAKEN) {
            return new Allocation(Optional.of(new Opened(take.session(), true)), lapsed);
        }
        if (take.outcome() == Outcome.ALREADY_OPEN) {
            return new Allocation(Optional.of(new Opened(require(tenant, session.id()), false)), lapsed);
        }
        jdbi.useExtension(DenialRepository.class, denials -> denials.record(tenant.id(), Pool.SESSION, now));
        return new Allocation(Optional.empty(), lapsed);
    }

    /**
     * Inserts the session and takes a free license for it, in one transaction; a full pool rolls the
     * insert back. The session row comes first and the pool's row last: the pool's lock is then held
     * only for its own UPDATE and the commit (and, rarely, the restamp below), as in the raw-JDBC
     * baseline of B1, and no transaction
     * ever waits for another lock while holding it (SessionClosing). Lapsed timeouts are recorded in
     * a transaction of their own, never while this one holds an uncommitted session, because their
     * scan of the tenant's open sessions could wait for another allocation's uncommitted row.
     * <p>
     * The session must not start before any license given back ahead of it in the pool's lock order
     * (issue 21: otherwise it seems to overlap the session it replaced, and the daily max exceeds
     * what was held). Its stamp is the clock read when the open began, and usually nothing was
     * stamped on the pool since: the take checks that in the same statement. When something was
     * (the open waited for a connection or the lock while logouts went ahead, or a deadlock retry
     * runs with the first clock read, or another node's clock is ahead), the license is taken
     * anyway and the session starts at the pool's stamp, read and written under the lock this
     * transaction then holds; its own uncommitted row waits for no one, so the order stays deadlock-free.
     */
    private Take take(Tenant tenant, AgentSession session, boolean clientId) {
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                insert(session);
                SessionPoolCounter pool = repositories.of(SessionPoolCounter.class);
                if (pool.takeFreeSessionAt(tenant.id(), session.startedAt()) == 1) {
                    return new Take(Outcome.TAKEN, session);
                }
                if (pool.takeFreeSession(tenant.id(), session.startedAt()) == 1) {
                    return new Take(Outcome.TAKEN, restamp(tenant, session, pool.stampedAt(tenant.id())));
                }
                h.rollback();
                return new Take(Outcome.FULL, session);
            });
        } catch (UnableToExecuteStatementException e) {
            if (!clientId || !(e.getCause() instanceof SQLIntegrityConstraintViolationException)) {
                throw e;
            }
            // The same client id from two places at once: the other insert won; answer as a retry.
            return new Take(Outcome.ALREADY_OPEN, session);
        }
    }

    /** The session started at {@code startedAt}: its row, and the answer, say so. */
    private AgentSession restamp(Tenant tenant, AgentSession session, Instant startedAt) {
        AgentSession restamped = session.startingAt(startedAt, startedAt.plus(tenant.sessionTimeout()));
        repositories.of(SessionWrites.class).restamp(tenant.id(), session.id(), restamped.startedAt(),
                restamped.expiresAt());
        return restamped;
    }

    /** What a take did, with the session as taken (restamped when its start had to move). */
    private record Take(Outcome outcome, AgentSession session) {
    }

    private enum Outcome { TAKEN, FULL, ALREADY_OPEN }

    /** The session's row and its open interactions, on the caller's transaction. */
    private void insert(AgentSession session) {
        SessionWrites sessions = repositories.of(SessionWrites.class);
        sessions.insert(session, InteractionsHash.of(session.openInteractions()));
        if (!session.openInteractions().isEmpty()) {
            sessions.insertInteractions(session.tenantId(), session.id(), session.openInteractions());
        }
    }

    private Opened importClosed(Tenant tenant, AgentSession session) {
        try {
            jdbi.useTransaction(h -> {
                SessionWrites sessions = repositories.of(SessionWrites.class);
                // Closed already, so it holds no license: the pool's held stays as it is.
                sessions.insert(session, InteractionsHash.of(session.openInteractions()));
                sessions.insertInteractions(tenant.id(), session.id(), session.openInteractions());
                // Past days' maxima were cached without this session: forget the days it spans.
                repositories.of(DailyPeakRepository.class).forget(tenant.id(), Pool.SESSION,
                        tenant.zone(), session.startedAt(), session.endedAt());
            });
            return new Opened(session, true);
        } catch (UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof SQLIntegrityConstraintViolationException)) {
                throw e;
            }
            // The same client id twice is one session.
            return new Opened(require(tenant, session.id()), false);
        }
    }

    /** A heartbeat. Closed sessions answer with {@link SessionClosed} so the agent reloads. */
    public AgentSession reportActivity(Tenant tenant, String sessionId, ActivityReport report) {
        return heartbeat.report(tenant, sessionId, report, () -> require(tenant, sessionId));
    }

    /** What a logout did. Either way the session holds no license afterwards. */
    public enum Logout { CLOSED, ALREADY_CLOSED }

    /**
     * Logout is idempotent: closing a closed session changes nothing; an unknown id (or another
     * tenant's) is refused. The answer is what happened, not the session: a logout is answered with
     * no body, and reading the row back was a third of its cost (issue 7, B1).
     */
    public Logout logout(Tenant tenant, String sessionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int closed = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                h -> SessionClosing.closeOne(repositories, tenant.id(), sessionId, now, EndReason.LOGOUT, null));
        if (closed > 0) {
            metrics.sessionsClosed(EndReason.LOGOUT, closed);
            changes.changed(tenant.id());
            return Logout.CLOSED;
        }
        require(tenant, sessionId);
        return Logout.ALREADY_CLOSED;
    }

    /** The session as it stands now, with its interactions; another tenant's id is simply unknown. */
    public AgentSession require(Tenant tenant, String sessionId) {
        return find(tenant, sessionId).orElseThrow(() -> unknown(sessionId));
    }

    public Optional<AgentSession> find(Tenant tenant, String sessionId) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> read(tenant, sessionId, now));
    }

    private Optional<AgentSession> read(Tenant tenant, String sessionId, Instant now) {
        SessionRepository sessions = repositories.of(SessionRepository.class);
        return sessions.find(tenant.id(), sessionId).map(s -> withInteractions(sessions, s).asOf(now));
    }

    private static Refusal unknown(String sessionId) {
        return Refusal.notFound("session", "There is no session " + sessionId + ".");
    }

    private static AgentSession withInteractions(SessionRepository sessions, AgentSession session) {
        return session.withOpenInteractions(sessions.interactionsOf(session.tenantId(), List.of(session.id()))
                .stream().map(SessionRepository.SessionInteractionRow::interaction).toList());
    }

    private static AgentSession newSession(Tenant tenant, String id, SessionReport report, Instant now) {
        List<OpenInteraction> interactions = SessionInput.interactions(report.openInteractions());
        Integer conversations = SessionInput.conversations(report.conversations());
        boolean imported = report.isImport();
        // Milliseconds, as stored: H2 rounds finer instants and MariaDB truncates them, and the
        // answer shows what was stored.
        Instant startedAt = imported ? report.startedAt().truncatedTo(ChronoUnit.MILLIS) : now;
        Instant endedAt = imported ? report.endedAt().truncatedTo(ChronoUnit.MILLIS) : null;
        Instant lastActivity = imported ? endedAt : now;
        Instant expiresAt = imported ? endedAt : now.plus(tenant.sessionTimeout());
        return new AgentSession(tenant.id(), id, startedAt,
                report.startedBy() == null ? StartedBy.AGENT : report.startedBy(),
                SessionInput.text("username", report.username(), 200),
                SessionInput.text("email", report.email(), 254),
                SessionInput.text("role", report.role(), 64),
                SessionInput.text("agentName", report.agentName(), 200),
                SessionInput.text("channel", report.channel(), 64),
                conversations == null ? 0 : conversations,
                SessionInput.count(interactions), interactions, lastActivity, expiresAt,
                endedAt, imported ? EndReason.LOGOUT : null, null);
    }
}
