package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.usage.DailyPeakRepository.SettledPeak;
import dev.licensebot.core.usage.HoldingChanges.Change;
import dev.licensebot.core.usage.TenantDays.DaySpan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Today's peak without sweeping all of today on every call. Up to a checkpoint safely in the past
 * today's intervals are settled: a session opened later starts later, a heartbeat or a logout only
 * moves an end that lies after it, and a lapsed session ends at its expires_at, which no longer
 * moves; only imports rewrite the past, and they forget the cache and bump history_version. So
 * the peak from the day's start up to the checkpoint, and the licenses held at it, are stored
 * once (settled_peak). A call starts from the newest stored checkpoint's level and reads only the
 * takes and releases since: the settled stretch since that checkpoint, if any, which it then
 * stores, and the live rest of the day. Per pool that is one statement, after one for both pools'
 * checkpoints.
 */
final class TodayPeak {

    /**
     * Checkpoints fall on a grid of UTC instants (multiples of this since the epoch), not on the
     * tenant's local clock: plain instants cannot collide or skip across a DST change, and a zone
     * off the grid (any historical offset) simply gets a shorter first stretch. The step sets how
     * much a call sweeps: from the newest settled checkpoint, so between {@link #SETTLE} and
     * SETTLE + step. Whole hours would mean up to 65 minutes of sessions a call (thousands of rows
     * at 100,000 sessions a day; docs/benchmarks.md, B4); one minute keeps it to 5-6 minutes, for
     * one small insert per pool a minute while someone looks. (Five minutes read 5-10, a third more
     * on average.)
     */
    static final Duration CHECKPOINT = Duration.ofMinutes(1);

    /**
     * How far in the past a checkpoint must be before it counts as settled. Writes stamp the
     * clock read when their use case began (or, for a session, the later stamp its pool had when
     * it took its license, SessionLicenses), which may commit later: after waiting for a pooled
     * connection (30 s at most) and for the pool's row lock (InnoDB gives up after 50 s). The
     * margin covers both, and the clock skew between nodes of a normally synchronised cluster.
     */
    static final Duration SETTLE = Duration.ofMinutes(5);

    /** Releases sort before takes at the same instant: holdings are half-open, as in {@link PeakSweep}. */
    private static final Comparator<Change> ORDER = Comparator.comparing(Change::at).thenComparingInt(Change::delta);

    private final HoldingChanges changes;
    private final DailyPeakRepository cache;
    private final String tenantId;

    TodayPeak(HoldingChanges changes, DailyPeakRepository cache, String tenantId) {
        this.changes = changes;
        this.cache = cache;
        this.tenantId = tenantId;
    }

    /**
     * The peak of {@code today} as of {@code now} of each of {@code pools}, their checkpoints read
     * in one statement. {@code version} is the history version read before anything else, so a
     * settled peak computed across an import is not stored.
     */
    Map<Pool, Integer> of(Set<Pool> pools, DaySpan today, Instant now, long version) {
        Instant settled = settledUntil(today, now);
        Map<Pool, SettledPeak> checkpoints = cache.newestSettled(tenantId, pools, today.start(), settled);
        Map<Pool, Integer> peaks = new EnumMap<>(Pool.class);
        for (Pool pool : pools) {
            peaks.put(pool, of(pool, today, settled, Optional.ofNullable(checkpoints.get(pool)), version));
        }
        return peaks;
    }

    private int of(Pool pool, DaySpan today, Instant settled, Optional<SettledPeak> cached, long version) {
        Instant from = cached.map(SettledPeak::untilAt).orElse(today.start());
        int held = cached.map(SettledPeak::held).orElseGet(() -> changes.heldAt(tenantId, pool, from));
        Sweep sweep = Sweep.of(held, steps(pool, from, today.end(), settled), settled);
        int settledPeak = remember(pool, today, settled, from, cached, held, sweep, version);
        return Math.max(settledPeak, sweep.peakFrom());
    }

