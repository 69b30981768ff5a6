package dev.licensebot.slack;

import java.util.List;
import java.util.Map;

/** What to send back to Slack: status, headers and body, copied out by the server's adapter. */
public record SlackHttpResponse(int status, String contentType, Map<String, List<String>> headers, String body) {

    public SlackHttpResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
