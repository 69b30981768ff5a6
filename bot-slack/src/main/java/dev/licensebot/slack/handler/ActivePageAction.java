package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.slack.answer.ActiveAnswer;
import dev.licensebot.slack.blocks.ActiveListState;
import dev.licensebot.slack.reply.Answering;

/** Previous, Next and Refresh on the Active Agents list: the page the button names, in place. */
public final class ActivePageAction implements BlockActionHandler {

    private final Answering answering;
    private final ActiveAnswer active;

    public ActivePageAction(Answering answering, ActiveAnswer active) {
        this.answering = answering;
        this.active = active;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String value = Interactions.value(request);
        answering.later(Interactions.of(request, ctx), (asker, reply) -> reply.replace(
                active.message(asker, ActiveListState.decode(value))));
        return ctx.ack();
    }
}
