package dev.licensebot.slack.reply;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Publishes to the user's Home tab; a refusal shown there replaces the tab's content. */
public final class HomeReply implements Reply {

    private final MethodsClient client;
    private final String userId;

    public HomeReply(MethodsClient client, String userId) {
        this.client = client;
        this.userId = userId;
    }

    private void publish(List<LayoutBlock> blocks) {
        View home = View.builder().type("home").blocks(blocks).build();
        ViewsPublishResponse response;
        try {
            response = client.viewsPublish(r -> r.userId(userId).view(home));
        } catch (IOException e) {
            throw new UncheckedIOException("views.publish failed", e);
        } catch (SlackApiException e) {
            throw new IllegalStateException("views.publish failed: " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw RefusedBySlack.of("views.publish", response, response.getResponseMetadata());
        }
    }

    @Override
    public void show(SlackMessage message) {
        publish(message.blocks());
    }

    @Override
    public void replace(SlackMessage message) {
        publish(message.blocks());
    }
}
