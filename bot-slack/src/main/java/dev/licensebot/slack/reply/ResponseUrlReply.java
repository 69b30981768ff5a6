package dev.licensebot.slack.reply;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.util.json.GsonFactory;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Answers through the interaction's response_url, which lets us answer after the 3-second ack.
 * Slack answers a refused post like an incoming webhook: an HTTP error status with the error code
 * as the whole body (400, "invalid_blocks"), and no detail.
 */
public final class ResponseUrlReply implements Reply {

    /**
     * Serialises the answer. Bolt's own sender builds a new Gson for every post, and a new Gson
     * discovers Block Kit's classes by reflection again each time: that was most of the CPU of a
     * {@code /licenses active} answer (issue 7, B3). Gson is thread-safe, so one serves every reply;
     * the SDK's HTTP client then posts the finished JSON tree, which needs no reflection.
     */
    private static final Gson SNAKE_CASE = GsonFactory.createSnakeCase();

    private final Slack slack;
    private final String responseUrl;

    public ResponseUrlReply(Slack slack, String responseUrl) {
        this.slack = slack;
        this.responseUrl = responseUrl;
    }

    @Override
    public void show(SlackMessage message) {
        send(message, false);
    }

    @Override
    public void replace(SlackMessage message) {
        send(message, true);
    }

    private void send(SlackMessage message, boolean replaceOriginal) {
        ActionResponse response = ActionResponse.builder()
                .responseType(message.inChannel() ? "in_channel" : "ephemeral")
                .replaceOriginal(replaceOriginal)
                .text(message.text())
                .blocks(message.blocks())
                .build();
        int status;
        String body;
        try (Response answer = slack.getHttpClient().postJsonBody(responseUrl, SNAKE_CASE.toJsonTree(response))) {
            status = answer.code();
            ResponseBody content = answer.body();
            body = content == null ? "" : content.string();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not post to response_url", e);
        }
        if (status != 200) {
            throw new RefusedBySlack("response_url", body.trim(), List.of("HTTP " + status));
        }
    }
}
