package dev.licensebot.core.sessions;

import java.time.Instant;
import java.util.List;

/**
 * A session license as stored. Read it through {@link #asOf(Instant)}: a session past its
 * timeout is closed from that instant even if nothing has recorded it yet.
 */
public record AgentSession(
        String tenantId,
        String id,
        Instant startedAt,
        StartedBy startedBy,
        String username,
        String email,
        String role,
        String agentName,
        String channel,
        int conversations,
        int openInteractionCount,
        List<OpenInteraction> openInteractions,
        Instant lastActivityAt,
        Instant expiresAt,
        Instant endedAt,
        EndReason endReason,
        String terminatedBy) {

    public static final String GUEST = "Guest";

    public AgentSession {
        openInteractions = openInteractions == null ? List.of() : List.copyOf(openInteractions);
    }

    /** The same session with a lapsed timeout turned into a TIMEOUT closure at its expiry. */
    public AgentSession asOf(Instant now) {
        if (endedAt != null || expiresAt.isAfter(now)) {
            return this;
        }
        return new AgentSession(tenantId, id, startedAt, startedBy, username, email, role, agentName, channel,
                conversations, openInteractionCount, openInteractions, lastActivityAt, expiresAt, expiresAt,
                EndReason.TIMEOUT, terminatedBy);
    }

    /** The same session opened at {@code startedAt} instead, active then, expiring at {@code expiresAt}. */
    AgentSession startingAt(Instant startedAt, Instant expiresAt) {
        return new AgentSession(tenantId, id, startedAt, startedBy, username, email, role, agentName, channel,
                conversations, openInteractionCount, openInteractions, startedAt, expiresAt, endedAt, endReason,
                terminatedBy);
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    public boolean isGuest() {
        return username == null || username.isBlank();
    }

    /** The agent id, or Guest. */
    public String displayName() {
        return isGuest() ? GUEST : username;
    }

    public AgentSession withOpenInteractions(List<OpenInteraction> interactions) {
        return new AgentSession(tenantId, id, startedAt, startedBy, username, email, role, agentName, channel,
                conversations, openInteractionCount, interactions, lastActivityAt, expiresAt, endedAt, endReason,
                terminatedBy);
    }
}
