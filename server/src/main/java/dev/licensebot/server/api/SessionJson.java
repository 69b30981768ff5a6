package dev.licensebot.server.api;

import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.EndReason;
import dev.licensebot.core.sessions.StartedBy;

import java.time.Instant;
import java.util.List;

/** A session as the API shows it; {@code agent} is the username or "Guest". */
public record SessionJson(
        String sessionId,
        String status,
        StartedBy startedBy,
        String agent,
        boolean guest,
        String username,
        String email,
        String role,
        String agentName,
        String channel,
        int conversations,
        int openInteractionCount,
        List<InteractionJson> openInteractions,
        Instant startedAt,
        Instant lastActivityAt,
        Instant endedAt,
        EndReason endReason,
        String terminatedBy) {

    static SessionJson of(AgentSession s) {
        return new SessionJson(s.id(), s.isOpen() ? "OPEN" : "CLOSED", s.startedBy(), s.displayName(), s.isGuest(),
                s.username(), s.email(), s.role(), s.agentName(), s.channel(), s.conversations(),
                s.openInteractionCount(), s.openInteractions().stream().map(InteractionJson::of).toList(),
                s.startedAt(), s.lastActivityAt(), s.endedAt(), s.endReason(), s.terminatedBy());
    }
}
