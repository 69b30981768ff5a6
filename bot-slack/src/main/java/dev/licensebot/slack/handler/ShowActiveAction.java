package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.slack.answer.ActiveAnswer;
import dev.licensebot.slack.blocks.ActiveListState;
import dev.licensebot.slack.reply.Answering;

/** "Active agents" on the usage answer or the Home tab: the list, first page, default sort. */
public final class ShowActiveAction implements BlockActionHandler {

    private final Answering answering;
    private final ActiveAnswer active;

    public ShowActiveAction(Answering answering, ActiveAnswer active) {
        this.answering = answering;
        this.active = active;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        answering.later(Interactions.of(request, ctx), (asker, reply) -> reply.show(
                active.message(asker, ActiveListState.of(ActiveSessions.Query.defaults()))));
        return ctx.ack();
    }
}
