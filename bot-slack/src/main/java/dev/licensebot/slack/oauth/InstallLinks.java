package dev.licensebot.slack.oauth;

import com.slack.api.bolt.model.Installer;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.secrets.SecretBox;
import dev.licensebot.core.secrets.SignedTokens;
import dev.licensebot.core.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Install links: the only way an installation gets a tenant's data. An operator makes one for a
 * tenant ({@code licensebot tenant slack-install-link}); it is signed (a changed or made-up link
 * is refused without a database read), expires, and links exactly one installation: the one
 * completed through the install page it opened ({@link #bind}, then {@link #complete}).
 */
public final class InstallLinks {

    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    /** The query parameter of /slack/install that carries the link. */
    public static final String PARAMETER = "link";
    public static final String LINKED = "SLACK_WORKSPACE_LINKED";
    public static final String CREATED = "SLACK_INSTALL_LINK_CREATED";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final SignedTokens signed;
    private final Tenants tenants;
    private final AuditLog audit;
    private final Clock clock;

    public InstallLinks(Jdbi jdbi, SecretBox box, Tenants tenants, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.repositories = new Repositories(jdbi);
        this.signed = new SignedTokens(box.derivedKey("slack install link"));
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new link's token for {@code tenantId} (refused when there is no such tenant), audited. */
    public String create(String tenantId, Duration lifetime) {
        String tenant = tenants.require(tenantId).id();
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        repositories.with(InstallLinkRepository.class, repo -> {
            repo.insert(id, tenant, now, expires);
            return null;
        });
        audit.record(Actor.cli(tenant), CREATED, "Slack install link " + id.substring(0, 6) + "… valid until "
                + expires, "created");
        return signed.sign(id + "." + expires.getEpochSecond());
    }

    /** The link's id when the token is one of ours, unexpired and unused; empty for anything else. */
    public Optional<String> usable(String token) {
        Optional<String> payload = signed.verify(token);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        int dot = payload.get().lastIndexOf('.');
        String id = payload.get().substring(0, dot);
        long expires;
        try {
            expires = Long.parseLong(payload.get().substring(dot + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!Instant.ofEpochSecond(expires).isAfter(now)) {
            return Optional.empty();
        }
        return repositories.with(InstallLinkRepository.class, repo -> repo.countUsable(id, now)) == 1
                ? Optional.of(id) : Optional.empty();
    }

    /** The install page the link opened: its OAuth state is how the callback finds the link. */
    public void bind(String linkId, String state) {
        repositories.with(InstallLinkRepository.class, repo -> repo.bindState(linkId, state));
    }

    /**
     * Links the installation completed with {@code state} to the tenant of the link that opened
     * its install page, and uses the link up; empty (the installation stays unlinked) when no usable
     * link opened it. An org-wide install links its Enterprise Grid organization.
     */
    public Optional<String> complete(String state, Installer installer) {
        if (state == null) {
            return Optional.empty();
        }
        String target = Boolean.TRUE.equals(installer.getIsEnterpriseInstall()) ? installer.getEnterpriseId()
                : installer.getTeamId();
        Instant now = clock.instant();
        Optional<String> tenant = jdbi.inTransaction(h -> {
            InstallLinkRepository repo = repositories.of(InstallLinkRepository.class);
            Optional<String> id = repo.usableByState(state, now);
            if (id.isEmpty() || target == null || repo.markUsed(id.get(), now, target) != 1) {
                return Optional.empty();
            }
            return Optional.of(repo.tenantOf(id.get()));
        });
        tenant.ifPresent(id -> {
            tenants.linkSlackTeam(id, target);
            String what = Boolean.TRUE.equals(installer.getIsEnterpriseInstall())
                    ? "Enterprise Grid organization " + target : "Slack workspace " + target;
            audit.record(new Actor(id, "Slack user " + installer.getInstallerUserId(), Role.AGENT, Surface.SLACK),
                    LINKED, what + " installed licensebot through an install link", "linked");
        });
        return tenant;
    }
}
