package dev.licensebot.core.alerts;

import dev.licensebot.core.access.Surface;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** The places a tenant's alerts go to. */
@RegisterRowMapper(SubscriptionRepository.Mapper.class)
public interface SubscriptionRepository {

    String COLUMNS = "id, tenant_id, surface, workspace, channel, channel_name, created_by, created_at, disabled_at, "
            + "disabled_reason, digest_day, digest_minute, digest_sent_for, digest_asked_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM alert_subscription WHERE tenant_id = :tenantId ORDER BY created_at, id")
    List<Subscription> ofTenant(@Bind("tenantId") String tenantId);

    @SqlQuery("SELECT " + COLUMNS + " FROM alert_subscription WHERE id = :id")
    Optional<Subscription> find(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM alert_subscription WHERE tenant_id = :tenantId AND surface = :surface "
            + "AND channel = :channel")
    Optional<Subscription> at(@Bind("tenantId") String tenantId, @Bind("surface") Surface surface,
                              @Bind("channel") String channel);

    /** The tenants with a subscription that is on: the only ones the alert watch evaluates. */
    @SqlQuery("SELECT DISTINCT tenant_id FROM alert_subscription WHERE disabled_at IS NULL")
    List<String> watchedTenants();

    @SqlUpdate("INSERT INTO alert_subscription (" + COLUMNS + ") VALUES (:id, :tenantId, :surface, :workspace, "
            + ":channel, :name, :by, :at, NULL, NULL, :day, :minute, NULL, NULL)")
    void insert(@Bind("id") String id, @Bind("tenantId") String tenantId, @Bind("surface") Surface surface,
                @Bind("workspace") String workspace, @Bind("channel") String channel, @Bind("name") String name,
                @Bind("by") String by, @Bind("at") Instant at, @Bind("day") String day, @Bind("minute") int minute);

    /** On again where it was turned off by the platform; the name may have changed. */
    @SqlUpdate("UPDATE alert_subscription SET disabled_at = NULL, disabled_reason = NULL, channel_name = :name "
            + "WHERE id = :id")
    void enable(@Bind("id") String id, @Bind("name") String name);

    @SqlUpdate("UPDATE alert_subscription SET disabled_at = :at, disabled_reason = :reason "
            + "WHERE id = :id AND disabled_at IS NULL")
    int disable(@Bind("id") String id, @Bind("at") Instant at, @Bind("reason") String reason);

    @SqlUpdate("UPDATE alert_subscription SET digest_day = :day, digest_minute = :minute WHERE id = :id")
    void schedule(@Bind("id") String id, @Bind("day") String day, @Bind("minute") int minute);

    /** Claims the digest of {@code day} for this node: 1 when no node sent it yet. */
    @SqlUpdate("UPDATE alert_subscription SET digest_sent_for = :day WHERE id = :id "
            + "AND (digest_sent_for IS NULL OR digest_sent_for < :day)")
    int claimDigest(@Bind("id") String id, @Bind("day") LocalDate day);

    /** Every place that is on, for the digest's schedule: one row each, read once a round. */
    @SqlQuery("SELECT " + COLUMNS + " FROM alert_subscription WHERE disabled_at IS NULL")
    List<Subscription> enabled();

    /** A digest now for every place of the tenant that is on; the number of places. */
    @SqlUpdate("UPDATE alert_subscription SET digest_asked_at = :now WHERE tenant_id = :tenantId "
            + "AND disabled_at IS NULL")
    int askDigest(@Bind("tenantId") String tenantId, @Bind("now") Instant now);

    /** Claims an asked-for digest for this node: 1 when no node took it yet. */
    @SqlUpdate("UPDATE alert_subscription SET digest_asked_at = NULL WHERE id = :id AND digest_asked_at IS NOT NULL")
    int claimAskedDigest(@Bind("id") String id);

    /** Places of the tenant whose asked-for digest no node has taken yet. */
    @SqlQuery("SELECT COUNT(*) FROM alert_subscription WHERE tenant_id = :tenantId AND digest_asked_at IS NOT NULL")
    int digestsAsked(@Bind("tenantId") String tenantId);

    /** The scheduled digest of {@code day} was not sent after all: the next round tries again. */
    @SqlUpdate("UPDATE alert_subscription SET digest_sent_for = :before WHERE id = :id AND digest_sent_for = :day")
    int unclaimDigest(@Bind("id") String id, @Bind("day") LocalDate day, @Bind("before") LocalDate before);

    @SqlUpdate("DELETE FROM alert_delivery WHERE subscription_id = :id")
    void deleteDeliveries(@Bind("id") String id);

    @SqlUpdate("DELETE FROM alert_subscription WHERE id = :id")
    int delete(@Bind("id") String id);

    final class Mapper implements RowMapper<Subscription> {

        @Override
        public Subscription map(ResultSet rs, StatementContext ctx) throws SQLException {
            AlertPlace place = new AlertPlace(Surface.valueOf(rs.getString("surface")), rs.getString("workspace"),
                    rs.getString("channel"), rs.getString("channel_name"));
            int minute = rs.getInt("digest_minute");
            java.sql.Date sent = rs.getDate("digest_sent_for");
            return new Subscription(rs.getString("id"), rs.getString("tenant_id"), place, rs.getString("created_by"),
                    instant(rs, "created_at", ctx), instant(rs, "disabled_at", ctx), rs.getString("disabled_reason"),
                    DayOfWeek.valueOf(rs.getString("digest_day")), LocalTime.of(minute / 60, minute % 60),
                    sent == null ? null : sent.toLocalDate(), instant(rs, "digest_asked_at", ctx));
        }

        private static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
            return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
        }
    }
}
