package dev.licensebot.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.licensebot.slack.identity.EmailDirectory;
import dev.licensebot.slack.oauth.SlackDistribution;

/**
 * The Bolt app distributed through OAuth v2: the install page at {@link #INSTALL_PATH} (its "Add to
 * Slack" button asks for {@link SlackOAuthSettings#BOT_SCOPES}, as the manifests do), Slack's redirect back to
 * {@link #CALLBACK_PATH}, installations and states in the database, and each request served with
 * the token of the workspace it came from (Bolt's multi-team authorization, which also rotates
 * tokens with the stored refresh token when the app has rotation on).
 */
final class SlackOAuthApp {

    static final String INSTALL_PATH = "/slack/install";
    static final String CALLBACK_PATH = "/slack/oauth/callback";

    private SlackOAuthApp() {
    }

    static App create(Slack slack, SlackSettings settings, SlackDistribution distribution) {
        if (distribution == null) {
            throw new IllegalStateException("A Slack app distributed through OAuth needs its installation store");
        }
        String publicUrl = settings.publicUrl().endsWith("/")
                ? settings.publicUrl().substring(0, settings.publicUrl().length() - 1) : settings.publicUrl();
        App app = new App(AppConfig.builder()
                .slack(slack)
                .signingSecret(settings.signingSecret())
                .singleTeamBotToken(null)
                .clientId(settings.oauth().clientId())
                .clientSecret(settings.oauth().clientSecret())
                .scope(SlackOAuthSettings.BOT_SCOPES)
                .userScope(null)
                .redirectUri(publicUrl + CALLBACK_PATH)
                .oauthInstallPath(INSTALL_PATH)
                .oauthRedirectUriPath(CALLBACK_PATH)
                .oAuthInstallPathEnabled(true)
                .oAuthRedirectUriPathEnabled(true)
                .build());
        app.asOAuthApp(true);
        app.service(distribution.installations());
        app.service(distribution.states());
        app.oauthPersistenceCallback(distribution.persistence());
        return app;
    }

    /** Nothing of a workspace remains once it uninstalls the app or revokes its bot token. */
    static void purgeOnUninstall(App app, SlackDistribution distribution, EmailDirectory emails) {
        app.event(AppUninstalledEvent.class, (payload, ctx) -> purge(distribution, emails, ctx));
        app.event(TokensRevokedEvent.class, (payload, ctx) -> {
            TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
            boolean botRevoked = tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty();
            return botRevoked ? purge(distribution, emails, ctx) : ctx.ack();
        });
    }

    private static Response purge(SlackDistribution distribution, EmailDirectory emails, EventContext ctx) {
        emails.forget(distribution.purge(ctx.getEnterpriseId(), ctx.getTeamId(), ctx.isEnterpriseInstall()));
        if (ctx.getTeamId() != null) {
            emails.forget(ctx.getTeamId());
        }
        return ctx.ack();
    }
}
