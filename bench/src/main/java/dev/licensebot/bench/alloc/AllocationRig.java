package dev.licensebot.bench.alloc;

import com.zaxxer.hikari.HikariDataSource;
import dev.licensebot.bench.BenchDatabase;
import dev.licensebot.bench.SessionLoader;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.sessions.SessionLicenses;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.PoolOccupancy;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * What B1 measures, usable from JMH and from the smoke test alike: one pool of the product (a
 * tenant with {@code background} sessions already open, as in a busy contact centre) and one pool
 * of the raw-JDBC baseline, each on a connection pool as big as the number of clients.
 */
public final class AllocationRig implements AutoCloseable {

    private final HikariDataSource corePool;
    private final HikariDataSource rawPool;
    private final LicenseCore core;
    private final Tenant tenant;
    private final RawAllocator raw;
    private final int total;

    private AllocationRig(HikariDataSource corePool, HikariDataSource rawPool, LicenseCore core, Tenant tenant,
                          RawAllocator raw, int total) {
        this.corePool = corePool;
        this.rawPool = rawPool;
        this.core = core;
        this.tenant = tenant;
        this.raw = raw;
        this.total = total;
    }

    /**
     * A pool of {@code background + headroom} licenses, {@code background} of them held by open
     * sessions (or by the raw counter), on connection pools of {@code clients} connections.
     */
    public static AllocationRig create(BenchDatabase db, int clients, int background, int headroom) {
        HikariDataSource corePool = db.newPool(clients);
        HikariDataSource rawPool = db.newPool(clients);
        try {
            LicenseCore core = new LicenseCore(Database.jdbiFor(corePool), Clock.systemUTC());
            int total = background + headroom;
            Tenant tenant = core.tenants().create(new Tenants.NewTenant("B1 " + System.nanoTime(), "UTC", total, 0,
                    Duration.ofDays(7))).tenant();
            new SessionLoader(db.dataSource()).open(tenant.id(), "bg", background, Clock.systemUTC().instant());
            return new AllocationRig(corePool, rawPool, core, tenant, RawAllocator.create(rawPool, total, background),
                    total);
        } catch (SQLException | RuntimeException e) {
            corePool.close();
            rawPool.close();
            throw new IllegalStateException("B1 set-up failed: " + e.getMessage(), e);
        }
    }

    /** The product: a session opened through the core (license allocated) and logged out again. */
    public boolean coreOpenAndLogout() {
        SessionLicenses sessions = core.sessionLicenses();
        try {
            String id = sessions.open(tenant, SessionReport.live(null, "bench", "Web widget")).session().id();
            sessions.logout(tenant, id);
            return true;
        } catch (Refusal refusal) {
            return false;
        }
    }

    /** Only the allocation, no logout: for the over-allocation check. */
    public boolean coreOpen() {
        try {
            core.sessionLicenses().open(tenant, SessionReport.live(null, "bench", "Web widget"));
            return true;
        } catch (Refusal refusal) {
            return false;
        }
    }

    /** The baseline: allocate and release in raw JDBC. */
    public boolean rawAllocateAndRelease() throws SQLException {
        long id = raw.allocate();
        if (id < 0) {
            return false;
        }
        raw.release(id);
        return true;
    }

    public boolean rawAllocate() throws SQLException {
        return raw.allocate() >= 0;
    }

    public int total() {
        return total;
    }

    /** Licenses the product counts as in use now. */
    public int coreInUse() {
        return Database.jdbiFor(corePool).withExtension(PoolOccupancy.class,
                o -> o.sessionsInUse(tenant.id(), Clock.systemUTC().instant()));
    }

    /** {held rows + background, counter, total} of the baseline. */
    public long[] rawState() throws SQLException {
        return raw.heldAndCounter();
    }

    @Override
    public void close() {
        corePool.close();
        rawPool.close();
    }
}
