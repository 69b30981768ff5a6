package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.usage.TenantDays.DaySpan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The daily max of one tenant's pools over a run of days, for one usage call. A completed day only changes when a
 * closed session is imported over it, and the import forgets it, so completed days come from the
 * cache and are computed (then stored) only when missing. Today is still moving: {@link TodayPeak}
 * sweeps only its part since the last settled checkpoint.
 */
final class DailyMaxima {

    private final UsageRepository usage;
    private final HoldingChanges changes;
    private final DailyPeakRepository cache;
    private final TenantDays days;
    private final String tenantId;
    /** Completed days computed, not found in the cache, since this was made (one is made per call). */
    private int computedDays;

    DailyMaxima(UsageRepository usage, HoldingChanges changes, DailyPeakRepository cache, TenantDays days,
                String tenantId) {
        this.usage = usage;
        this.changes = changes;
        this.cache = cache;
        this.days = days;
        this.tenantId = tenantId;
    }

    /**
     * For each of {@code pools}, each day from {@code first} to {@code last}, both included, with
     * its daily max as of {@code now}; ascending. Days before {@code now}'s day are completed;
     * {@code now}'s day is today. What the pools share is read in one statement each: their cached
     * days, and today's checkpoints. The history version is read first, so nothing computed
     * across an import is stored.
     */
    Map<Pool, TreeMap<LocalDate, Integer>> between(Set<Pool> pools, LocalDate first, LocalDate last, Instant now) {
        long version = cache.historyVersion(tenantId);
        LocalDate today = days.dayOf(now);
        Map<Pool, TreeMap<LocalDate, Integer>> maxima = completed(pools, first, last, today, version);
        if (!first.isAfter(today) && !last.isBefore(today)) {
            new TodayPeak(changes, cache, tenantId).of(pools, days.span(today), now, version)
                    .forEach((pool, peak) -> maxima.get(pool).put(today, peak));
        }
        return maxima;
    }

    /**
     * What a usage call of {@code now} would compute before it could answer, computed ahead of it
     * and stored: every completed day from {@code first} on that daily_peak lacks, then today's
     * settled part up to its newest settled checkpoint (without the live rest of today). Completed
     * days go first, as in {@link #between}: yesterday is finished from its last checkpoint before
     * today's first one replaces it. Returns how many completed days were computed.
     */
    int keep(Set<Pool> pools, LocalDate first, Instant now) {
        long version = cache.historyVersion(tenantId);
        LocalDate today = days.dayOf(now);
        int before = computedDays;
        completed(pools, first, today.minusDays(1), today, version);
        new TodayPeak(changes, cache, tenantId).settle(pools, days.span(today), now, version);
        return computedDays - before;
    }

    /** See {@link #computedDays}: a usage call that finds every completed day cached computes none. */
    int computedDays() {
        return computedDays;
    }

    /**
     * The completed days of [first, last] of each pool: from the cache, which the pools share in
     * one statement, and the missing ones computed and stored under {@code version}.
     */
    private Map<Pool, TreeMap<LocalDate, Integer>> completed(Set<Pool> pools, LocalDate first, LocalDate last,
                                                             LocalDate today, long version) {
        Map<Pool, TreeMap<LocalDate, Integer>> maxima = new EnumMap<>(Pool.class);
        pools.forEach(pool -> maxima.put(pool, new TreeMap<>()));
        LocalDate lastCompleted = last.isBefore(today) ? last : today.minusDays(1);
        if (!first.isAfter(lastCompleted)) {
            cache.cached(tenantId, pools, first, lastCompleted)
                    .forEach(c -> maxima.get(c.pool()).put(c.peakDay(), c.peak()));
        }
        maxima.forEach((pool, byDay) -> {
            Map<LocalDate, Integer> computed = compute(pool, missing(byDay, first, last, today));
            byDay.putAll(computed);
            remember(pool, computed, today, version);
            computedDays += computed.size();
        });
        return maxima;
    }

    /** The days of [first, last] neither in {@code known} nor today. */
    private static List<LocalDate> missing(Map<LocalDate, Integer> known, LocalDate first, LocalDate last,
                                           LocalDate today) {
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!known.containsKey(day) && !day.equals(today)) {
                missing.add(day);
            }
        }
        return missing;
    }

    /**
     * Days with a stored checkpoint (yesterday, on the first call of a day) are finished from it;
     * the others take one interval query per run of consecutive days, so sparse gaps never load what
     * lies between them.
     */
    private Map<LocalDate, Integer> compute(Pool pool, List<LocalDate> missing) {
        Map<LocalDate, Integer> computed = new TreeMap<>();
        List<LocalDate> unsettled = new ArrayList<>();
        TodayPeak settled = new TodayPeak(changes, cache, tenantId);
        for (LocalDate day : missing) {
            settled.ofCompletedDay(pool, days.span(day)).ifPresentOrElse(peak -> computed.put(day, peak),
                    () -> unsettled.add(day));
        }
        for (List<LocalDate> run : consecutiveRuns(unsettled)) {
            List<DaySpan> spans = run.stream().map(days::span).toList();
            List<Interval> intervals = usage.intervals(tenantId, pool, spans.get(0).start(),
                    spans.get(spans.size() - 1).end());
            computed.putAll(PeakSweep.peaks(intervals, spans));
        }
        return computed;
    }

    private void remember(Pool pool, Map<LocalDate, Integer> computed, LocalDate today, long version) {
        List<LocalDate> completed = computed.keySet().stream().filter(d -> d.isBefore(today)).toList();
        if (!completed.isEmpty()) {
            cache.remember(tenantId, pool, completed, completed.stream().map(computed::get).toList(),
                    version);
        }
    }

    /** Splits ascending days into runs without gaps. */
    static List<List<LocalDate>> consecutiveRuns(List<LocalDate> ascending) {
        List<List<LocalDate>> runs = new ArrayList<>();
        List<LocalDate> run = new ArrayList<>();
        for (LocalDate day : ascending) {
            if (!run.isEmpty() && !run.get(run.size() - 1).plusDays(1).equals(day)) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(day);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }
}
