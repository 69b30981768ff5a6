package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.usage.DailyPeakRepository.SettledPeak;
import dev.licensebot.core.usage.PeakSweep.Span;
import dev.licensebot.core.usage.TenantDays.DaySpan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Today's peak without sweeping all of today on every call. Up to a checkpoint safely in the past
 * today's intervals are settled: a session opened later starts later, a heartbeat or a logout only
 * moves an end that lies after it, and a lapsed session ends at its expires_at, which no longer
 * moves; only imports rewrite the past, and they forget the cache and bump history_version. So
 * the peak from the day's start up to the checkpoint is stored once (settled_peak), and a call
 * sweeps only from the newest stored checkpoint on: the settled stretch since it, if any, which
 * it then stores, and the live rest of the day.
 */
final class TodayPeak {

    /**
     * Checkpoints fall on whole hours of UTC (multiples of this since the epoch), not of the
     * tenant's zone: they are plain instants, so zones a quarter hour off UTC, or a DST change,
     * cannot make two checkpoints collide or skip. A day that starts between two of them simply
     * has a shorter first stretch.
     */
    static final Duration CHECKPOINT = Duration.ofHours(1);

    /**
     * How far in the past a checkpoint must be before it counts as settled. Writes stamp the
     * clock read when their use case began, which may commit later: after waiting for a pooled
     * connection (30 s at most) and for the pool's row lock (InnoDB gives up after 50 s). The
     * margin covers both, and the clock skew between nodes of a normally synchronised cluster.
     */
    static final Duration SETTLE = Duration.ofMinutes(5);

    private final UsageRepository usage;
    private final DailyPeakRepository cache;
    private final String tenantId;

    TodayPeak(UsageRepository usage, DailyPeakRepository cache, String tenantId) {
        this.usage = usage;
        this.cache = cache;
        this.tenantId = tenantId;
    }

    /**
     * The peak of {@code today} as of {@code now}. {@code version} is the history version read
     * before anything else, so a settled peak computed across an import is not stored.
     */
    int of(Pool pool, DaySpan today, Instant now, long version) {
        Instant settled = settledUntil(today, now);
        Optional<SettledPeak> cached = cache.settled(tenantId, pool, today.start(), settled);
        Instant from = cached.map(SettledPeak::untilAt).orElse(today.start());
        int before = cached.map(SettledPeak::peak).orElse(0);
        List<Interval> intervals = usage.intervals(tenantId, pool, from, today.end());
        int[] peaks = PeakSweep.spanPeaks(intervals, List.of(new Span(from, settled), new Span(settled, today.end())));
        int settledPeak = Math.max(before, peaks[0]);
        if (from.isBefore(settled) && cache.rememberSettled(tenantId, pool, today.start(), settled, settledPeak,
                version) == 1) {
            cache.forgetSettledBefore(tenantId, pool, settled);
        }
        return Math.max(settledPeak, peaks[1]);
    }

    /** The newest checkpoint that is settled at {@code now}, but never before the day's start. */
    static Instant settledUntil(DaySpan today, Instant now) {
        long step = CHECKPOINT.toMillis();
        Instant checkpoint = Instant.ofEpochMilli(Math.floorDiv(now.minus(SETTLE).toEpochMilli(), step) * step);
        return checkpoint.isAfter(today.start()) ? checkpoint : today.start();
    }
}
