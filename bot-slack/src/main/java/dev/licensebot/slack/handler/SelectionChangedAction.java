package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

/**
 * Ticking a row's checkbox: Slack reports each tick, but the selection only matters when
 * Terminate selected is pressed (it arrives then in the message's state), so a tick is just acknowledged.
 */
public final class SelectionChangedAction implements BlockActionHandler {

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        return ctx.ack();
    }
}
