package dev.licensebot.core.usage;

import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.TestCore;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Imported sessions and a look into the daily-peak cache, for the read side's tests. */
public final class UsageFixture {

    private final TestCore t;
    private final Jdbi jdbi;

    public UsageFixture(TestCore t) {
        this.t = t;
        this.jdbi = t.database().jdbi();
    }

    /** A closed session imported with both ends, as onboarding does. */
    public AgentSession imported(Tenant tenant, String username, String startedAt, String endedAt) {
        return t.core().sessionLicenses().open(tenant, new SessionReport(null, StartedBy.AGENT, username, null, null,
                null, "Web widget", List.of(), 0, Instant.parse(startedAt), Instant.parse(endedAt))).session();
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
