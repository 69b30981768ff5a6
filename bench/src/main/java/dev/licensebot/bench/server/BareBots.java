package dev.licensebot.bench.server;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.licensebot.teams.TeamsHttpResponse;
import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.transport.BotFrameworkGateway;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * B3's baselines, on a second Javalin in the server's JVM (same threads to compete for, same
 * Jetty, same SDKs): a Bolt app whose {@code /licenses} handler only acks, behind the same
 * signature check, and a Bot Framework bot whose every message turn only replies "ok" through the
 * same gateway to the same connector. Asked "read", each first reads one row by primary key: the
 * least any answer from the database costs. What is left between them and the real ones is the
 * product.
 */
public final class BareBots implements AutoCloseable {

    /** The text that has the bare handlers read a row before they answer. */
    public static final String READ = "read";

    private final Javalin app;
    private final PrimaryKeyRead read;

    private BareBots(Javalin app, PrimaryKeyRead read) {
        this.app = app;
        this.read = read;
    }

    /** {@code read}: what {@code /licenses read} reads; closed with the bots. */
    public static BareBots start(String signingSecret, String botToken, String slackApiUrl, PrimaryKeyRead read) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApiUrl);
        App bolt = new App(AppConfig.builder().slack(Slack.getInstance(config)).signingSecret(signingSecret)
                .singleTeamBotToken(botToken).build());
        bolt.command("/licenses", (request, ctx) -> {
            if (READ.equals(request.getPayload().getText()) && !read.found()) {
                // Not an ack: the smoke run fails when the row it was meant to read is not there.
                return Response.builder().statusCode(404).build();
            }
            return ctx.ack();
        });
        bolt.start();
        SlackRequestParser parser = new SlackRequestParser(bolt.config());
        BotFrameworkGateway teams = new BotFrameworkGateway(TeamsSettings.open(),
                turn -> turn.sendText(READ.equals(turn.activity().text()) && !read.found() ? "no row" : "ok"));
        Javalin app = Javalin.create(c -> {
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.startup.showJavalinBanner = false;
            c.routes.post("/slack/events", ctx -> slack(ctx, bolt, parser));
            c.routes.post("/api/messages", ctx -> {
                TeamsHttpResponse response = teams.handle(ctx.body(), ctx.header("Authorization"));
                ctx.status(response.status());
                if (response.jsonBody() != null) {
                    ctx.contentType("application/json").result(response.jsonBody());
                }
            });
        });
        app.start();
        return new BareBots(app, read);
    }

    public int port() {
        return app.port();
    }

    private static void slack(Context ctx, App bolt, SlackRequestParser parser) throws Exception {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder().requestUri(ctx.path())
                .queryString(ctx.queryParamMap()).headers(new RequestHeaders(headers)).requestBody(ctx.body())
                .remoteAddress(ctx.ip()).build());
        Response response = bolt.run(request);
        ctx.status(response.getStatusCode() == null ? 200 : response.getStatusCode());
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }

    @Override
    public void close() {
        app.stop();
        read.close();
    }
}
