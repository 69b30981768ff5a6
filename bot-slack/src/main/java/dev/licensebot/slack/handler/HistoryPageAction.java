package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.slack.answer.HistoryAnswer;
import dev.licensebot.slack.blocks.HistoryListState;
import dev.licensebot.slack.reply.Answering;

/** Previous, Next and the other-history buttons of a history message: updated in place. */
public final class HistoryPageAction implements BlockActionHandler {

    private final Answering answering;
    private final HistoryAnswer history;

    public HistoryPageAction(Answering answering, HistoryAnswer history) {
        this.answering = answering;
        this.history = history;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String value = Interactions.value(request);
        answering.later(Interactions.of(request, ctx), (asker, reply) -> reply.replace(
                history.message(asker, HistoryListState.decode(value))));
        return ctx.ack();
    }
}
