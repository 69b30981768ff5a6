package dev.licensebot.core.sessions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Instant;
import java.util.List;

/**
 * What a session's answer shows that a heartbeat does not write: who started it, as whom, where.
 * agent_session rows are never deleted and these columns are written only by the INSERT that opens
 * the session, so they are the same on every node for the row's whole life. Remembering them lets
 * a repeated heartbeat answer without reading its row back (issue 7, B2); the heartbeat's UPDATE
 * also checks {@code started_at}, so should rows ever be deleted and an id reused, a stale entry
 * only sends that heartbeat down the path that reads the row.
 */
record SessionFacts(Instant startedAt, StartedBy startedBy, String username, String email, String role,
                    String agentName, String channel) {

    static SessionFacts of(AgentSession s) {
        return new SessionFacts(s.startedAt(), s.startedBy(), s.username(), s.email(), s.role(), s.agentName(),
                s.channel());
    }

    /** The open session just touched, as reading its row back would give it. */
    AgentSession openSession(String tenantId, String id, int conversations, List<OpenInteraction> interactions,
                             int interactionCount, Instant lastActivityAt, Instant expiresAt) {
        return new AgentSession(tenantId, id, startedAt, startedBy, username, email, role, agentName, channel,
                conversations, interactionCount, interactions, lastActivityAt, expiresAt, null, null, null);
    }

    /** Per node, bounded: a session that is not remembered is read once, then remembered. */
    static final class Remembered {

        static final int MAX_SESSIONS = 20_000;

        private record Key(String tenantId, String sessionId) {
        }

        private final Cache<Key, SessionFacts> facts = Caffeine.newBuilder().maximumSize(MAX_SESSIONS).build();

        SessionFacts of(String tenantId, String sessionId) {
            return facts.getIfPresent(new Key(tenantId, sessionId));
        }

        void remember(AgentSession session) {
            facts.put(new Key(session.tenantId(), session.id()), SessionFacts.of(session));
        }
    }
}
