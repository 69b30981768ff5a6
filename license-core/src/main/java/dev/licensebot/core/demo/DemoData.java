package dev.licensebot.core.demo;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The demo tenant: 30 days of closed sessions, live sessions now, users, purchases and an advanced
 * admin, written through the core's public use cases only, exactly as the platform and an operator
 * would. What happened before now (the tenant's opening months ago, purchases, people joining and
 * leaving, live sessions' logins) is written through the same core on a clock set to each moment
 * ({@link DemoPast}, {@link DemoLive}), so every date a first-time user sees is plausible. Loading again is safe: the tenant has a fixed id, history sessions have ids derived from
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
     * demo; nothing sends them heartbeats after their last activity before the load.
     */
    public static final Duration SESSION_TIMEOUT = Duration.ofHours(8);

    static final long SEED = 4711;

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
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        DemoClock then = new DemoClock(now);
        LicenseCore earlier = core.at(then);
        DemoPast past = new DemoPast(earlier, then, today, tenantId);
        Optional<Tenant> existing = core.tenants().find(tenantId);
        Tenant tenant;
        String apiKey = null;
        if (existing.isPresent()) {
            tenant = existing.get();
        } else {
            Tenants.CreatedTenant created = past.openTenant();
            tenant = created.tenant();
            apiKey = created.apiKey();
        }
        int users = past.since(tenant, existing.isEmpty());
        ActiveSessions.View active = core.activeSessions().list(tenant, Actor.cli(tenant.id()),
                ActiveSessions.Query.defaults());
        // A handful of agents and guests working right now, unless some still are from an earlier load.
        List<DemoLive.Planned> live = active.noneConnected() ? DemoLive.at(now, DemoPeople.active()) : List.of();
        Instant liveSince = active.sessions().rows().stream().map(AgentSession::startedAt)
                .min(Comparator.naturalOrder()).orElse(DemoLive.earliestStart(live, now));
        int imported = history(tenant, now, liveSince);
        int opened = openLive(tenant, live, earlier, then);
        if (existing.isEmpty()) {
            watchHiring(tenant, earlier, then, now);
        }
        // Looked at as a server node would after these changes: the user pool's alert is live.
        core.alerting().evaluate(tenant.id());
        return new Loaded(tenant, apiKey, imported, opened, users);
    }

    /**
     * While hiring, the demo's admin watches user licenses from 60 % (the default is 80 %), set two
     * weeks ago: with 25 of 40 in use, the demo shows a live alert in `alerts` and the REST API.
     */
    private static void watchHiring(Tenant tenant, LicenseCore past, DemoClock then, Instant now) {
        then.set(now.minus(Duration.ofDays(14)));
        past.alerts().answer(tenant, Actor.cli(tenant.id()), null, new AlertsChange.Levels(Pool.USER, "60,80,100"));
    }

    /**
     * Every day of the window, today included up to now; sessions already there are skipped. Today's
     * end before {@code todayUntil}, when the live sessions began: they stay within the pool.
     */
    private int history(Tenant tenant, Instant now, Instant todayUntil) {
        LocalDate today = LocalDate.ofInstant(now, tenant.zone());
        List<DemoPeople.Person> agents = DemoPeople.active();
        int imported = 0;
        for (LocalDate day = today.minusDays(HISTORY_DAYS); !day.isAfter(today); day = day.plusDays(1)) {
            Instant until = day.equals(today) ? todayUntil : now;
            for (SessionReport session : DemoHistory.day(day, tenant.zone(), agents)) {
                if (session.endedAt().isAfter(until)
                        || core.sessionLicenses().find(tenant, session.sessionId()).isPresent()) {
                    continue;
                }
                core.sessionLicenses().open(tenant, session);
                imported++;
            }
        }
        return imported;
    }

    /** Opened when they began and heard from when last active, each on the clock of that moment. */
    private int openLive(Tenant tenant, List<DemoLive.Planned> planned, LicenseCore past, DemoClock then) {
        List<String> ids = new ArrayList<>();
        for (DemoLive.Planned session : planned) {
            then.set(session.startedAt());
            ids.add(past.sessionLicenses().open(tenant, session.report()).session().id());
        }
        for (int i = 0; i < planned.size(); i++) {
            then.set(planned.get(i).lastActiveAt());
            past.sessionLicenses().reportActivity(tenant, ids.get(i), planned.get(i).activity());
        }
        return planned.size();
    }
}
