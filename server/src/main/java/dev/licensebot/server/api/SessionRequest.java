package dev.licensebot.server.api;

import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;

import java.util.List;

/**
 * The body of POST /api/v1/sessions. {@code sessionId} is the client's own id (optional);
 * {@code startedBy} says who opened the session (required);
 * {@code startedAt} and {@code endedAt} together import a session that is already over.
 */
public record SessionRequest(
        String sessionId,
        StartedBy startedBy,
        String username,
        String email,
        String role,
        String agentName,
        String channel,
        List<InteractionJson> openInteractions,
        Integer conversations,
        String startedAt,
        String endedAt) {

    /**
     * {@code startedBy} is required: a session sent without it once became an AGENT session
     * silently, and only the platform knows who opened it.
     */
    SessionReport toReport() {
        if (startedBy == null) {
            throw ApiError.invalid("startedBy", "startedBy is required: USER when a platform user opened the session, "
                    + "AGENT when an agent did.");
        }
        return new SessionReport(sessionId, startedBy, username, email, role, agentName, channel,
                ApiInput.interactions(openInteractions), conversations,
                ApiInput.instant("startedAt", startedAt), ApiInput.instant("endedAt", endedAt));
    }
}