    /**
     * Stores today's settled part up to the newest settled checkpoint, as {@link #of} does, but
     * without reading the live rest of the day: what the background keeper does so that the first
     * call of a day, however late, reads minutes of changes, not hours. Pools whose newest
     * checkpoint is already stored read nothing more.
     */
    void settle(Set<Pool> pools, DaySpan today, Instant now, long version) {
        Instant settled = settledUntil(today, now);
        if (!settled.isAfter(today.start())) {
            return;
        }
        Map<Pool, SettledPeak> checkpoints = cache.newestSettled(tenantId, pools, today.start(), settled);
        for (Pool pool : pools) {
            Optional<SettledPeak> cached = Optional.ofNullable(checkpoints.get(pool));
            Instant from = cached.map(SettledPeak::untilAt).orElse(today.start());
            if (from.isBefore(settled)) {
                int held = cached.map(SettledPeak::held).orElseGet(() -> changes.heldAt(tenantId, pool, from));
                // Takes are read before an exclusive bound; the level at the checkpoint counts those at
                // that very instant, and stamps are whole milliseconds (DATETIME(3)).
                Sweep sweep = Sweep.of(held, steps(pool, from, settled.plusMillis(1), settled), settled);
                remember(pool, today, settled, from, cached, held, sweep, version);
            }
        }
    }

    /** The settled peak up to {@code settled}, stored when newer than {@code from}; older checkpoints then go. */
    private int remember(Pool pool, DaySpan today, Instant settled, Instant from, Optional<SettledPeak> cached,
                         int held, Sweep sweep, long version) {
        int settledPeak = Math.max(cached.map(SettledPeak::peak).orElse(held), sweep.peakBefore());
        if (from.isBefore(settled) && cache.rememberSettled(tenantId, pool, today.start(), settled, settledPeak,
                sweep.heldAt(), version) == 1) {
            cache.forgetSettledBefore(tenantId, pool, settled);
        }
        return settledPeak;
    }

    /**
     * The peak of a day that is over, from its newest stored checkpoint when there is one: the
     * peak up to it, then the takes and releases from it to the day's end. The first call of a day
     * finds yesterday not yet in daily_peak and yesterday's newest checkpoint still stored (it is
     * deleted only once today stores its first, and the call computes yesterday before that); if
     * anyone looked late yesterday, it is at most {@link #SETTLE} + {@link #CHECKPOINT} before
     * midnight, so the call reads minutes of changes instead of all of yesterday's sessions.
     * Nothing is stored here: the caller keeps the day in daily_peak, under its version guard.
     */
    Optional<Integer> ofCompletedDay(Pool pool, DaySpan day) {
        SettledPeak checkpoint = cache.newestSettled(tenantId, EnumSet.of(pool), day.start(), day.end()).get(pool);
        if (checkpoint == null) {
            return Optional.empty();
        }
        Instant from = checkpoint.untilAt();
        Sweep sweep = Sweep.of(checkpoint.held(), steps(pool, from, day.end(), from), from);
        return Optional.of(Math.max(checkpoint.peak(), sweep.peakFrom()));
    }

    /** The takes and releases after {@code from} that can matter, in order; see {@link HoldingChanges#changes}. */
    private List<Change> steps(Pool pool, Instant from, Instant before, Instant checkpoint) {
        List<Change> steps = new ArrayList<>(changes.changes(tenantId, pool, from, before, checkpoint));
        steps.sort(ORDER);
        return steps;
    }

    /**
     * One pass over the steps after the stored level: the peak before the checkpoint, the level
     * at it (steps at the very instant included), and the peak from it on.
     */
    private record Sweep(int peakBefore, int heldAt, int peakFrom) {

        static Sweep of(int held, List<Change> steps, Instant checkpoint) {
            int level = held;
            int peakBefore = held;
            int i = 0;
            for (; i < steps.size() && steps.get(i).at().isBefore(checkpoint); i++) {
                level += steps.get(i).delta();
                peakBefore = Math.max(peakBefore, level);
            }
            for (; i < steps.size() && !steps.get(i).at().isAfter(checkpoint); i++) {
                level += steps.get(i).delta();
            }
            int heldAt = level;
            int peakFrom = level;
            for (; i < steps.size(); i++) {
                level += steps.get(i).delta();
                peakFrom = Math.max(peakFrom, level);
            }
            return new Sweep(peakBefore, heldAt, peakFrom);
        }
    }

    /** The newest checkpoint that is settled at {@code now}, but never before the day's start. */
    static Instant settledUntil(DaySpan today, Instant now) {
        long step = CHECKPOINT.toMillis();
        Instant checkpoint = Instant.ofEpochMilli(Math.floorDiv(now.minus(SETTLE).toEpochMilli(), step) * step);
        return checkpoint.isAfter(today.start()) ? checkpoint : today.start();
    }
}
