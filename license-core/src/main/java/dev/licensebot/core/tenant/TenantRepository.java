package dev.licensebot.core.tenant;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

@RegisterRowMapper(TenantRepository.TenantMapper.class)
public interface TenantRepository {

    String COLUMNS = "id, name, time_zone, session_timeout_seconds, created_at";

    @SqlUpdate("INSERT INTO tenant (id, name, time_zone, session_timeout_seconds, api_key_hash, created_at) "
            + "VALUES (:id, :name, :zone, :timeoutSeconds, :apiKeyHash, :createdAt)")
    void insert(@Bind("id") String id, @Bind("name") String name, @Bind("zone") String zone,
                @Bind("timeoutSeconds") long timeoutSeconds, @Bind("apiKeyHash") String apiKeyHash,
                @Bind("createdAt") Instant createdAt);

    @SqlUpdate("INSERT INTO license_pool (tenant_id, pool, total) VALUES (:tenantId, :pool, :total)")
    void insertPool(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("total") int total);

    @SqlQuery("SELECT " + COLUMNS + " FROM tenant WHERE id = :id")
    Optional<Tenant> findById(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM tenant WHERE api_key_hash = :hash")
    Optional<Tenant> findByApiKeyHash(@Bind("hash") String hash);

    /** The chat lookups, on every Slack and Teams request: {@link Tenants} runs them once-attached. */
    @SqlQuery("SELECT t.id, t.name, t.time_zone, t.session_timeout_seconds, t.created_at "
            + "FROM tenant t JOIN slack_team_link l ON l.tenant_id = t.id WHERE l.team_id = :teamId")
    Optional<Tenant> findBySlackTeam(@Bind("teamId") String teamId);

    @SqlQuery("SELECT t.id, t.name, t.time_zone, t.session_timeout_seconds, t.created_at "
            + "FROM tenant t JOIN teams_tenant_link l ON l.tenant_id = t.id WHERE l.entra_tenant_id = :entraId")
    Optional<Tenant> findByTeamsTenant(@Bind("entraId") String entraTenantId);

    @SqlQuery("SELECT total FROM license_pool WHERE tenant_id = :tenantId AND pool = :pool")
    int total(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool);

    /** Takes the pool's row lock: user allocations and replenishments queue here (sessions: SessionPoolCounter). */
    @SqlQuery("SELECT total FROM license_pool WHERE tenant_id = :tenantId AND pool = :pool FOR UPDATE")
    int lockPool(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool);

    @SqlUpdate("UPDATE license_pool SET total = :total WHERE tenant_id = :tenantId AND pool = :pool")
    void updateTotal(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("total") int total);

    @SqlUpdate("DELETE FROM slack_team_link WHERE team_id = :teamId")
    void unlinkSlackTeam(@Bind("teamId") String teamId);

    @SqlUpdate("INSERT INTO slack_team_link (team_id, tenant_id) VALUES (:teamId, :tenantId)")
    void linkSlackTeam(@Bind("teamId") String teamId, @Bind("tenantId") String tenantId);

    @SqlQuery("SELECT COUNT(*) FROM teams_tenant_link")
    int countTeamsLinks();

    @SqlUpdate("DELETE FROM teams_tenant_link WHERE entra_tenant_id = :entraId")
    void unlinkTeamsTenant(@Bind("entraId") String entraTenantId);

    @SqlUpdate("INSERT INTO teams_tenant_link (entra_tenant_id, tenant_id) VALUES (:entraId, :tenantId)")
    void linkTeamsTenant(@Bind("entraId") String entraTenantId, @Bind("tenantId") String tenantId);

    final class TenantMapper implements RowMapper<Tenant> {
        @Override
        public Tenant map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                throws java.sql.SQLException {
            Instant createdAt = ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx);
            return new Tenant(rs.getString("id"), rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
                    Duration.ofSeconds(rs.getLong("session_timeout_seconds")), createdAt);
        }
    }
}
