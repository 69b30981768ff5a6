package dev.licensebot.core.sessions;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.tenant.DenialRepository;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.SessionPoolRow;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.TenantRepository;
import dev.licensebot.core.usage.DailyPeakRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the platform does with session licenses: open, heartbeat, log out. */
public final class SessionLicenses {

    private final Jdbi jdbi;
    private final Clock clock;
    private final LicenseMetrics metrics;

    public SessionLicenses(Jdbi jdbi, Clock clock, LicenseMetrics metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.metrics = metrics;
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
        AgentSession session = newSession(tenant, id, report, now);
        Allocation allocation = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                h -> allocate(h, tenant, session, clientId, now));
        // Counted after the commit, so a rolled-back allocation is never counted.
        metrics.sessionsClosed(EndReason.TIMEOUT, allocation.timeoutsRecorded());
        if (allocation.opened().isEmpty()) {
            metrics.denied(Pool.SESSION);
        } else if (allocation.opened().get().created()) {
            metrics.allocated(Pool.SESSION);
        }
        return allocation.opened().orElseThrow(() -> new Refusal(Refusal.Kind.CONFLICT, "no_license_available",
                "All session licenses are in use. Ask an admin to free or add licenses."));
    }

    private record Allocation(Optional<Opened> opened, int timeoutsRecorded) {
    }

    /**
     * Runs under the pool's row lock, so no two allocations of one pool interleave on any node. The
     * common case is the B1 baseline's shape: one conditional UPDATE takes a free license (and the
     * lock), then the INSERT. Only a pool that looks full takes the slow path, which records the
     * tenant's lapsed timeouts, freeing their licenses, and looks again.
     */
    private Allocation allocate(Handle h, Tenant tenant, AgentSession session, boolean clientId, Instant now) {
        SessionRepository sessions = h.attach(SessionRepository.class);
        TenantRepository pools = h.attach(TenantRepository.class);
        // A retried open is answered without touching the pool at all.
        Optional<Allocation> retried = clientId ? alreadyOpened(sessions, tenant, session.id(), now) : Optional.empty();
        if (retried.isPresent()) {
            return retried.get();
        }
        if (pools.takeFreeSession(tenant.id()) == 1) {
            // The same client id from two nodes at once: the pool lock orders them, so the second
            // sees the first's session now and gives its license back.
            retried = clientId ? alreadyOpened(sessions, tenant, session.id(), now) : Optional.empty();
            retried.ifPresent(opened -> pools.addHeld(tenant.id(), -1));
            return retried.orElseGet(() -> insert(sessions, session, 0));
        }
        SessionPoolRow pool = pools.lockSessionPool(tenant.id());
        retried = clientId ? alreadyOpened(sessions, tenant, session.id(), now) : Optional.empty();
        if (retried.isPresent()) {
            return retried.get();
        }
        int lapsed = sessions.recordTimeouts(tenant.id(), now);
        if (!pool.minus(lapsed).hasFree()) {
            pools.addHeld(tenant.id(), -lapsed);
            h.attach(DenialRepository.class).record(tenant.id(), Pool.SESSION, now);
            return new Allocation(Optional.empty(), lapsed);
        }
        pools.addHeld(tenant.id(), 1 - lapsed);
        return insert(sessions, session, lapsed);
    }

    private static Allocation insert(SessionRepository sessions, AgentSession session, int lapsed) {
        sessions.insert(session, InteractionsHash.of(session.openInteractions()));
        sessions.insertInteractions(session.tenantId(), session.id(), session.openInteractions());
        return new Allocation(Optional.of(new Opened(session, true)), lapsed);
    }

    private static Optional<Allocation> alreadyOpened(SessionRepository sessions, Tenant tenant, String id,
                                                      Instant now) {
        return sessions.find(tenant.id(), id)
                .map(s -> new Allocation(Optional.of(new Opened(withInteractions(sessions, s).asOf(now), false)), 0));
    }

    private Opened importClosed(Tenant tenant, AgentSession session) {
        try {
            jdbi.useTransaction(h -> {
                SessionRepository sessions = h.attach(SessionRepository.class);
                // Closed already, so it holds no license: the pool's held stays as it is.
                sessions.insert(session, InteractionsHash.of(session.openInteractions()));
                sessions.insertInteractions(tenant.id(), session.id(), session.openInteractions());
                // Past days' maxima were cached without this session: forget the days it spans.
                h.attach(DailyPeakRepository.class).forget(tenant.id(), Pool.SESSION,
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
        return new Heartbeat(jdbi, clock).report(tenant, sessionId, report, () -> require(tenant, sessionId));
    }

    /** Logout is idempotent: closing a closed session changes nothing. */
    public AgentSession logout(Tenant tenant, String sessionId) {
        Instant now = clock.instant();
        int closed = jdbi.inTransaction(h -> SessionClosing.closeOne(h, tenant.id(),
                sessions -> sessions.close(tenant.id(), sessionId, now, EndReason.LOGOUT, null)));
        metrics.sessionsClosed(EndReason.LOGOUT, closed);
        return require(tenant, sessionId);
    }

    /** The session as it stands now, with its interactions; another tenant's id is simply unknown. */
    public AgentSession require(Tenant tenant, String sessionId) {
        return find(tenant, sessionId).orElseThrow(() -> Refusal.notFound("session",
                "There is no session " + sessionId + "."));
    }

    public Optional<AgentSession> find(Tenant tenant, String sessionId) {
        Instant now = clock.instant();
        return jdbi.withExtension(SessionRepository.class, sessions -> sessions.find(tenant.id(), sessionId)
                .map(s -> withInteractions(sessions, s).asOf(now)));
    }

    private static AgentSession withInteractions(SessionRepository sessions, AgentSession session) {
        return session.withOpenInteractions(sessions.interactionsOf(session.tenantId(), List.of(session.id()))
                .stream().map(SessionRepository.SessionInteractionRow::interaction).toList());
    }

    private static AgentSession newSession(Tenant tenant, String id, SessionReport report, Instant now) {
        List<OpenInteraction> interactions = SessionInput.interactions(report.openInteractions());
        Integer conversations = SessionInput.conversations(report.conversations());
        boolean imported = report.isImport();
        Instant startedAt = imported ? report.startedAt() : now;
        Instant lastActivity = imported ? report.endedAt() : now;
        Instant expiresAt = imported ? report.endedAt() : now.plus(tenant.sessionTimeout());
        return new AgentSession(tenant.id(), id, startedAt,
                report.startedBy() == null ? StartedBy.AGENT : report.startedBy(),
                SessionInput.text("username", report.username(), 200),
                SessionInput.text("email", report.email(), 254),
                SessionInput.text("role", report.role(), 64),
                SessionInput.text("agentName", report.agentName(), 200),
                SessionInput.text("channel", report.channel(), 64),
                conversations == null ? 0 : conversations,
                SessionInput.count(interactions), interactions, lastActivity, expiresAt,
                imported ? report.endedAt() : null, imported ? EndReason.LOGOUT : null, null);
    }
}
