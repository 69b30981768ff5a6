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
        return run(http);
    }

    /** The install page and the OAuth redirect: Bolt checks them itself (the state and its cookie). */
    SlackHttpResponse handleUnsigned(SlackHttpRequest http) {
        return run(http);
    }

    private SlackHttpResponse run(SlackHttpRequest http) {
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(http.path())
                    .queryString(http.query())
                    .headers(new RequestHeaders(http.headers()))
                    .requestBody(http.body())
                    .remoteAddress(http.remoteAddress())
                    .build());
        } catch (RuntimeException e) {
            // Slack never sends what its own parser cannot read (bad JSON in payload, bad %-encoding):
            // the sender's mistake, a 400 and one line in the log, not our failure.
            LOG.info("Refused a request to /slack/events that is not one Slack sends: {}", brief(e.getMessage()));
            return new SlackHttpResponse(400, "text/plain; charset=utf-8", null, "");
        }
        try {
            Response response = app.run(request);
            return new SlackHttpResponse(response.getStatusCode() == null ? 200 : response.getStatusCode(),
                    response.getContentType(), response.getHeaders(), response.getBody());
        } catch (Exception e) {
            // Slack shows its own "didn't respond" note; the details belong in our log, not in Slack.
            LOG.error("Handling a Slack request failed", e);
            return new SlackHttpResponse(500, "text/plain; charset=utf-8", null, "");
        }
    }

    /** Parser messages quote the input (a nesting path can run to kilobytes): the start is enough. */
    private static String brief(String message) {
        String text = String.valueOf(message).replaceAll("[\\r\\n]+", " ");
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
