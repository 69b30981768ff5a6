package dev.licensebot.server.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.OpenInteraction;

import java.time.Instant;
import java.util.stream.Collectors;

/** A session as one CSV row; open interactions flattened to "Chat:2;Email:1". */
@JsonPropertyOrder({"sessionId", "status", "startedBy", "agent", "guest", "username", "email", "role", "agentName",
        "channel", "conversations", "openInteractionCount", "openInteractions", "startedAt", "lastActivityAt",
        "endedAt", "endReason", "terminatedBy"})
public record SessionCsvRow(String sessionId, String status, String startedBy, String agent, boolean guest,
                            String username, String email, String role, String agentName, String channel,
                            int conversations, int openInteractionCount, String openInteractions,
                            Instant startedAt, Instant lastActivityAt, Instant endedAt, String endReason,
                            String terminatedBy) {

    static SessionCsvRow of(AgentSession s) {
        SessionJson j = SessionJson.of(s);
        String interactions = s.openInteractions().stream()
                .map(i -> i.name() + ":" + i.instances())
                .collect(Collectors.joining(";"));
        return new SessionCsvRow(j.sessionId(), j.status(), j.startedBy().name(), j.agent(), j.guest(), j.username(),
                j.email(), j.role(), j.agentName(), j.channel(), j.conversations(), j.openInteractionCount(),
                interactions, j.startedAt(), j.lastActivityAt(), j.endedAt(),
                j.endReason() == null ? null : j.endReason().name(), j.terminatedBy());
    }
}
