package dev.licensebot.core.confirm;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.time.TenantTime;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Creates and redeems confirmations. Redeeming is one conditional update, so double clicks, retries
 * and two nodes racing all end with exactly one winner; everyone else is told why nothing happened.
 */
public final class Confirmations {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String CONFIRMED = "confirmed";
    static final String CANCELLED = "cancelled";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;

    public Confirmations(Jdbi jdbi, Repositories repositories, Clock clock) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
    }

    public Confirmation createTermination(Actor actor, List<String> sessionIds) {
        return create(actor, ConfirmAction.TERMINATE, sessionIds, null, null, null);
    }

    public Confirmation createReplenishment(Actor actor, Pool pool, int delta, String reason) {
        return create(actor, ConfirmAction.REPLENISH, List.of(), pool, delta, reason);
    }

    private Confirmation create(Actor actor, ConfirmAction action, List<String> sessionIds, Pool pool, Integer delta,
                                String reason) {
        Instant now = clock.instant();
        Confirmation confirmation = new Confirmation(newId(), actor.tenantId(), actor.name(), action, sessionIds, pool,
                delta, reason, now, now.plus(LIFETIME));
        jdbi.useTransaction(h -> {
            ConfirmationRepository repo = repositories.of(ConfirmationRepository.class);
            repo.insert(confirmation);
            if (!sessionIds.isEmpty()) {
                repo.insertSessions(confirmation.id(), sessionIds,
                        IntStream.range(0, sessionIds.size()).boxed().toList());
            }
        });
        return confirmation;
    }

    /**
     * Uses the confirmation up for {@code actor}, or refuses saying why nothing happened. Runs in
     * the transaction open on this thread, so the action it confirms commits, or rolls back, with it.
     */
    public Confirmation redeem(Actor actor, String confirmationId, ConfirmAction expected, ZoneId zone) {
        return use(actor, confirmationId, expected, zone, CONFIRMED);
    }

    /** Cancelling also uses it up: a later Confirm on the same message does nothing. */
    public Confirmation cancel(Actor actor, String confirmationId, ConfirmAction action, ZoneId zone) {
        return jdbi.inTransaction(h -> use(actor, confirmationId, action, zone, CANCELLED));
    }

    /** Which action a confirmation of {@code tenantId} waits for, so one Confirm button serves both. */
    public ConfirmAction actionOf(String tenantId, String confirmationId) {
        return repositories.with(ConfirmationRepository.class, repo -> repo.find(tenantId,
                        confirmationId == null ? "" : confirmationId))
                .map(stored -> stored.confirmation(List.of()).action())
                .orElseThrow(Confirmations::unknown);
    }

    private static Refusal unknown() {
        return Refusal.notFound("confirmation", "That confirmation does not exist; nothing was done.");
    }

    /** Adds what the action did, for the record. */
    public void recordOutcome(String confirmationId, String outcome) {
        repositories.of(ConfirmationRepository.class).recordOutcome(confirmationId, cut(outcome));
    }

    private Confirmation use(Actor actor, String id, ConfirmAction expected, ZoneId zone, String outcome) {
        Instant now = clock.instant();
        ConfirmationRepository repo = repositories.of(ConfirmationRepository.class);
        ConfirmationRepository.StoredConfirmation stored = repo.find(actor.tenantId(), id == null ? "" : id)
                .filter(c -> expected == null || c.action() == expected)
                .orElseThrow(Confirmations::unknown);
        if (repo.use(actor.tenantId(), id, actor.name(), actor.surface(), now, outcome) == 1) {
            return stored.confirmation(repo.sessionIds(id));
        }
        // Read again: what was read above may predate a simultaneous press that won the update.
        throw whyNot(repo.findCommitted(actor.tenantId(), id).orElse(stored), actor, now, zone);
    }

    private static Refusal whyNot(ConfirmationRepository.StoredConfirmation stored, Actor actor, Instant now,
                                  ZoneId zone) {
        if (!stored.requestedBy().equals(actor.name())) {
            return new Refusal(Refusal.Kind.NOT_PERMITTED, "confirmation_not_yours",
                    "Only " + stored.requestedBy() + ", who asked for this, can confirm or cancel it. Nothing was done.");
        }
        if (stored.usedAt() != null) {
            String what = stored.outcome() != null && stored.outcome().startsWith(CANCELLED) ? "cancelled" : "confirmed";
            String by = stored.usedBy() == null ? "" : " by " + stored.usedBy();
            String via = stored.usedVia() == null ? "" : " " + stored.usedVia().where();
            return new Refusal(Refusal.Kind.CONFLICT, "confirmation_used", "This was already " + what + by + via
                    + " at " + TenantTime.timeWithZone(stored.usedAt(), zone) + ". Nothing more was done.");
        }
        return new Refusal(Refusal.Kind.GONE, "confirmation_expired", "This confirmation expired at "
                + TenantTime.timeWithZone(stored.expiresAt(), zone) + ". Nothing was done; ask again if still needed.");
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "c-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
