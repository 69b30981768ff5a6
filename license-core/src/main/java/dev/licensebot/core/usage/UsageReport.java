package dev.licensebot.core.usage;

import dev.licensebot.core.db.Repositories;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The usage figures of DESIGN.md §3 for both pools, days cut in the tenant's time zone. */
public final class UsageReport {

    /** The Daily Max and Daily Average look back this many days, today included. */
    public static final int WINDOW_DAYS = 30;

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final Operators operators;

    public UsageReport(Jdbi jdbi, Repositories repositories, Clock clock, Operators operators) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.operators = operators;
    }

    public UsageSummary summary(Tenant tenant, Actor actor) {
        operators.require(tenant, actor, Action.VIEW_USAGE);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            PoolFigures figures = PoolFigures.of(repositories, tenant, now);
            return new UsageSummary(figures.of(Pool.SESSION), figures.of(Pool.USER), tenant.zone(), figures.today(),
                    now);
        });
    }

    /** One pool's last {@link #WINDOW_DAYS} days, day by day: what the usage graph draws. */
    public UsageTrend trend(Tenant tenant, Actor actor, Pool pool) {
        operators.require(tenant, actor, Action.VIEW_USAGE);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> PoolFigures.of(repositories, tenant, now, EnumSet.of(pool)).trend(pool));
    }

    /**
     * The summary and both pools' trends as of one instant, read once: for answers that show the
     * figures and the graph (or its sparkline) side by side.
     */
    public UsageOverview overview(Tenant tenant, Actor actor) {
        operators.require(tenant, actor, Action.VIEW_USAGE);
        return overviewAsOf(tenant, clock.instant());
    }

    /**
     * {@link #overview} as of {@code now}, without a permission check: for the core's use cases
     * that checked their own (the weekly digest) or run for the tenant itself (its scheduled
     * sending), never for a person's request as such.
     */
    public UsageOverview overviewAsOf(Tenant tenant, Instant now) {
        return jdbi.withHandle(h -> {
            PoolFigures figures = PoolFigures.of(repositories, tenant, now);
            UsageTrend session = figures.trend(Pool.SESSION);
            UsageTrend user = figures.trend(Pool.USER);
            return new UsageOverview(new UsageSummary(session.figures(), user.figures(), tenant.zone(),
                    figures.today(), now), session, user);
        });
    }

    /**
     * The window's first day that counts: days before the tenant's history began (its creation, or
     * its earliest imported session) would only drag the average down. Today always counts.
     */
    static LocalDate firstCountedDay(UsageRepository usage, String tenantId, Instant createdAt, TenantDays days,
                                     LocalDate today) {
        Instant historyBegins = usage.earliestSessionStart(tenantId)
                .filter(s -> s.isBefore(createdAt))
                .orElse(createdAt);
        LocalDate windowStart = windowStart(today);
        LocalDate first = days.dayOf(historyBegins);
        if (first.isBefore(windowStart)) {
            return windowStart;
        }
        return first.isAfter(today) ? today : first;
    }

    private static LocalDate windowStart(LocalDate today) {
        return today.minusDays(WINDOW_DAYS - 1L);
    }

    /** The figures of one or both pools, read on one handle as of one instant. */
    private record PoolFigures(UsageRepository usage, Map<Pool, TreeMap<LocalDate, Integer>> counted,
                               Map<Pool, PoolOccupancy.Standing> standing, Map<Pool, Integer> deniedToday,
                               String tenantId, TenantDays days, LocalDate today) {

        static PoolFigures of(Repositories repositories, Tenant tenant, Instant now) {
            return of(repositories, tenant, now, EnumSet.allOf(Pool.class));
        }

        /**
         * Reads what the pools share in one statement each (their size and use, today's denials,
         * and in {@link DailyMaxima} their cached days and today's checkpoints), not one per pool.
         */
        static PoolFigures of(Repositories repositories, Tenant tenant, Instant now, Set<Pool> pools) {
            TenantDays days = new TenantDays(tenant.zone());
            LocalDate today = days.dayOf(now);
            UsageRepository usage = repositories.of(UsageRepository.class);
            Map<Pool, PoolOccupancy.Standing> standing = new EnumMap<>(Pool.class);
            repositories.of(PoolOccupancy.class).standing(tenant.id(), now).forEach(s -> standing.put(s.pool(), s));
            Map<Pool, Integer> denied = usage.denials(tenant.id(), pools, days.startOf(today), days.endOf(today));
            LocalDate first = firstCountedDay(usage, tenant.id(), tenant.createdAt(), days, today);
            Map<Pool, TreeMap<LocalDate, Integer>> counted = new DailyMaxima(usage, repositories.of(HoldingChanges.class),
                    repositories.of(DailyPeakRepository.class), days, tenant.id()).between(pools, first, today, now);
            return new PoolFigures(usage, counted, standing, denied, tenant.id(), days, today);
        }

        PoolUsage of(Pool pool) {
            PoolOccupancy.Standing pools = standing.get(pool);
            return PoolUsage.of(pool, pools.inUse(), pools.total(), counted.get(pool),
                    deniedToday.getOrDefault(pool, 0));
        }

        /** The same daily maxima as {@link #of(Pool)}, kept day by day instead of only summed up. */
        UsageTrend trend(Pool pool) {
            Map<LocalDate, Integer> maxima = counted.get(pool);
            Map<LocalDate, Integer> denials = denialsPerDay(pool);
            List<UsageTrend.Day> window = new ArrayList<>(WINDOW_DAYS);
            for (LocalDate day = windowStart(today); !day.isAfter(today); day = day.plusDays(1)) {
                Integer max = maxima.get(day);
                window.add(new UsageTrend.Day(day, max == null ? 0 : max, denials.getOrDefault(day, 0), max != null));
            }
            return new UsageTrend(tenantId, of(pool), days.zone(), today, window);
        }

        private Map<LocalDate, Integer> denialsPerDay(Pool pool) {
            Map<LocalDate, Integer> perDay = new TreeMap<>();
            for (Instant at : usage.denialTimes(tenantId, pool, days.startOf(windowStart(today)), days.endOf(today))) {
                perDay.merge(days.dayOf(at), 1, Integer::sum);
            }
            return perDay;
        }
    }
}
