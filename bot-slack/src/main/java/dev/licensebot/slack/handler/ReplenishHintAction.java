package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.slack.blocks.ReplenishBlocks;
import dev.licensebot.slack.reply.Answering;

/** "Replenish" on the usage answer: how to ask for it (amount, pool and reason are typed). */
public final class ReplenishHintAction implements BlockActionHandler {

    private final Answering answering;

    public ReplenishHintAction(Answering answering) {
        this.answering = answering;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        answering.later(Interactions.of(request, ctx), (asker, reply) -> reply.show(ReplenishBlocks.hint()));
        return ctx.ack();
    }
}
