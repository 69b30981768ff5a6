package dev.licensebot.slack.reply;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.webhook.WebhookResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Answers through the interaction's response_url, which lets us answer after the 3-second ack.
 * Slack answers a refused post like an incoming webhook: an HTTP error status with the error code
 * as the whole body (400, "invalid_blocks"), and no detail.
 */
public final class ResponseUrlReply implements Reply {

    private final Responder responder;

    public ResponseUrlReply(Slack slack, String responseUrl) {
        this.responder = new Responder(slack, responseUrl);
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
        WebhookResponse answer;
        try {
            answer = responder.send(response);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not post to response_url", e);
        }
        if (answer.getCode() == null || answer.getCode() != 200) {
            String error = answer.getBody() == null ? "" : answer.getBody().trim();
            throw new RefusedBySlack("response_url", error, List.of("HTTP " + answer.getCode()));
        }
    }
}
