package dev.licensebot.slack.oauth;

import com.slack.api.Slack;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2SuccessPersistenceCallback;
import com.slack.api.methods.MethodsClient;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.secrets.SecretBox;
import dev.licensebot.core.secrets.SecretsKeyCheck;
import dev.licensebot.core.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Everything the app distributed through OAuth keeps per workspace, in the database every node
 * shares: installations and states for Bolt, the install links, and the purge when a workspace
 * uninstalls the app or revokes its tokens.
 */
public final class SlackDistribution {

    /** What LICENSEBOT_SECRETS_KEY seals for Slack: the key check of {@code secrets_key_check}. */
    public static final String SECRETS_PURPOSE = "slack";
    public static final String UNINSTALLED = "SLACK_WORKSPACE_UNINSTALLED";
    private static final Logger LOG = LoggerFactory.getLogger(SlackDistribution.class);

    private final JdbcInstallationService installations;
    private final InstallLinkStates states;
    private final InstallLinks links;
    private final Tenants tenants;
    private final AuditLog audit;

    private SlackDistribution(JdbcInstallationService installations, InstallLinkStates states, InstallLinks links,
                              Tenants tenants, AuditLog audit) {
        this.installations = installations;
        this.states = states;
        this.links = links;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** Refuses, in one line, a key other than the one the stored tokens were sealed with. */
    public static SlackDistribution open(Jdbi jdbi, SecretBox box, Tenants tenants, AuditLog audit, Clock clock) {
        SecretsKeyCheck.verify(jdbi, box, SECRETS_PURPOSE);
        InstallLinks links = new InstallLinks(jdbi, box, tenants, audit, clock);
        return new SlackDistribution(new JdbcInstallationService(jdbi, box, clock),
                new InstallLinkStates(new JdbcOAuthStateService(jdbi, clock), links), links, tenants, audit);
    }

    public JdbcInstallationService installations() {
        return installations;
    }

    public InstallLinkStates states() {
        return states;
    }

    public InstallLinks links() {
        return links;
    }

    /** The Web API client of an installed workspace (or of its organization's org-wide install). */
    public MethodsClient client(Slack slack, String enterpriseId, String teamId) {
        Bot bot = installations.findBot(enterpriseId, teamId);
        if (bot == null || bot.getBotAccessToken() == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "workspace_not_installed",
                    "licensebot is not installed in this Slack workspace any more.");
        }
        return slack.methods(bot.getBotAccessToken(), teamId);
    }

    /**
     * Bolt's step after a successful install: the installation stored (sealed), then linked to
     * the tenant of the install link that opened its page; without one it stays unlinked.
     */
    public OAuthV2SuccessPersistenceCallback persistence() {
        return arguments -> {
            Installer installer = arguments.getInstaller();
            String state = arguments.getRequest().getPayload() == null ? null
                    : arguments.getRequest().getPayload().getState();
            try {
                installations.saveInstallerAndBot(installer);
            } catch (RuntimeException e) {
                LOG.error("Could not store the Slack installation of team {} (organization {})",
                        installer.getTeamId(), installer.getEnterpriseId(), e);
                page(arguments, 500, arguments.getPageRenderer().renderFailurePage(
                        arguments.getAppConfig().getOauthInstallRequestURI(), "storage_failed"));
                return;
            }
            Optional<String> tenant = links.complete(state, installer);
            LOG.info("Slack app installed in team {} (organization {}, org-wide {}): {}", installer.getTeamId(),
                    installer.getEnterpriseId(), installer.getIsEnterpriseInstall(),
                    tenant.map(id -> "linked to tenant " + id).orElse("not linked to any tenant (no install link)"));
            page(arguments, 200, arguments.getPageRenderer().renderSuccessPage(installer,
                    arguments.getAppConfig().getOauthCompletionUrl()));
        };
    }

    private static void page(OAuthV2SuccessPersistenceCallback.Arguments arguments, int status, String html) {
        arguments.getResponse().setStatusCode(status);
        arguments.getResponse().setContentType("text/html; charset=utf-8");
        arguments.getResponse().setBody(html);
    }

    /**
     * The app was uninstalled, or its tokens revoked: the workspace's (or org-wide install's)
     * tokens and its link to a tenant are deleted. Returns what was purged, for the caches to forget.
     */
    public String purge(String enterpriseId, String teamId, boolean orgWide) {
        String purged = orgWide ? enterpriseId : teamId;
        installations.deleteAll(enterpriseId, orgWide ? null : teamId);
        Optional<String> tenant = tenants.findBySlackTeam(purged).map(t -> t.id());
        tenants.unlinkSlackTeam(purged);
        tenant.ifPresent(id -> audit.record(new Actor(id, "Slack", Role.AGENT, Surface.SLACK), UNINSTALLED,
                (orgWide ? "Enterprise Grid organization " : "Slack workspace ") + purged
                        + " uninstalled licensebot or revoked its tokens: its tokens and link are deleted", "purged"));
        LOG.info("Slack {} {} uninstalled the app or revoked its tokens: tokens and link deleted",
                orgWide ? "organization" : "workspace", purged);
        return purged;
    }
}
