package dev.licensebot.core.sessions;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.tenant.DenialRepository;
import dev.licensebot.core.tenant.Pool;
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
        String id = report.sessionId() == null ? SessionInput.newSessionId() : SessionInput.sessionId(report.sessionId());
        if (report.isImport()) {
            SessionInput.importSpan(report.startedAt(), report.endedAt(), now);
            return importClosed(tenant, newSession(tenant, id, report, now));
        }
        AgentSession session = newSession(tenant, id, report, now);
        Optional<Opened> opened = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                h -> allocate(h, tenant, session, now));
        // Counted after the commit, so a rolled-back allocation is never counted.
        if (opened.isEmpty()) {
            metrics.denied(Pool.SESSION);
        } else if (opened.get().created()) {
            metrics.allocated(Pool.SESSION);
        }
        return opened.orElseThrow(() -> new Refusal(Refusal.Kind.CONFLICT, "no_license_available",
                "All session licenses are in use. Ask an admin to free or add licenses."));
    }

    /** Runs under the pool's row lock, so no two allocations of one pool interleave on any node. */
    private Optional<Opened> allocate(Handle h, Tenant tenant, AgentSession session, Instant now) {
        int total = h.attach(TenantRepository.class).lockPool(tenant.id(), Pool.SESSION);
        SessionRepository sessions = h.attach(SessionRepository.class);
        Optional<AgentSession> existing = sessions.find(tenant.id(), session.id());
        if (existing.isPresent()) {
            return Optional.of(new Opened(withInteractions(sessions, existing.get()).asOf(now), false));
        }
        if (sessions.countOpen(tenant.id(), now) >= total) {
            h.attach(DenialRepository.class).record(tenant.id(), Pool.SESSION, now);
            return Optional.empty();
        }
        sessions.insert(session);
        sessions.insertInteractions(tenant.id(), session.id(), session.openInteractions());
        return Optional.of(new Opened(session, true));
    }

    private Opened importClosed(Tenant tenant, AgentSession session) {
        try {
            jdbi.useTransaction(h -> {
                SessionRepository sessions = h.attach(SessionRepository.class);
                sessions.insert(session);
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
        Instant now = clock.instant();
        List<OpenInteraction> interactions = SessionInput.interactions(report.openInteractions());
        Integer conversations = SessionInput.conversations(report.conversations());
        boolean touched = jdbi.inTransaction(h -> {
            SessionRepository sessions = h.attach(SessionRepository.class);
            int rows = sessions.touch(tenant.id(), sessionId, now, now.plus(tenant.sessionTimeout()),
                    SessionInput.count(interactions), conversations);
            if (rows == 1) {
                sessions.deleteInteractions(tenant.id(), sessionId);
                sessions.insertInteractions(tenant.id(), sessionId, interactions);
            }
            return rows == 1;
        });
        AgentSession session = require(tenant, sessionId);
        if (!touched) {
            throw new SessionClosed(session.endReason());
        }
        return session;
    }

    /** Logout is idempotent: closing a closed session changes nothing. */
    public AgentSession logout(Tenant tenant, String sessionId) {
        int closed = jdbi.withExtension(SessionRepository.class,
                sessions -> sessions.close(tenant.id(), sessionId, clock.instant(), EndReason.LOGOUT, null));
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
