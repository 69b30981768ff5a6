package dev.licensebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Bolt has no adapter for our web server, so this is one: the signature and timestamp checked on
 * the raw body first ({@link SlackSignatureGate}: 401, nothing parsed, when forged, stale or from
 * the future), then the request as Bolt reads it, the app run on it (Bolt checks again), the
 * response out.
 */
final class SlackHttpEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpEndpoint.class);

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignatureGate gate;

    SlackHttpEndpoint(App app, Clock clock) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.gate = new SlackSignatureGate(app.config().getSigningSecret(), clock);
    }

    SlackHttpResponse handle(SlackHttpRequest http) {
        Optional<SlackHttpResponse> refused = gate.refusal(http);
        if (refused.isPresent()) {
            return refused.get();
        }
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
