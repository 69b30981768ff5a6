package dev.licensebot.server.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.DemoSeat;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.server.api.ErrorJson;
import dev.licensebot.slack.SlackBot;
import dev.licensebot.slack.SlackHttpRequest;
import dev.licensebot.slack.SlackHttpResponse;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.slack.SlackUseCases;
import dev.licensebot.slack.chart.ChartLinks;
import io.javalin.config.RoutesConfig;
import org.jdbi.v3.core.Jdbi;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the Slack app on the server: started (auth.test, Socket Mode) when Slack is configured,
 * and {@code POST /slack/events} only when a signing secret is set (DESIGN.md §7).
 */
public final class SlackMount {

    public static final String PATH = "/slack/events";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackMount() {
    }

    /** {@code jdbi}: where the app distributed through OAuth keeps its installations (unused for one workspace). */
    public static Optional<SlackBot> start(ServerSettings settings, LicenseCore core, Jdbi jdbi, Clock clock) {
        Optional<SlackBot> bot = Optional.ofNullable(settings.slack()).map(slack -> SlackBot.start(new SlackUseCases(
                core.conversation(ConversationLinks.of(settings.conversationHistoryUrl())),
                core.chatIdentity(Surface.SLACK, demoAccess(settings)), core.operators(), core.usage(),
                core.activeSessions(), core.charts(), core.metrics()), clock, slack,
                slack.oauthEnabled() ? SlackOAuthMount.distribution(slack, core, jdbi, clock) : null));
        // Alerts of subscribed Slack channels are posted by this node's rounds from now on.
        bot.ifPresent(b -> core.alerting().deliveries().register(Surface.SLACK, b.alertPoster()));
        return bot;
    }

    /** In `demo` only, an unlinked workspace is the demo tenant's advanced admin. */
    static Optional<DemoSeat> demoAccess(ServerSettings settings) {
        return settings.demo() ? Optional.of(DemoSeat.ofDemoData())
                : Optional.empty();
    }

    public static void routes(RoutesConfig routes, ServerSettings settings, Optional<SlackBot> bot, LicenseCore core,
                              Clock clock) {
        SlackSettings slack = settings.slack();
        if (bot.isPresent() && slack != null && slack.httpEnabled()) {
            routes.post(PATH, ctx -> answer(ctx, bot.get().handle(request(ctx))));
        }
        if (bot.isPresent() && slack != null && slack.oauthEnabled()) {
            SlackOAuthMount.routes(routes, bot.get());
        }
        // Only links made with PUBLIC_URL exist, but serving them costs nothing without it.
        if (bot.isPresent() && slack != null) {
            new ChartImageRoute(core, new ChartLinks(slack.publicUrl(), slack.chartLinkKey(), clock)).register(routes);
        }
    }

    static SlackHttpRequest request(Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        // Slack sends UTF-8 and signs the bytes; a charset named in Content-Type is not trusted (an
        // unknown one made ctx.body() throw).
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        return new SlackHttpRequest(ctx.path(), ctx.queryParamMap(), headers, body, ctx.ip());
    }

    static void answer(Context ctx, SlackHttpResponse response) {
        ctx.status(response.status());
        if (response.status() >= 400) {
            // The signature gate refuses in the error shape already, saying what was wrong; Bolt
            // refuses in plain text or as {"error": "..."}. Slack reads only the status, and
            // whoever else sent it gets the server's one error shape.
            Optional<ErrorJson> shaped = errorShaped(response.body());
            ctx.json(shaped.isPresent() ? shaped.get() : refusal(response.status()));
            return;
        }
        response.headers().forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
        if (response.contentType() != null) {
            ctx.contentType(response.contentType());
        }
        ctx.result(response.body());
    }

    private static Optional<ErrorJson> errorShaped(String body) {
        if (body == null || !body.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode error = json.path("error");
            JsonNode message = json.path("message");
            return error.isTextual() && message.isTextual()
                    ? Optional.of(ErrorJson.of(error.asText(), message.asText())) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static ErrorJson refusal(int status) {
        return switch (status) {
            case 401 -> ErrorJson.of("unauthorized",
                    "The request is not signed with this Slack app's signing secret, or its timestamp is out of date.");
            case 404 -> ErrorJson.of("not_found", "Nothing here answers this kind of Slack request.");
            default -> status >= 500 ? ErrorJson.of("internal_error", "Something went wrong on our side.")
                    : ErrorJson.of("bad_request", "This is not a request Slack sends.");
        };
    }
}
