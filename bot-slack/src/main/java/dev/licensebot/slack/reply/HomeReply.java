package dev.licensebot.slack.reply;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;

/** Publishes to the user's Home tab; a refusal shown there replaces the tab's content. */
public record HomeReply(MethodsClient client, String userId) implements Reply {

    @Override
    public void show(SlackMessage message) {
        View home = View.builder().type("home").blocks(message.blocks()).build();
        WebApi.call("views.publish", () -> client.viewsPublish(r -> r.userId(userId).view(home)),
                ViewsPublishResponse::getResponseMetadata);
    }

    @Override
    public void replace(SlackMessage message) {
        show(message);
    }
}
