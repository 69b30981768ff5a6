package dev.licensebot.core.digest;

import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.DenialRepository;
import dev.licensebot.core.tenant.DenialRepository.Denied;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.usage.Forecast;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.UsageTrend;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The weekly digest: what an admin reads on Monday morning, asked for in chat, at the console or
 * over REST ({@link #weekly}), or built for the scheduled sending ({@link #weeklyFor}). The daily
 * maxima come from the usage report's own sweep and cache; only the week's denials are read here.
 */
public final class Digests {

    /** The week is this many completed days and today: a Monday's digest covers Monday to Monday. */
    public static final int COMPLETED_DAYS = 7;

    private final Repositories repositories;
    private final Clock clock;
    private final Operators operators;
    private final UsageReport usage;

    public Digests(Repositories repositories, Clock clock, Operators operators, UsageReport usage) {
        this.repositories = repositories;
        this.clock = clock;
        this.operators = operators;
        this.usage = usage;
    }

    /** As of now. */
    public Digest weekly(Tenant tenant, Actor actor) {
        return weekly(tenant, actor, clock.instant());
    }

    /** Refused (and the refusal audited) below {@link Action#VIEW_DIGEST}'s role or for another tenant. */
    public Digest weekly(Tenant tenant, Actor actor, Instant now) {
        operators.require(tenant, actor, Action.VIEW_DIGEST);
        return weeklyFor(tenant, now);
    }

    /**
     * The digest without anyone asking: for the scheduled sending to the tenant's own subscribed
     * channels, which decided already that the tenant gets it.
     */
    public Digest weeklyFor(Tenant tenant, Instant now) {
        UsageOverview overview = usage.overviewAsOf(tenant, now);
        ZoneId zone = tenant.zone();
        LocalDate today = overview.summary().today();
        LocalDate weekFrom = today.minusDays(COMPLETED_DAYS);
        // The same span as the trend's per-day denials, so the week's count and its busiest hour agree.
        List<Denied> denials = repositories.with(DenialRepository.class, r -> r.between(tenant.id(),
                EnumSet.allOf(Pool.class), weekFrom.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant()));
        List<PoolDigest> pools = new ArrayList<>();
        for (UsageTrend trend : List.of(overview.session(), overview.user())) {
            pools.add(pool(trend, weekFrom, denials.stream().filter(d -> d.pool() == trend.pool()).toList(), zone));
        }
        return new Digest(tenant.id(), zone, weekFrom, today, overview.summary().asOf(), pools);
    }

    private static PoolDigest pool(UsageTrend trend, LocalDate weekFrom, List<Denied> denials, ZoneId zone) {
        int weekPeak = 0;
        LocalDate weekPeakDay = null;
        int weekDenials = 0;
        int countedDays = 0;
        for (UsageTrend.Day day : trend.days()) {
            countedDays += day.counted() ? 1 : 0;
            if (day.date().isBefore(weekFrom)) {
                continue;
            }
            weekDenials += day.denials();
            if (day.counted() && (weekPeakDay == null || day.dailyMax() >= weekPeak)) {
                weekPeak = day.dailyMax();
                weekPeakDay = day.date();
            }
        }
        BusiestHour busiest = BusiestHour.of(denials, zone).orElse(null);
        LocalDate fullAround = Forecast.fullAround(completedDays(trend), trend.total()).orElse(null);
        String sizing = Sizing.line(trend.pool().label(), trend.total(), countedDays, trend.figures().dailyMax(),
                trend.figures().dailyMaxDate(), weekDenials, busiest, zone);
        return new PoolDigest(trend.pool(), trend.total(), weekPeak, weekPeakDay, weekDenials, busiest, fullAround,
                sizing, trend);
    }

    /**
     * The counted days but today: a day under way has not reached its peak yet (a digest sent at
     * 09:00 would see a Monday morning), and would pull the line down.
     */
    private static NavigableMap<LocalDate, Integer> completedDays(UsageTrend trend) {
        NavigableMap<LocalDate, Integer> days = new TreeMap<>();
        trend.days().stream().filter(d -> d.counted() && d.date().isBefore(trend.today()))
                .forEach(d -> days.put(d.date(), d.dailyMax()));
        return days;
    }

    /**
     * The forecast alone, pool by pool: the day each pool's trend reaches its total, for the pools
     * where it does within the horizon. The alerts ask once a tenant day.
     */
    public java.util.Map<Pool, LocalDate> fullAround(Tenant tenant, Instant now) {
        java.util.Map<Pool, LocalDate> fullAround = new java.util.EnumMap<>(Pool.class);
        weeklyFor(tenant, now).pools().stream().filter(p -> p.fullAround() != null)
                .forEach(p -> fullAround.put(p.pool(), p.fullAround()));
        return fullAround;
    }
}
