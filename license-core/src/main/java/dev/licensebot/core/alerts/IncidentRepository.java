package dev.licensebot.core.alerts;

import dev.licensebot.core.tenant.Pool;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Incidents and the watch row that orders their evaluation. */
@RegisterConstructorMapper(Incident.class)
public interface IncidentRepository {

    String COLUMNS = "id, tenant_id, pool, kind, level, in_use, total, peak, denials, first_denial_at, full_on, "
            + "started_at, updated_at, quiet_since, resolved_at, acknowledged_by, acknowledged_at, snoozed_by, "
            + "snoozed_until, snooze_version, version";

    @SqlQuery("SELECT " + COLUMNS + " FROM alert_incident WHERE live_key IS NOT NULL AND tenant_id = :tenantId")
    List<Incident> live(@Bind("tenantId") String tenantId);

    /** Live ones first, then the newest resolved ones since {@code since}. */
    @SqlQuery("SELECT " + COLUMNS + " FROM alert_incident WHERE tenant_id = :tenantId "
            + "AND (resolved_at IS NULL OR resolved_at >= :since) ORDER BY resolved_at IS NULL DESC, started_at DESC "
            + "LIMIT :limit")
    List<Incident> recent(@Bind("tenantId") String tenantId, @Bind("since") Instant since, @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM alert_incident WHERE id = :id AND tenant_id = :tenantId")
    Optional<Incident> find(@Bind("tenantId") String tenantId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM alert_incident WHERE id = :id")
    Optional<Incident> byId(@Bind("id") String id);

    /** An incident of a kind in a pool snoozed beyond {@code now}: a new one inside it stays as quiet. */
    @SqlQuery("SELECT " + COLUMNS + " FROM alert_incident WHERE tenant_id = :tenantId AND pool = :pool "
            + "AND kind = :kind AND snoozed_until > :now ORDER BY snoozed_until DESC LIMIT 1")
    Optional<Incident> snoozing(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool,
                                @Bind("kind") Incident.Kind kind, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO alert_incident (" + COLUMNS + ", live_key) VALUES (:id, :tenantId, :pool, :kind, :level, "
            + ":inUse, :total, :peak, :denials, :firstDenialAt, :fullOn, :startedAt, :updatedAt, :quietSince, "
            + ":resolvedAt, :acknowledgedBy, :acknowledgedAt, :snoozedBy, :snoozedUntil, :snoozeVersion, :version, "
            + ":liveKey)")
    void insert(@BindMethods Incident incident, @Bind("liveKey") String liveKey);

    /** Writes what the evaluation or a button changed; a resolved incident gives up its live key. */
    @SqlUpdate("UPDATE alert_incident SET level = :level, in_use = :inUse, total = :total, peak = :peak, "
            + "denials = :denials, first_denial_at = :firstDenialAt, full_on = :fullOn, updated_at = :updatedAt, "
            + "quiet_since = :quietSince, resolved_at = :resolvedAt, acknowledged_by = :acknowledgedBy, "
            + "acknowledged_at = :acknowledgedAt, snoozed_by = :snoozedBy, snoozed_until = :snoozedUntil, "
            + "snooze_version = :snoozeVersion, version = :version, "
            + "live_key = :liveKey WHERE id = :id")
    void update(@BindMethods Incident incident, @Bind("liveKey") String liveKey);

    /** The incident as stored, with its live key while it is live. */
    default void save(Incident incident) {
        update(incident, incident.live() ? Incident.liveKey(incident.tenantId(), incident.pool(), incident.kind()) : null);
    }

    /** The tenant's watch row, once; several nodes may ask at once. */
    @SqlUpdate("INSERT IGNORE INTO alert_watch (tenant_id, checked_at, forecast_day) VALUES (:tenantId, :since, NULL)")
    int insertWatch(@Bind("tenantId") String tenantId, @Bind("since") Instant since);

    /**
     * Watches the tenant from now on if nobody did: its first evaluation counts the denials of the
     * last quiet period, so a burst just before alerts were turned on is not missed.
     */
    default int watch(String tenantId, Instant now) {
        return insertWatch(tenantId, now.minus(AlertWatch.QUIET_PERIOD));
    }

    /**
     * Locks the tenant's watch row until the transaction ends, so two nodes evaluating the same
     * tenant take turns; answers where the last evaluation counted denials up to.
     */
    @SqlQuery("SELECT checked_at FROM alert_watch WHERE tenant_id = :tenantId FOR UPDATE")
    Optional<Instant> lockExistingWatch(@Bind("tenantId") String tenantId);

    /**
     * Locks the tenant's watch row, creating it first if nobody did. Locking before inserting matters
     * on MariaDB: an INSERT IGNORE that meets the row takes a shared lock, and two nodes that both
     * then ask for the exclusive one deadlock.
     */
    default Instant lockWatch(String tenantId, Instant now) {
        Optional<Instant> checked = lockExistingWatch(tenantId);
        if (checked.isPresent()) {
            return checked.get();
        }
        watch(tenantId, now);
        return lockExistingWatch(tenantId).orElseThrow();
    }

    @SqlQuery("SELECT forecast_day FROM alert_watch WHERE tenant_id = :tenantId")
    Optional<java.time.LocalDate> forecastDay(@Bind("tenantId") String tenantId);

    @SqlUpdate("UPDATE alert_watch SET checked_at = :now WHERE tenant_id = :tenantId")
    void checked(@Bind("tenantId") String tenantId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE alert_watch SET forecast_day = :day WHERE tenant_id = :tenantId")
    void forecastMade(@Bind("tenantId") String tenantId, @Bind("day") java.time.LocalDate day);

    /** Denials of {@code pool} in (from, to]: those the last evaluation did not count. */
    @SqlQuery("SELECT COUNT(*) FROM denial WHERE tenant_id = :tenantId AND pool = :pool AND denied_at > :from "
            + "AND denied_at <= :to")
    int denialsBetween(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("from") Instant from,
                       @Bind("to") Instant to);

    @SqlQuery("SELECT MIN(denied_at) FROM denial WHERE tenant_id = :tenantId AND pool = :pool AND denied_at > :from "
            + "AND denied_at <= :to")
    Optional<Instant> firstDenialBetween(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool,
                                         @Bind("from") Instant from, @Bind("to") Instant to);
}
