package dev.licensebot.core.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who may do what: granting roles, resolving chat users, and the permission check itself. */
public final class Operators {

    /** How long the role an actor was resolved with counts as read in the same request. */
    static final Duration JUST_RESOLVED = Duration.ofSeconds(1);

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final AuditLog audit;
    /**
     * The actors {@link #resolve} returned in the last {@link #JUST_RESOLVED}, by identity (weak keys
     * compare with ==): a chat request resolves its asker and then asks {@link #require}, which need
     * not read the role it was resolved with again (issue 7, B3). An actor kept longer (the console
     * keeps one for its whole session) or built elsewhere is read again, as before.
     */
    private final Cache<Actor, Boolean> justResolved;

    public Operators(Jdbi jdbi, Repositories repositories, Clock clock, AuditLog audit) {
        this(jdbi, repositories, clock, audit, Ticker.systemTicker());
    }

    /** {@code ticker} measures {@link #JUST_RESOLVED}: the system's, but in tests. */
    Operators(Jdbi jdbi, Repositories repositories, Clock clock, AuditLog audit, Ticker ticker) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.audit = audit;
        this.justResolved = Caffeine.newBuilder().weakKeys().expireAfterWrite(JUST_RESOLVED).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /** Gives an email a role in a tenant, replacing any earlier one; audited. */
    public void grant(Actor grantor, String email, Role role) {
        String normalized = normalize(email);
        jdbi.useTransaction(h -> {
            OperatorRepository repo = repositories.of(OperatorRepository.class);
            if (repo.updateRole(grantor.tenantId(), normalized, role, clock.instant()) == 0) {
                repo.insert(grantor.tenantId(), normalized, role, clock.instant());
            }
        });
        // A role changed here counts at once, even for an actor resolved a moment ago.
        justResolved.asMap().keySet().removeIf(a -> a.tenantId().equals(grantor.tenantId())
                && a.name().equals(normalized));
        audit.record(grantor, "ROLE_CHANGE", normalized + " is now " + role, "granted");
    }

    /**
     * The chat user with this email, as an actor of the tenant. Unknown people get a refusal
     * that says who can let them in.
     */
    public Actor resolve(String tenantId, String email, Surface surface) {
        String normalized = normalize(email);
        Role role = roleOf(tenantId, normalized).orElseThrow(() -> notAnOperator(tenantId, normalized));
        Actor actor = new Actor(tenantId, normalized, role, surface);
        justResolved.put(actor, Boolean.TRUE);
        return actor;
    }

    /**
     * Throws, and audits the attempt, unless the actor belongs to the tenant and its role allows the
     * action. People (in chat or at the console) are re-read from the database so a role lowered
     * since the request counts at confirm time; unless {@link #resolve} read it within
     * {@link #JUST_RESOLVED}, for this very actor.
     */
    public void require(Tenant tenant, Actor actor, Action action) {
        if (!tenant.id().equals(actor.tenantId())) {
            // An adapter mixed up tenants: never act across them, whatever was passed in.
            throw new Refusal(Refusal.Kind.NOT_PERMITTED, "not_permitted",
                    "You can only see and manage the account you belong to.");
        }
        Actor current = refreshed(actor);
        if (!current.may(action)) {
            audit.record(current, action.name(), "asked to " + action.description(), "refused: role " + current.role());
            throw new Refusal(Refusal.Kind.NOT_PERMITTED, "not_permitted",
                    "Only " + action.lowestRole().withArticle() + " or higher can " + action.description()
                            + "; you are " + current.role().withArticle() + "."
                            + whoCanGrant(actor.tenantId(), current.name()));
        }
    }

    private Actor refreshed(Actor actor) {
        if (actor.isSystem() || justResolved.getIfPresent(actor) != null) {
            return actor;
        }
        Role role = roleOf(actor.tenantId(), actor.name())
                .orElseThrow(() -> notAnOperator(actor.tenantId(), actor.name()));
        return new Actor(actor.tenantId(), actor.name(), role, actor.surface());
    }

    /** On every chat request, so through the once-attached repository (issue 7, B3). */
    private Optional<Role> roleOf(String tenantId, String email) {
        return jdbi.withHandle(h -> repositories.of(OperatorRepository.class).findRole(tenantId, email));
    }

    private Refusal notAnOperator(String tenantId, String asker) {
        return new Refusal(Refusal.Kind.NOT_PERMITTED, "not_an_operator",
                "Sorry, you do not have access to licensebot for this account." + whoCanGrant(tenantId, asker));
    }

    /** Whom to ask, said once here for every surface; never the asker themself. */
    private String whoCanGrant(String tenantId, String asker) {
        List<String> admins = repositories.with(OperatorRepository.class, r -> r.adminsOtherThan(tenantId, asker));
        return admins.isEmpty()
                ? " An operator with shell access can grant it with `licensebot.jar operator grant`."
                : " Ask " + String.join(" or ", admins) + " to grant you access.";
    }

    static String normalize(String email) {
        if (email == null || !email.contains("@") || email.length() > 254) {
            throw Refusal.invalid("email", "That does not look like an email address.");
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
