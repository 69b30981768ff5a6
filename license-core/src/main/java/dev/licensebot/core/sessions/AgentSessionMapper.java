package dev.licensebot.core.sessions;

import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Maps an agent_session row; open interactions are loaded separately, for a whole page at once. */
public final class AgentSessionMapper implements RowMapper<AgentSession> {

    @Override
    public AgentSession map(ResultSet rs, StatementContext ctx) throws SQLException {
        ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
        String endReason = rs.getString("end_reason");
        return new AgentSession(
                rs.getString("tenant_id"),
                rs.getString("id"),
                instant.map(rs, "started_at", ctx),
                StartedBy.valueOf(rs.getString("started_by")),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("role"),
                rs.getString("agent_name"),
                rs.getString("channel"),
                rs.getInt("conversations"),
                rs.getInt("open_interactions"),
                List.of(),
                instant.map(rs, "last_activity_at", ctx),
                instant.map(rs, "expires_at", ctx),
                instant.map(rs, "ended_at", ctx),
                endReason == null ? null : EndReason.valueOf(endReason),
                rs.getString("terminated_by"));
    }
}
