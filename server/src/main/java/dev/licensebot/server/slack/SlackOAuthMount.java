package dev.licensebot.server.slack;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.slack.SlackBot;
import dev.licensebot.slack.SlackStartupException;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.slack.oauth.InstallLinks;
import dev.licensebot.slack.oauth.SlackDistribution;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The Slack app distributed through OAuth v2 (issue 23): Bolt's install page and redirect on the
 * server, and the install links that bind an installation to a tenant.
 */
public final class SlackOAuthMount {

    public static final String INSTALL_PATH = "/slack/install";
    public static final String CALLBACK_PATH = "/slack/oauth/callback";

    private SlackOAuthMount() {
    }

    /** The stores; a LICENSEBOT_SECRETS_KEY other than the one the tokens were sealed with stops the start. */
    static SlackDistribution distribution(SlackSettings slack, LicenseCore core, Jdbi jdbi, Clock clock) {
        try {
            return SlackDistribution.open(jdbi, slack.oauth().box(), core.tenants(), core.audit(), clock);
        } catch (IllegalArgumentException wrongKey) {
            throw new SlackStartupException(wrongKey.getMessage(), wrongKey);
        }
    }

    static void routes(RoutesConfig routes, SlackBot bot) {
        routes.get(INSTALL_PATH, ctx -> install(ctx, bot));
        routes.get(CALLBACK_PATH, ctx -> SlackMount.answer(ctx, bot.handleOAuth(SlackMount.request(ctx))));
    }

    /** A link that is not usable is refused here, before Slack is asked: it would install unlinked. */
    private static void install(Context ctx, SlackBot bot) {
        String link = ctx.queryParam(InstallLinks.PARAMETER);
        if (link != null && !bot.usableInstallLink(link)) {
            ctx.status(403).contentType("text/plain; charset=utf-8").result("This install link cannot be used: it was "
                    + "changed, has expired or was used already. Ask your licensebot operator for a new one.");
            return;
        }
        SlackMount.answer(ctx, bot.handleOAuth(SlackMount.request(ctx)));
    }

    /** The install page of {@code publicUrl} opened with an install link. */
    public static String installUrl(String publicUrl, String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + INSTALL_PATH + "?" + InstallLinks.PARAMETER + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
