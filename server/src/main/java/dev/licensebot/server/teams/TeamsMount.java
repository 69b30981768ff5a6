package dev.licensebot.server.teams;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.DemoSeat;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.server.api.ErrorJson;
import dev.licensebot.teams.TeamsBot;
import dev.licensebot.teams.TeamsHttpResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/** Puts the Teams bot on the server at {@code POST /api/messages}, where the Bot Framework posts. */
public final class TeamsMount {

    public static final String PATH = "/api/messages";

    private TeamsMount() {
    }

    /**
     * Refuses, outside `demo`, to serve Teams without authentication while any organization is
     * linked: anyone who reaches /api/messages could then act as any admin of any linked tenant.
     */
    public static TeamsBot start(ServerSettings settings, LicenseCore core, Clock clock) {
        if (!settings.demo() && !settings.teams().authenticationEnabled()) {
            int linked = core.tenants().linkedTeamsTenantCount();
            if (linked > 0) {
                throw new TeamsStartupException(linked + " Microsoft Teams organization(s) are linked but "
                        + "MICROSOFT_APP_ID is not set, so /api/messages would believe anyone: set MICROSOFT_APP_ID "
                        + "with MICROSOFT_APP_PASSWORD, or with MICROSOFT_APP_TYPE=UserAssignedMSI (see docs/teams.md), "
                        + "or try Teams locally with "
                        + "`licensebot.jar demo`.");
            }
        }
        TeamsBot bot = TeamsBot.create(core.conversation(ConversationLinks.of(settings.conversationHistoryUrl())),
                core.chatIdentity(Surface.TEAMS, demo(settings)), core.metrics(), core.charts(),
                core.chatConversations(), clock,
                settings.teams());
        // Open (Emulator) mode too: its replies reach the connector as well, and alerts only go to
        // conversations Teams announced with an Entra tenant.
        core.alerting().deliveries().register(Surface.TEAMS, bot.alertPoster());
        return bot;
    }

    /** In `demo` only, a conversation of an unlinked (or unnamed) organization is the demo tenant's advanced admin. */
    static Optional<DemoSeat> demo(ServerSettings settings) {
        return settings.demo() ? Optional.of(DemoSeat.ofDemoData()) : Optional.empty();
    }

    public static void routes(RoutesConfig routes, TeamsBot bot) {
        // The Bot Framework sends UTF-8 JSON; a charset named in Content-Type is not trusted (an
        // unknown one made ctx.body() throw).
        routes.post(PATH, ctx -> answer(ctx, bot.handle(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8),
                ctx.header("Authorization"))));
    }

    private static void answer(Context ctx, TeamsHttpResponse response) {
        ctx.status(response.status());
        if (response.jsonBody() != null) {
            ctx.contentType("application/json").result(response.jsonBody());
        } else if (response.status() >= 400) {
            // The Bot Framework reads only the status; anyone else gets the server's one error shape.
            ctx.json(refusal(response.status()));
        }
    }

    private static ErrorJson refusal(int status) {
        return switch (status) {
            case 401 -> ErrorJson.of("unauthorized", "A valid Bot Framework token is required.");
            default -> status >= 500 ? ErrorJson.of("internal_error", "Something went wrong on our side.")
                    : ErrorJson.of("bad_request", "The body is not a Bot Framework activity this bot can answer.");
        };
    }
}
