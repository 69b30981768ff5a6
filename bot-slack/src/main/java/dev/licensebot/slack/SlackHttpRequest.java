package dev.licensebot.slack;

import java.util.List;
import java.util.Map;

/** An HTTP request to the Slack endpoint as any web server sees it; the server's adapter fills it in. */
public record SlackHttpRequest(String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                               String body, String remoteAddress) {

    public SlackHttpRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
