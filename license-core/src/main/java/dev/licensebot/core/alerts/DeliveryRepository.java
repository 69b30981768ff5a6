package dev.licensebot.core.alerts;

import dev.licensebot.core.access.Surface;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The deliveries of incidents to subscriptions, and their leases. A node claims a delivery before
 * it posts, for a lease of its own length; posting happens outside any transaction, and a node that
 * dies holding a claim simply lets it run out, after which any node takes the delivery over.
 */
@RegisterConstructorMapper(Delivery.class)
public interface DeliveryRepository {

    String COLUMNS = "d.incident_id, d.subscription_id, d.tenant_id, d.surface, d.message_ref, d.delivered_version, "
            + "d.attempts";

    /** A delivery for every subscription of the incident's tenant that is on and has none yet. */
    @SqlUpdate("INSERT INTO alert_delivery (incident_id, subscription_id, tenant_id, surface, message_ref, "
            + "delivered_version, attempts, next_attempt_at) SELECT :incidentId, s.id, s.tenant_id, s.surface, NULL, "
            + "0, 0, :now FROM alert_subscription s WHERE s.tenant_id = :tenantId AND s.disabled_at IS NULL "
            + "AND NOT EXISTS (SELECT 1 FROM alert_delivery d WHERE d.incident_id = :incidentId "
            + "AND d.subscription_id = s.id)")
    int addForSubscriptions(@Bind("incidentId") String incidentId, @Bind("tenantId") String tenantId,
                            @Bind("now") Instant now);

    /**
     * Deliveries behind their incident, due, not claimed by a live lease, on the surfaces this node
     * can post to. A snoozed incident's message waits for the snooze to end, except for the change
     * that says it is snoozed.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM alert_delivery d JOIN alert_incident i ON i.id = d.incident_id "
            + "WHERE d.abandoned_at IS NULL AND d.next_attempt_at <= :now AND d.surface IN (<surfaces>) "
            + "AND d.delivered_version < i.version "
            + "AND (d.claimed_until IS NULL OR d.claimed_until < :now) "
            + "AND (i.snoozed_until IS NULL OR i.snoozed_until <= :now OR d.delivered_version < i.snooze_version) "
            + "ORDER BY d.next_attempt_at LIMIT :limit")
    List<Delivery> due(@Bind("now") Instant now, @BindList("surfaces") Collection<Surface> surfaces,
                       @Bind("limit") int limit);

    /** 1 when this node now holds the delivery until {@code until}. */
    @SqlUpdate("UPDATE alert_delivery SET claimed_by = :node, claimed_until = :until WHERE incident_id = :incidentId "
            + "AND subscription_id = :subscriptionId AND abandoned_at IS NULL "
            + "AND (claimed_until IS NULL OR claimed_until < :now)")
    int claim(@Bind("incidentId") String incidentId, @Bind("subscriptionId") String subscriptionId,
              @Bind("node") String node, @Bind("now") Instant now, @Bind("until") Instant until);

    @SqlQuery("SELECT " + COLUMNS + " FROM alert_delivery d WHERE d.incident_id = :incidentId "
            + "AND d.subscription_id = :subscriptionId")
    Optional<Delivery> find(@Bind("incidentId") String incidentId, @Bind("subscriptionId") String subscriptionId);

    /** Posted or updated at {@code version}: the claim ends. Only the holder of the claim may say so. */
    @SqlUpdate("UPDATE alert_delivery SET message_ref = :ref, delivered_version = :version, attempts = 0, "
            + "last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE incident_id = :incidentId "
            + "AND subscription_id = :subscriptionId AND claimed_by = :node")
    int delivered(@Bind("incidentId") String incidentId, @Bind("subscriptionId") String subscriptionId,
                  @Bind("node") String node, @Bind("ref") String ref, @Bind("version") long version);

    /** Not delivered this time: tried again at {@code next}. */
    @SqlUpdate("UPDATE alert_delivery SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error, "
            + "claimed_by = NULL, claimed_until = NULL WHERE incident_id = :incidentId "
            + "AND subscription_id = :subscriptionId AND claimed_by = :node")
    int retryAt(@Bind("incidentId") String incidentId, @Bind("subscriptionId") String subscriptionId,
                @Bind("node") String node, @Bind("next") Instant next, @Bind("error") String error);

    /** Given up on: said in the audit log and in "alerts", never retried. */
    @SqlUpdate("UPDATE alert_delivery SET abandoned_at = :now, last_error = :error, claimed_by = NULL, "
            + "claimed_until = NULL WHERE incident_id = :incidentId AND subscription_id = :subscriptionId")
    int abandon(@Bind("incidentId") String incidentId, @Bind("subscriptionId") String subscriptionId,
                @Bind("now") Instant now, @Bind("error") String error);

    /** The newest reason a subscription's message could not be delivered, if its latest attempt failed. */
    @SqlQuery("SELECT d.last_error FROM alert_delivery d JOIN alert_incident i ON i.id = d.incident_id "
            + "WHERE d.subscription_id = :subscriptionId AND d.last_error IS NOT NULL ORDER BY i.started_at DESC "
            + "LIMIT 1")
    Optional<String> lastError(@Bind("subscriptionId") String subscriptionId);
}
