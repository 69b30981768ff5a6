package dev.licensebot.slack.reply;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Answers in the app's direct messages with the user. Buttons on the Home tab come without a
 * response_url, so what they open lands there; its buttons then answer in place as usual.
 */
public final class DirectMessageReply implements Reply {

    private final MethodsClient client;
    private final String userId;

    public DirectMessageReply(MethodsClient client, String userId) {
        this.client = client;
        this.userId = userId;
    }

    @Override
    public void show(SlackMessage message) {
        ChatPostMessageResponse response;
        try {
            response = client.chatPostMessage(r -> r.channel(userId).text(message.text()).blocks(message.blocks()));
        } catch (IOException e) {
            throw new UncheckedIOException("chat.postMessage failed", e);
        } catch (SlackApiException e) {
            throw new IllegalStateException("chat.postMessage failed: " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw RefusedBySlack.of("chat.postMessage", response, response.getResponseMetadata());
        }
    }

    /** There is no message to update on the Home tab: a new one it is. */
    @Override
    public void replace(SlackMessage message) {
        show(message);
    }
}
