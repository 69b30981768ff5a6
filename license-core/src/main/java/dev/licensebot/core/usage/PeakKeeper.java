package dev.licensebot.core.usage;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.usage.DailyPeakRepository.KeptTenant;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Computes what a usage call needs before anyone asks (issue 24): each completed day's peak as
 * soon as the day has closed in the tenant's zone, and today's settled part. Otherwise the first
 * usage call of a day found yesterday, or after an outage or an import all 30 days, missing and
 * swept them itself (10.6 s at 3 M history rows; docs/benchmarks.md, B4). The server runs it
 * periodically. The work is {@link DailyMaxima#keep}, so the figures are the ones a usage call
 * would have stored, under the same history_version guard, and any number of nodes may run it at
 * once: a day or checkpoint another node stored first is skipped (INSERT IGNORE), with the same
 * figure.
 *
 * <p>A run reads the tenants in one statement and then works on at most {@code batch} of them, so
 * one run stays bounded however many tenants there are. First those that are due on this node: not
 * yet visited since it started, their day closed since the last visit, or their history changed
 * (an import bumps history_version and forgets the days it touches). Then, with the batch's rest,
 * the others longest unvisited, whose today's checkpoint it moves on. A visit that finds every day
 * stored costs two reads and, once a minute has settled, one read and one insert per pool.
 */
public final class PeakKeeper {

    /** Tenants a run works on at most; a catch-up of 30 days at 3 M rows takes seconds. */
    public static final int BATCH = 100;
    private static final Set<Pool> POOLS = EnumSet.allOf(Pool.class);

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final int batch;
    /** This node's last visit per tenant; another node's work shows as days already stored. */
    private final Map<String, Visit> visits = new ConcurrentHashMap<>();

    public PeakKeeper(Jdbi jdbi, Repositories repositories, Clock clock) {
        this(jdbi, repositories, clock, BATCH);
    }

    public PeakKeeper(Jdbi jdbi, Repositories repositories, Clock clock, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, not " + batch);
        }
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.batch = batch;
    }

    /** What one run did. {@code left} tenants were not visited: the next runs come to them. */
    public record Run(int visited, int computedDays, int left) {
    }

    /**
     * One run as of the clock's now. A tenant that fails stops the run (the periodic task logs it)
     * and goes behind the others that are due, so it cannot hold them up run after run.
     */
    public synchronized Run run() {
        Instant now = clock.instant();
        List<KeptTenant> tenants = repositories.with(DailyPeakRepository.class, DailyPeakRepository::tenantsToKeep);
        visits.keySet().retainAll(tenants.stream().map(KeptTenant::id).collect(Collectors.toSet()));
        List<KeptTenant> chosen = tenants.stream().sorted(order(now)).limit(batch).toList();
        int computed = 0;
        for (KeptTenant tenant : chosen) {
            try {
                computed += keep(tenant, now);
            } catch (RuntimeException e) {
                visits.put(tenant.id(), new Visit(null, -1, now));
                throw e;
            }
            visits.put(tenant.id(), new Visit(today(tenant, now), tenant.historyVersion(), now));
        }
        return new Run(chosen.size(), computed, tenants.size() - chosen.size());
    }

    private int keep(KeptTenant tenant, Instant now) {
        TenantDays days = new TenantDays(ZoneId.of(tenant.timeZone()));
        return jdbi.withHandle(h -> {
            UsageRepository usage = repositories.of(UsageRepository.class);
            LocalDate first = UsageReport.firstCountedDay(usage, tenant.id(), tenant.createdAt(), days,
                    days.dayOf(now));
            return new DailyMaxima(usage, repositories.of(HoldingChanges.class),
                    repositories.of(DailyPeakRepository.class), days, tenant.id()).keep(POOLS, first, now);
        });
    }

    /** Due first, then the longest unvisited; a tenant never visited comes before all others. */
    private Comparator<KeptTenant> order(Instant now) {
        Comparator<KeptTenant> dueFirst = Comparator.comparing(t -> !due(t, now));
        return dueFirst.thenComparing(t -> visits.containsKey(t.id()) ? visits.get(t.id()).at() : Instant.MIN);
    }

    private boolean due(KeptTenant tenant, Instant now) {
        Visit last = visits.get(tenant.id());
        return last == null || !today(tenant, now).equals(last.today()) || last.version() != tenant.historyVersion();
    }

    private static LocalDate today(KeptTenant tenant, Instant now) {
        return LocalDate.ofInstant(now, ZoneId.of(tenant.timeZone()));
    }

    /** The tenant's day and history version when this node last visited it, and when. */
    private record Visit(LocalDate today, long version, Instant at) {
    }
}
