package dev.licensebot.core.usage;

import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.PoolOccupancy;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** The usage figures of DESIGN.md §3 for both pools, days cut in the tenant's time zone. */
public final class UsageReport {

    /** The Daily Max and Daily Average look back this many days, today included. */
    public static final int WINDOW_DAYS = 30;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Operators operators;

    public UsageReport(Jdbi jdbi, Clock clock, Operators operators) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.operators = operators;
    }

    public UsageSummary summary(Tenant tenant, Actor actor) {
        operators.require(tenant, actor, Action.VIEW_USAGE);
        Instant now = clock.instant();
        TenantDays days = new TenantDays(tenant.zone());
        LocalDate today = days.dayOf(now);
        return jdbi.withHandle(h -> {
            UsageRepository usage = h.attach(UsageRepository.class);
            DailyMaxima maxima = new DailyMaxima(usage, h.attach(DailyPeakRepository.class), days, tenant.id());
            LocalDate first = firstCountedDay(usage, tenant, days, today);
            PoolFigures figures = new PoolFigures(usage, h.attach(PoolOccupancy.class), maxima, tenant.id(), days,
                    now, first, today);
            return new UsageSummary(figures.of(Pool.SESSION), figures.of(Pool.USER), tenant.zone(), today, now);
        });
    }

    /**
     * The window's first day that counts: days before the tenant's history began (its creation, or
     * its earliest imported session) would only drag the average down. Today always counts.
     */
    private static LocalDate firstCountedDay(UsageRepository usage, Tenant tenant, TenantDays days, LocalDate today) {
        Instant historyBegins = usage.earliestSessionStart(tenant.id())
                .filter(s -> s.isBefore(tenant.createdAt()))
                .orElse(tenant.createdAt());
        LocalDate windowStart = today.minusDays(WINDOW_DAYS - 1L);
        LocalDate first = days.dayOf(historyBegins);
        if (first.isBefore(windowStart)) {
            return windowStart;
        }
        return first.isAfter(today) ? today : first;
    }

    /** The queries for one pool's figures, sharing one handle and one instant. */
    private record PoolFigures(UsageRepository usage, PoolOccupancy occupancy, DailyMaxima maxima, String tenantId,
                               TenantDays days, Instant now, LocalDate first, LocalDate today) {

        PoolUsage of(Pool pool) {
            int denied = usage.denials(tenantId, pool, days.startOf(today), days.endOf(today));
            return PoolUsage.of(pool, occupancy.inUse(tenantId, pool, now), usage.total(tenantId, pool),
                    maxima.between(pool, first, today), denied);
        }
    }
}
