package dev.licensebot.core.demo;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The demo tenant: 30 days of closed sessions, live sessions now, users, purchases and an advanced
 * admin, written through the core's public use cases only, exactly as the platform and an operator
 * would. Loading again is safe: the tenant has a fixed id, history sessions have ids derived from
 * their day (a later load only adds the days since), one-off events (purchases, the grant) happen
 * only when the tenant is created, and live sessions are opened only when none are open.
 */
public final class DemoData {

    /**
     * The demo tenant's well-known id. In demo mode the chat adapters serve Slack workspaces and
     * Teams conversations that are not linked to any tenant from this one.
     */
    public static final String TENANT_ID = "demo";
    public static final String TENANT_NAME = "Demo Contact Centre";
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Gets ADVANCED_ADMIN, so a chat user with this email can do everything. */
    public static final String ADMIN_EMAIL = "demo@example.com";
    public static final int HISTORY_DAYS = 30;
    /**
     * Longer than the 30-minute default so the live sessions stay listed while someone tries the
     * demo; nothing sends them heartbeats.
     */
    public static final Duration SESSION_TIMEOUT = Duration.ofHours(8);

    static final long SEED = 4711;
    private static final int LIVE_AGENTS = 7;
    private static final int LIVE_GUESTS = 2;

    private final LicenseCore core;
    private final Clock clock;
    private final String tenantId;

    /** {@code clock} must be the core's own, so "now" agrees. */
    public DemoData(LicenseCore core, Clock clock) {
        this(core, clock, TENANT_ID);
    }

    DemoData(LicenseCore core, Clock clock, String tenantId) {
        this.core = core;
        this.clock = clock;
        this.tenantId = tenantId;
    }

    /** What a load did. {@code apiKey} is only known when this load created the tenant; else null. */
    public record Loaded(Tenant tenant, String apiKey, int sessionsImported, int liveSessionsOpened,
                         int usersAdded) {
        public boolean tenantCreated() {
            return apiKey != null;
        }
    }

    public Loaded load() {
        Optional<Tenant> existing = core.tenants().find(tenantId);
        Tenant tenant;
        String apiKey = null;
        if (existing.isPresent()) {
            tenant = existing.get();
        } else {
            Tenants.CreatedTenant created = core.tenants().create(tenantId, new Tenants.NewTenant(
                    TENANT_NAME, ZONE.getId(), 20, 35, SESSION_TIMEOUT));
            tenant = created.tenant();
            apiKey = created.apiKey();
            firstDay(tenant);
        }
        int users = users(tenant);
        int imported = history(tenant);
        int live = liveSessions(tenant);
        return new Loaded(tenant, apiKey, imported, live, users);
    }

    /** Events rather than state, so they happen once: the admin's grant and the purchases (25 and 40 after). */
    private void firstDay(Tenant tenant) {
        core.operators().grant(Actor.cli(tenant.id()), ADMIN_EMAIL, Role.ADVANCED_ADMIN);
        Actor admin = new Actor(tenant.id(), ADMIN_EMAIL, Role.ADVANCED_ADMIN, Surface.CLI);
        core.replenishments().apply(tenant, admin, Pool.SESSION, 10, "PO 4711: spring campaign");
        core.replenishments().apply(tenant, admin, Pool.USER, 5, "PO 4712: new hires");
        core.replenishments().apply(tenant, admin, Pool.SESSION, -5, "Returned unused seats");
    }

    /** Each person is written once; leavers are allocated and released, as the platform would. */
    private int users(Tenant tenant) {
        int added = 0;
        for (DemoPeople.Person person : DemoPeople.cast()) {
            if (core.userLicenses().find(tenant, person.report().userId()).isPresent()) {
                continue;
            }
            core.userLicenses().allocate(tenant, person.report());
            if (!person.active()) {
                core.userLicenses().deactivate(tenant, person.report().userId());
            }
            added++;
        }
        return added;
    }

    /** Every day of the window, today included up to now; sessions already there are skipped. */
    private int history(Tenant tenant) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, tenant.zone());
        List<DemoPeople.Person> agents = DemoPeople.active();
        int imported = 0;
        for (LocalDate day = today.minusDays(HISTORY_DAYS); !day.isAfter(today); day = day.plusDays(1)) {
            for (SessionReport session : DemoHistory.day(day, tenant.zone(), agents)) {
                if (session.endedAt().isAfter(now)
                        || core.sessionLicenses().find(tenant, session.sessionId()).isPresent()) {
                    continue;
                }
                core.sessionLicenses().open(tenant, session);
                imported++;
            }
        }
        return imported;
    }

    /** A handful of agents and guests working right now, unless some still are from an earlier load. */
    private int liveSessions(Tenant tenant) {
        ActiveSessions.View active = core.activeSessions().list(tenant, Actor.cli(tenant.id()),
                ActiveSessions.Query.defaults());
        if (!active.noneConnected()) {
            return 0;
        }
        Random random = new Random(SEED + clock.instant().getEpochSecond());
        List<DemoPeople.Person> agents = DemoPeople.active();
        int opened = 0;
        for (int i = 0; i < LIVE_AGENTS + LIVE_GUESTS; i++) {
            SessionReport report;
            if (i < LIVE_AGENTS) {
                DemoPeople.Person person = agents.get(i * 3 % agents.size());
                report = new SessionReport(null, StartedBy.AGENT, person.username(), person.email(),
                        person.report().role(), person.fullName(), DemoHistory.weighted(random),
                        DemoHistory.interactions(random, 3), random.nextInt(12), null, null);
            } else {
                report = new SessionReport(null, StartedBy.USER, null, null, null, null, "Web widget",
                        DemoHistory.interactions(random, 1), 1, null, null);
            }
            core.sessionLicenses().open(tenant, report);
            opened++;
        }
        return opened;
    }
}
