package dev.licensebot.core.access;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who may do what: granting roles, resolving chat users, and the permission check itself. */
public final class Operators {

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final AuditLog audit;

    public Operators(Jdbi jdbi, Repositories repositories, Clock clock, AuditLog audit) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.audit = audit;
    }

    /** Gives an email a role in a tenant, replacing any earlier one; audited. */
    public void grant(Actor grantor, String email, Role role) {
        String normalized = normalize(email);
        jdbi.useTransaction(h -> {
            OperatorRepository repo = h.attach(OperatorRepository.class);
            if (repo.updateRole(grantor.tenantId(), normalized, role, clock.instant()) == 0) {
                repo.insert(grantor.tenantId(), normalized, role, clock.instant());
            }
        });
        audit.record(grantor, "ROLE_CHANGE", normalized + " is now " + role, "granted");
    }

    /**
     * The chat user with this email, as an actor of the tenant. Unknown people get a refusal
     * that says who can let them in.
     */
    public Actor resolve(String tenantId, String email, Surface surface) {
        String normalized = normalize(email);
        Role role = roleOf(tenantId, normalized).orElseThrow(() -> notAnOperator(tenantId));
        return new Actor(tenantId, normalized, role, surface);
    }

    /**
     * Throws, and audits the attempt, unless the actor belongs to the tenant and its role allows the
     * action. People (in chat or at the console) are re-read from the database so a role lowered
     * since the request counts at confirm time.
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
                            + "; you are " + current.role().withArticle() + "." + whoCanGrant(actor.tenantId()));
        }
    }

    private Actor refreshed(Actor actor) {
        if (actor.isSystem()) {
            return actor;
        }
        Role role = roleOf(actor.tenantId(), actor.name()).orElseThrow(() -> notAnOperator(actor.tenantId()));
        return new Actor(actor.tenantId(), actor.name(), role, actor.surface());
    }

    /** Twice on every chat request, so through the once-attached repository (issue 7, B3). */
    private Optional<Role> roleOf(String tenantId, String email) {
        return jdbi.withHandle(h -> repositories.of(OperatorRepository.class).findRole(tenantId, email));
    }

    private Refusal notAnOperator(String tenantId) {
        return new Refusal(Refusal.Kind.NOT_PERMITTED, "not_an_operator",
                "Sorry, you do not have access to licensebot for this account." + whoCanGrant(tenantId));
    }

    private String whoCanGrant(String tenantId) {
        List<String> admins = jdbi.withExtension(OperatorRepository.class, r -> r.admins(tenantId));
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
