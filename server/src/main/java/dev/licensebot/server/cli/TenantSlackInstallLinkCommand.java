package dev.licensebot.server.cli;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.secrets.SecretBox;
import dev.licensebot.core.secrets.SecretsKeyCheck;
import dev.licensebot.server.slack.SlackOAuthMount;
import dev.licensebot.slack.oauth.SlackDistribution;
import dev.licensebot.slack.oauth.InstallLinks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Prints a signed, single-use, expiring link that installs the Slack app for one tenant: the only
 * way an installation through OAuth gets a tenant's data (docs/slack.md, "Install in many workspaces").
 */
@Command(name = "slack-install-link",
        description = {"Print a link that installs the Slack app into a workspace for this tenant.",
                "The link is signed, works once and expires; the workspace (or Enterprise Grid",
                "organization) installed through it is linked to the tenant. Needs PUBLIC_URL and",
                "LICENSEBOT_SECRETS_KEY as the server has them."})
final class TenantSlackInstallLinkCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "The tenant's id.")
    String tenantId;

    @Option(names = "--valid-for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the link can be used: 30m, 12h, 48h (default 168h, 7 days).")
    Duration validFor;

    TenantSlackInstallLinkCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String publicUrl = context.env().getOrDefault("PUBLIC_URL", "").strip();
        if (!publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
            throw Refusal.invalid("PUBLIC_URL", "PUBLIC_URL must be set to the server's address (such as "
                    + "https://licensebot.example.com) to make an install link.");
        }
        SecretBox box;
        try {
            box = SecretBox.ofBase64Key(context.env().get("LICENSEBOT_SECRETS_KEY"));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(SecretBox.KEY_VARIABLE, e.getMessage());
        }
        Duration lifetime = validFor == null ? InstallLinks.DEFAULT_LIFETIME : validFor;
        String token;
        try (CliContext.OpenCore open = context.openCore()) {
            try {
                SecretsKeyCheck.verify(open.database().jdbi(), box, SlackDistribution.SECRETS_PURPOSE);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(SecretBox.KEY_VARIABLE, e.getMessage());
            }
            token = new InstallLinks(open.database().jdbi(), box, open.core().tenants(), open.core().audit(),
                    context.clock()).create(tenantId, lifetime);
        }
        context.out().println(SlackOAuthMount.installUrl(publicUrl, token));
        return Cli.OK;
    }
}
