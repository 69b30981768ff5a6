package dev.licensebot.slack.reply;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;

/**
 * Answers in the app's direct messages with the user. Buttons on the Home tab come without a
 * response_url, so what they open lands there; its buttons then answer in place as usual.
 */
public record DirectMessageReply(MethodsClient client, String userId) implements Reply {

    @Override
    public void show(SlackMessage message) {
        WebApi.call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(userId).text(message.text())
                .blocks(message.blocks())), ChatPostMessageResponse::getResponseMetadata);
    }

    /** There is no message to update on the Home tab: a new one it is. */
    @Override
    public void replace(SlackMessage message) {
        show(message);
    }
}
