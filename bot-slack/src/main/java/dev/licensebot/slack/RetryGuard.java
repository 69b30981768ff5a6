package dev.licensebot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Slack redelivers an event (X-Slack-Retry-Num) when our acknowledgement was late or lost. Every
 * handler hands its work to the background before it acknowledges (a command waits at most 1.5 s
 * for its answer to ride in the ack), so the first delivery is already being handled: a retry is
 * acknowledged and dropped, and asks Slack not to retry again.
 */
final class RetryGuard implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(RetryGuard.class);
    static final String RETRY_NUM = "X-Slack-Retry-Num";

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String retry = req.getHeaders() == null ? null : req.getHeaders().getFirstValue(RETRY_NUM);
        if (retry == null) {
            return chain.next(req);
        }
        LOG.info("Ignoring Slack retry #{} ({}): the first delivery was already handled", retry,
                req.getHeaders().getFirstValue("X-Slack-Retry-Reason"));
        return Response.builder().statusCode(200).headers(Map.of("X-Slack-No-Retry", List.of("1"))).body("").build();
    }
}
