package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The cache of completed days' maxima, and of today's peak over its settled part (settled_peak,
 * see {@link TodayPeak}). Both are forgotten by imports and guarded by the tenant's history_version.
 */
public interface DailyPeakRepository {

    @SqlUpdate("DELETE FROM daily_peak WHERE tenant_id = :tenantId AND pool = :pool "
            + "AND peak_day BETWEEN :fromDay AND :toDay")
    int forget(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("fromDay") LocalDate fromDay,
               @Bind("toDay") LocalDate toDay);

    @SqlUpdate("UPDATE tenant SET history_version = history_version + 1 WHERE id = :tenantId")
    void bumpHistoryVersion(@Bind("tenantId") String tenantId);

    @SqlQuery("SELECT history_version FROM tenant WHERE id = :tenantId")
    long historyVersion(@Bind("tenantId") String tenantId);

    /**
     * Forgets every day, in the tenant's zone, that the span [from, to] touches, and every settled
     * peak whose span it overlaps, and bumps the history version so computations already under way
     * do not store what they saw before.
     */
    default int forget(String tenantId, Pool pool, ZoneId zone, Instant from, Instant to) {
        bumpHistoryVersion(tenantId);
        forgetSettled(tenantId, pool, from, to);
        return forget(tenantId, pool, LocalDate.ofInstant(from, zone), LocalDate.ofInstant(to, zone));
    }

    @SqlUpdate("DELETE FROM settled_peak WHERE tenant_id = :tenantId AND pool = :pool "
            + "AND from_at <= :to AND until_at > :from")
    int forgetSettled(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("from") Instant from,
                      @Bind("to") Instant to);

    /**
     * The settled peaks of the span starting at {@code from} and ending no later than {@code until},
     * for each of {@code pools} in one statement. A pool keeps a few at most: storing a newer one
     * deletes the older ones.
     */
    @SqlQuery("SELECT pool, until_at, peak, held FROM settled_peak WHERE tenant_id = :tenantId "
            + "AND pool IN (<pools>) AND from_at = :from AND until_at <= :until")
    @RegisterConstructorMapper(SettledPeak.class)
    List<SettledPeak> settled(@Bind("tenantId") String tenantId, @BindList("pools") Collection<Pool> pools,
                              @Bind("from") Instant from, @Bind("until") Instant until);

    /** The newest of {@link #settled} per pool; pools without one are absent. */
    default Map<Pool, SettledPeak> newestSettled(String tenantId, Collection<Pool> pools, Instant from,
                                                 Instant until) {
        Map<Pool, SettledPeak> newest = new EnumMap<>(Pool.class);
        for (SettledPeak peak : settled(tenantId, pools, from, until)) {
            newest.merge(peak.pool(), peak, (a, b) -> a.untilAt().isAfter(b.untilAt()) ? a : b);
        }
        return newest;
    }

    /** As {@link #remember}: kept only if the history is still at {@code version}; 1 when stored. */
    @SqlUpdate("INSERT IGNORE INTO settled_peak (tenant_id, pool, from_at, until_at, peak, held) "
            + "SELECT id, :pool, :from, :until, :peak, :held FROM tenant "
            + "WHERE id = :tenantId AND history_version = :version")
    int rememberSettled(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("from") Instant from,
                        @Bind("until") Instant until, @Bind("peak") int peak, @Bind("held") int held,
                        @Bind("version") long version);

    /** Checkpoints before {@code until}: superseded by a newer one of the day, or of days now over. */
    @SqlUpdate("DELETE FROM settled_peak WHERE tenant_id = :tenantId AND pool = :pool AND until_at < :until")
    int forgetSettledBefore(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool,
                            @Bind("until") Instant until);

    /** The stored days of [fromDay, toDay] of each of {@code pools}, in one statement. */
    @SqlQuery("SELECT pool, peak_day, peak FROM daily_peak WHERE tenant_id = :tenantId AND pool IN (<pools>) "
            + "AND peak_day BETWEEN :fromDay AND :toDay")
    @RegisterConstructorMapper(CachedPeak.class)
    List<CachedPeak> cached(@Bind("tenantId") String tenantId, @BindList("pools") Collection<Pool> pools,
                            @Bind("fromDay") LocalDate fromDay, @Bind("toDay") LocalDate toDay);

    /**
     * Stores computed days, unless the history changed since {@code version} was read (then the
     * figures may be stale and are simply not kept). Two nodes may compute the same day at once;
     * both get the same number, so the second insert is skipped.
     */
    @SqlBatch("INSERT IGNORE INTO daily_peak (tenant_id, pool, peak_day, peak) "
            + "SELECT id, :pool, :day, :peak FROM tenant WHERE id = :tenantId AND history_version = :version")
    void remember(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("day") List<LocalDate> days,
                  @Bind("peak") List<Integer> peaks, @Bind("version") long version);

    /** Every tenant, with what {@link PeakKeeper} needs to cut its days and notice an import. */
    @SqlQuery("SELECT id, time_zone, created_at, history_version FROM tenant")
    @RegisterConstructorMapper(KeptTenant.class)
    List<KeptTenant> tenantsToKeep();

    record CachedPeak(Pool pool, LocalDate peakDay, int peak) {
    }

    record KeptTenant(String id, String timeZone, Instant createdAt, long historyVersion) {
    }

    /**
     * The peak from a day's start up to, not including, {@code untilAt}, and the licenses held at
     * {@code untilAt}, counting those taken and released at that very instant.
     */
    record SettledPeak(Pool pool, Instant untilAt, int peak, int held) {
    }
}
