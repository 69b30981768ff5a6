package dev.licensebot.core.alerts;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts and updates incidents' messages. Each delivery is claimed first (a lease in the database),
 * so however many nodes run this, one message is posted per incident and place, and every later
 * change updates that message. A platform that asks to slow down is tried again when it says; any
 * other failure backs off; after {@link #MAX_ATTEMPTS} the delivery is given up, audited, and shown
 * by "alerts" — never dropped silently, never retried forever. A place the bot was removed from
 * turns its subscription off, audited.
 */
public final class AlertDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDeliveries.class);

    /** Longer than any platform call takes; a node that dies holding a claim blocks it this long at most. */
    static final Duration CLAIM = Duration.ofSeconds(30);
    static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final int BATCH = 50;
    /** A round's bound: what is left is due at the next round. */
    private static final int MAX_BATCHES = 20;

    private final Repositories repositories;
    private final Tenants tenants;
    private final AuditLog audit;
    private final Clock clock;
    private final String node;
    private final Map<Surface, AlertPoster> posters = new EnumMap<>(Surface.class);

    public AlertDeliveries(Repositories repositories, Tenants tenants, AuditLog audit, Clock clock, String node) {
        this.repositories = repositories;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
        this.node = node;
    }

    /** Set at start-up by the server's wiring, before the first round. */
    public synchronized void register(Surface surface, AlertPoster poster) {
        posters.put(surface, poster);
    }

    synchronized Optional<AlertPoster> poster(Surface surface) {
        return Optional.ofNullable(posters.get(surface));
    }

    /** Delivers what is due on the surfaces this node can post to; the number delivered. */
    public int deliverDue() {
        Map<Surface, AlertPoster> mine;
        synchronized (this) {
            mine = Map.copyOf(posters);
        }
        if (mine.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int delivered = 0;
        // Batch after batch until nothing is due: each delivery tried leaves the due set (delivered,
        // claimed, or put off until later), so places that keep failing never hold the others back.
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Delivery> due = repositories.with(DeliveryRepository.class, r -> r.due(now, mine.keySet(), BATCH));
            for (Delivery delivery : due) {
                if (claim(delivery, now)) {
                    delivered += deliver(delivery, mine.get(delivery.surface())) ? 1 : 0;
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return delivered;
    }

    private boolean claim(Delivery delivery, Instant now) {
        return repositories.with(DeliveryRepository.class, r -> r.claim(delivery.incidentId(),
                delivery.subscriptionId(), node, now, now.plus(CLAIM))) == 1;
    }

    private boolean deliver(Delivery claimed, AlertPoster poster) {
        Optional<Delivery> delivery = repositories.with(DeliveryRepository.class,
                r -> r.find(claimed.incidentId(), claimed.subscriptionId()));
        Optional<Incident> incident = repositories.with(IncidentRepository.class, r -> r.byId(claimed.incidentId()));
        Optional<Subscription> subscription = repositories.with(SubscriptionRepository.class,
                r -> r.find(claimed.subscriptionId()));
        if (delivery.isEmpty() || incident.isEmpty() || subscription.isEmpty() || !subscription.get().enabled()) {
            abandon(claimed, "alerts are off in this place");
            return false;
        }
        Tenant tenant = tenants.require(incident.get().tenantId());
        IncidentNotice notice = IncidentNotice.of(incident.get(), tenant.zone(), clock.instant());
        AlertPlace place = subscription.get().place();
        String ref = delivery.get().messageRef();
        DeliveryOutcome outcome = attempt(poster, place, ref, notice);
        return settle(delivery.get(), subscription.get(), notice, outcome);
    }

    private static DeliveryOutcome attempt(AlertPoster poster, AlertPlace place, String ref, IncidentNotice notice) {
        try {
            return ref == null ? poster.post(place, notice) : poster.update(place, ref, notice);
        } catch (RuntimeException e) {
            LOG.warn("Posting an alert to {} failed", place.shown(), e);
            return new DeliveryOutcome.Failed("the chat platform could not be reached");
        }
    }

    private boolean settle(Delivery delivery, Subscription subscription, IncidentNotice notice,
                           DeliveryOutcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof DeliveryOutcome.Delivered done) {
            String ref = done.messageRef() != null ? done.messageRef() : delivery.messageRef();
            repositories.with(DeliveryRepository.class, r -> r.delivered(delivery.incidentId(),
                    delivery.subscriptionId(), node, ref, notice.version()));
            return true;
        }
        if (outcome instanceof DeliveryOutcome.Gone gone) {
            turnOff(subscription, gone.reason(), now);
            abandon(delivery, gone.reason());
            return false;
        }
        Duration wait;
        String reason;
        if (outcome instanceof DeliveryOutcome.RetryAfter later) {
            wait = later.after();
            reason = later.reason();
        } else {
            wait = backoff(delivery.attempts());
            reason = ((DeliveryOutcome.Failed) outcome).reason();
        }
        if (delivery.attempts() + 1 >= MAX_ATTEMPTS) {
            giveUp(delivery, subscription, reason);
        } else {
            repositories.with(DeliveryRepository.class, r -> r.retryAt(delivery.incidentId(),
                    delivery.subscriptionId(), node, now.plus(wait), reason));
        }
        return false;
    }

    static Duration backoff(int attempts) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts, 16));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    void turnOff(Subscription subscription, String reason, Instant now) {
        int changed = repositories.with(SubscriptionRepository.class, r -> r.disable(subscription.id(), now, reason));
        if (changed == 1) {
            audit.record(bot(subscription), "ALERTS_OFF", "alerts in " + subscription.place().shown(),
                    "turned off: " + reason);
        }
    }

    private void giveUp(Delivery delivery, Subscription subscription, String reason) {
        abandon(delivery, reason);
        LOG.error("Gave up posting an alert of tenant {} to {} after {} attempts: {}", subscription.tenantId(),
                subscription.place().shown(), MAX_ATTEMPTS, reason);
        audit.record(bot(subscription), "ALERT_UNDELIVERED", "alert in " + subscription.place().shown(),
                "given up after " + MAX_ATTEMPTS + " attempts: " + reason);
    }

    private void abandon(Delivery delivery, String reason) {
        repositories.with(DeliveryRepository.class, r -> r.abandon(delivery.incidentId(), delivery.subscriptionId(),
                clock.instant(), reason));
    }

    /** The bot itself, as the audit log names it. */
    static Actor bot(Subscription subscription) {
        return new Actor(subscription.tenantId(), "licensebot", Role.ADVANCED_ADMIN, subscription.place().surface());
    }
}
