package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The cache of completed days' maxima. */
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
     * Forgets every day, in the tenant's zone, that the span [from, to] touches, and bumps the
     * history version so computations already under way do not store what they saw before.
     */
    default int forget(String tenantId, Pool pool, ZoneId zone, Instant from, Instant to) {
        bumpHistoryVersion(tenantId);
        return forget(tenantId, pool, LocalDate.ofInstant(from, zone), LocalDate.ofInstant(to, zone));
    }

    @SqlQuery("SELECT peak_day, peak FROM daily_peak WHERE tenant_id = :tenantId AND pool = :pool "
            + "AND peak_day BETWEEN :fromDay AND :toDay")
    @RegisterConstructorMapper(CachedPeak.class)
    List<CachedPeak> cached(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool,
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

    record CachedPeak(LocalDate peakDay, int peak) {
    }
}
