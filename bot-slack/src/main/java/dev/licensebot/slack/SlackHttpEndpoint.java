package dev.licensebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt has no adapter for our web server, so this is one: the request as Bolt reads it, the app
 * run on it (signature and timestamp checked by Bolt: 401 when forged or stale), the response out.
 */
final class SlackHttpEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpEndpoint.class);

    private final App app;
    private final SlackRequestParser parser;

    SlackHttpEndpoint(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    SlackHttpResponse handle(SlackHttpRequest http) {
        try {
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(http.path())
                    .queryString(http.query())
                    .headers(new RequestHeaders(http.headers()))
                    .requestBody(http.body())
                    .remoteAddress(http.remoteAddress())
                    .build());
            Response response = app.run(request);
            return new SlackHttpResponse(response.getStatusCode() == null ? 200 : response.getStatusCode(),
                    response.getContentType(), response.getHeaders(), response.getBody());
        } catch (Exception e) {
            // Slack shows its own "didn't respond" note; the details belong in our log, not in Slack.
            LOG.error("Handling a Slack request failed", e);
            return new SlackHttpResponse(500, "text/plain; charset=utf-8", null, "");
        }
    }
}
