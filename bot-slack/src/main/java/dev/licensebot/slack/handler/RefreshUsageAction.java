package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.slack.answer.UsageAnswer;
import dev.licensebot.slack.reply.Answering;

/** Refresh on the usage answer: the figures as of now, in place. */
public final class RefreshUsageAction implements BlockActionHandler {

    private final Answering answering;
    private final UsageAnswer usage;

    public RefreshUsageAction(Answering answering, UsageAnswer usage) {
        this.answering = answering;
        this.usage = usage;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        answering.later(Interactions.of(request, ctx), (asker, reply) -> reply.replace(usage.message(asker)));
        return ctx.ack();
    }
}
