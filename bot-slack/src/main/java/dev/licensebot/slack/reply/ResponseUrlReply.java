package dev.licensebot.slack.reply;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.webhook.WebhookResponse;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Answers through the interaction's response_url, which lets us answer after the 3-second ack. */
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
            throw new IllegalStateException("response_url answered " + answer.getCode() + ": " + answer.getBody());
        }
    }
}
