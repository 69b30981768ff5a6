package dev.licensebot.bench.chart;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.db.DbSettings;
import dev.licensebot.core.demo.DemoData;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.usage.UsageTrend;

import java.time.Clock;
import java.util.UUID;

/**
 * The usage graph's input as people see it: the demo tenant's 30 days (in an in-memory H2, so the
 * figures cost what the core's reads cost, not a network) with a full pool and three denials
 * today, so every series of the graph is drawn.
 */
public final class ChartFixture implements AutoCloseable {

    private final Database database;
    private final LicenseCore core;
    private final Tenant tenant;

    private ChartFixture(Database database, LicenseCore core, Tenant tenant) {
        this.database = database;
        this.core = core;
        this.tenant = tenant;
    }

    public static ChartFixture create() {
        String url = "jdbc:h2:mem:chart" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Database database = Database.open(new DbSettings(url, "", ""), 4);
        Clock clock = Clock.systemUTC();
        LicenseCore core = new LicenseCore(database.jdbi(), clock);
        Tenant tenant = new DemoData(core, clock).load().tenant();
        fillThePoolAndBeDeniedThrice(core, tenant);
        return new ChartFixture(database, core, tenant);
    }

    /** The figures the graph draws, read through the core as every surface reads them. */
    public UsageTrend trend() {
        return core.usage().trend(tenant, Actor.api(tenant.id()), Pool.SESSION);
    }

    private static void fillThePoolAndBeDeniedThrice(LicenseCore core, Tenant tenant) {
        int refused = 0;
        while (refused < 3) {
            try {
                core.sessionLicenses().open(tenant, SessionReport.live(null, "extra", "Web widget"));
            } catch (Refusal full) {
                refused++;
            }
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
