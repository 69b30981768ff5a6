package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.slack.answer.HistoryAnswer;
import dev.licensebot.slack.blocks.HistoryListState;
import dev.licensebot.slack.reply.Answering;

/** "History" on the usage answer or the Home tab: the history the button names, as a new message. */
public final class ShowHistoryAction implements BlockActionHandler {

    private final Answering answering;
    private final HistoryAnswer history;

    public ShowHistoryAction(Answering answering, HistoryAnswer history) {
        this.answering = answering;
        this.history = history;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String value = Interactions.value(request);
        answering.later(Interactions.of(request, ctx), (asker, reply) -> reply.show(
                history.message(asker, HistoryListState.decode(value))));
        return ctx.ack();
    }
}
