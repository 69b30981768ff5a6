package dev.licensebot.core.alerts;

import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.digest.Digests;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * Sends the weekly digest to every place that is on, at its day and time in the tenant's zone, and
 * whenever someone asks for it now. Each send is claimed in the database first, so however many
 * nodes run the rounds, a place gets each digest once. A platform that fails is tried again at
 * later rounds for {@link #RETRY_FOR}; then the digest is given up, audited.
 */
public final class DigestSending {

    private static final Logger LOG = LoggerFactory.getLogger(DigestSending.class);

    static final Duration RETRY_FOR = Duration.ofHours(6);

    private final Repositories repositories;
    private final Tenants tenants;
    private final Digests digests;
    private final AlertDeliveries deliveries;
    private final AuditLog audit;
    private final Clock clock;

    public DigestSending(Repositories repositories, Tenants tenants, Digests digests, AlertDeliveries deliveries,
                         AuditLog audit, Clock clock) {
        this.repositories = repositories;
        this.tenants = tenants;
        this.digests = digests;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    /** Asks whichever node runs the next round to send the tenant's digest now; the number of places. */
    public int ask(Tenant tenant) {
        return repositories.with(SubscriptionRepository.class, r -> r.askDigest(tenant.id(), clock.instant()));
    }

    /** Places of the tenant still waiting for the digest someone asked for. */
    public int waiting(Tenant tenant) {
        return repositories.with(SubscriptionRepository.class, r -> r.digestsAsked(tenant.id()));
    }

    /** One round: every digest due on the surfaces this node posts to; the number sent. */
    public int sendDue() {
        Instant now = clock.instant();
        List<Subscription> places = repositories.with(SubscriptionRepository.class, SubscriptionRepository::enabled);
        int sent = 0;
        for (Subscription place : places) {
            Optional<AlertPoster> poster = deliveries.poster(place.place().surface());
            if (poster.isPresent()) {
                sent += sendIfDue(place, poster.get(), now) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean sendIfDue(Subscription place, AlertPoster poster, Instant now) {
        Tenant tenant = tenants.require(place.tenantId());
        if (place.digestAskedAt() != null && claim(r -> r.claimAskedDigest(place.id()))) {
            return send(tenant, place, poster, now, null);
        }
        ZonedDateTime slot = lastSlot(place, tenant, now);
        LocalDate day = slot.toLocalDate();
        boolean due = slot.toInstant().isAfter(place.createdAt())
                && (place.digestSentFor() == null || place.digestSentFor().isBefore(day));
        return due && claim(r -> r.claimDigest(place.id(), day)) && send(tenant, place, poster, now, slot);
    }

    /** The latest time, at or before {@code now}, that the place's weekly digest was due. */
    static ZonedDateTime lastSlot(Subscription place, Tenant tenant, Instant now) {
        ZonedDateTime local = now.atZone(tenant.zone());
        ZonedDateTime slot = local.with(TemporalAdjusters.previousOrSame(place.digestDay()))
                .with(place.digestTime());
        return slot.isAfter(local) ? slot.minusWeeks(1) : slot;
    }

    private boolean claim(java.util.function.ToIntFunction<SubscriptionRepository> update) {
        return repositories.with(SubscriptionRepository.class, update::applyAsInt) == 1;
    }

    private boolean send(Tenant tenant, Subscription place, AlertPoster poster, Instant now, ZonedDateTime slot) {
        Digest digest = digests.weeklyFor(tenant, now);
        DeliveryOutcome outcome;
        try {
            outcome = poster.postDigest(place.place(), digest);
        } catch (RuntimeException e) {
            LOG.warn("Posting the weekly digest to {} failed", place.place().shown(), e);
            outcome = new DeliveryOutcome.Failed("the chat platform could not be reached");
        }
        if (outcome instanceof DeliveryOutcome.Delivered) {
            return true;
        }
        if (outcome instanceof DeliveryOutcome.Gone gone) {
            deliveries.turnOff(place, gone.reason(), now);
            return false;
        }
        String reason = outcome instanceof DeliveryOutcome.RetryAfter later ? later.reason()
                : ((DeliveryOutcome.Failed) outcome).reason();
        if (slot != null && now.isBefore(slot.toInstant().plus(RETRY_FOR))) {
            repositories.with(SubscriptionRepository.class, r -> r.unclaimDigest(place.id(), slot.toLocalDate(),
                    place.digestSentFor()));
        } else {
            LOG.error("Gave up sending the weekly digest of tenant {} to {}: {}", place.tenantId(),
                    place.place().shown(), reason);
            audit.record(AlertDeliveries.bot(place), "DIGEST_UNDELIVERED", "weekly digest in " + place.place().shown(),
                    "given up: " + reason);
        }
        return false;
    }
}
