package dev.licensebot.core.usage;

import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.users.UserStatus;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Test data for the read side. Users and replenishments are written by use cases that live
 * elsewhere, so their rows go in with plain SQL here, shaped as those use cases store them;
 * sessions go through the real session use case.
 */
public final class DirectRows {

    private final TestCore t;
    private final Jdbi jdbi;

    public DirectRows(TestCore t) {
        this.t = t;
        this.jdbi = t.database().jdbi();
    }

    /** A closed session imported with both ends, as onboarding does. */
    public AgentSession imported(Tenant tenant, String username, String startedAt, String endedAt) {
        return t.core().sessionLicenses().open(tenant, new SessionReport(null, StartedBy.AGENT, username, null, null,
                null, "Web widget", List.of(), 0, Instant.parse(startedAt), Instant.parse(endedAt))).session();
    }

    /** A period during which a user held a USER license; {@code releasedAt} null: still held. */
    public void userPeriod(Tenant tenant, String userId, String allocatedAt, String releasedAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO user_license_period (tenant_id, user_id, allocated_at, "
                        + "released_at) VALUES (:tenantId, :userId, :allocatedAt, :releasedAt)")
                .bind("tenantId", tenant.id()).bind("userId", userId)
                .bind("allocatedAt", Instant.parse(allocatedAt))
                .bindByType("releasedAt", releasedAt == null ? null : Instant.parse(releasedAt), Instant.class)
                .execute());
    }

    public void user(Tenant tenant, String userId, UserStatus status, String statusChangedAt, int conversations) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO platform_user (tenant_id, user_id, username, email, "
                        + "first_name, last_name, role, status, status_changed_at, conversations) VALUES (:tenantId, "
                        + ":userId, :username, :email, 'First', 'Last', 'agent', :status, :changedAt, :conversations)")
                .bind("tenantId", tenant.id()).bind("userId", userId).bind("username", userId)
                .bind("email", userId + "@example.com").bind("status", status.name())
                .bind("changedAt", Instant.parse(statusChangedAt)).bind("conversations", conversations)
                .execute());
    }

    public void replenishment(Tenant tenant, Pool pool, String occurredAt, int delta, int totalAfter, String reason) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO replenishment (tenant_id, pool, occurred_at, delta, "
                        + "total_after, actor, reason) VALUES (:tenantId, :pool, :at, :delta, :totalAfter, "
                        + "'admin@example.com', :reason)")
                .bind("tenantId", tenant.id()).bind("pool", pool.name()).bind("at", Instant.parse(occurredAt))
                .bind("delta", delta).bind("totalAfter", totalAfter).bind("reason", reason)
                .execute());
    }

    public void denial(Tenant tenant, Pool pool, String deniedAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO denial (tenant_id, pool, denied_at) VALUES (:tenantId, "
                        + ":pool, :at)")
                .bind("tenantId", tenant.id()).bind("pool", pool.name()).bind("at", Instant.parse(deniedAt))
                .execute());
    }

    /** How many completed days of the pool the cache holds for the tenant. */
    public int cachedDays(Tenant tenant, Pool pool) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM daily_peak WHERE tenant_id = :tenantId "
                        + "AND pool = :pool")
                .bind("tenantId", tenant.id()).bind("pool", pool.name()).mapTo(Integer.class).one());
    }

    /** Overwrites a cached day, to see whether a read trusts the cache or recomputes. */
    public void tamperWithCache(Tenant tenant, Pool pool, String day, int peak) {
        int rows = jdbi.withHandle(h -> h.createUpdate("UPDATE daily_peak SET peak = :peak WHERE tenant_id = :tenantId "
                        + "AND pool = :pool AND peak_day = :day")
                .bind("peak", peak).bind("tenantId", tenant.id()).bind("pool", pool.name())
                .bind("day", LocalDate.parse(day)).execute());
        if (rows != 1) {
            throw new AssertionError("day " + day + " was not cached");
        }
    }
}
