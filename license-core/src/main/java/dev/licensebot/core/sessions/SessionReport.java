package dev.licensebot.core.sessions;

import java.time.Instant;
import java.util.List;

/**
 * What the platform reports when a session opens. {@code sessionId} is the client's own id
 * (optional); {@code startedAt}/{@code endedAt} import a session that is already closed.
 */
public record SessionReport(
        String sessionId,
        StartedBy startedBy,
        String username,
        String email,
        String role,
        String agentName,
        String channel,
        List<OpenInteraction> openInteractions,
        Integer conversations,
        Instant startedAt,
        Instant endedAt) {

    public SessionReport {
        openInteractions = openInteractions == null ? List.of() : List.copyOf(openInteractions);
    }

    /** A live session with just the essentials; handy for tests and demo data. */
    public static SessionReport live(String sessionId, String username, String channel) {
        return new SessionReport(sessionId, StartedBy.AGENT, username, null, null, null, channel, List.of(), 0,
                null, null);
    }

    public boolean isImport() {
        return startedAt != null || endedAt != null;
    }
}
