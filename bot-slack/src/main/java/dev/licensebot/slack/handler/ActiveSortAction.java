package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.slack.answer.ActiveAnswer;
import dev.licensebot.slack.blocks.ActiveListState;
import dev.licensebot.slack.reply.Answering;

/** The sort menu of the Active Agents list: the first page in the chosen order, in place. */
public final class ActiveSortAction implements BlockActionHandler {

    private final Answering answering;
    private final ActiveAnswer active;

    public ActiveSortAction(Answering answering, ActiveAnswer active) {
        this.answering = answering;
        this.active = active;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String value = Interactions.selectedValue(request);
        answering.later(Interactions.of(request, ctx), (asker, reply) -> reply.replace(
                active.message(asker, ActiveListState.decode(value).withPage(1))));
        return ctx.ack();
    }
}
