package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.licensebot.slack.answer.TerminateAnswer;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.blocks.Notices;
import dev.licensebot.slack.blocks.TerminationBlocks;
import dev.licensebot.slack.reply.Answering;

import java.util.List;
import java.util.Map;

/** Terminate selected: the ticked rows (from the message's state) become a confirmation. */
public final class TerminateSelectedAction implements BlockActionHandler {

    static final String NOTHING_SELECTED = "No agent is selected: tick the agents to terminate, then press "
            + "Terminate selected.";

    private final Answering answering;
    private final TerminateAnswer terminate;

    public TerminateSelectedAction(Answering answering, TerminateAnswer terminate) {
        this.answering = answering;
        this.terminate = terminate;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        List<String> selected = selectedSessionIds(request);
        answering.later(Interactions.of(request, ctx), (asker, reply) -> reply.show(selected.isEmpty()
                ? Notices.info(NOTHING_SELECTED)
                : TerminationBlocks.plan(terminate.plan(asker, selected))));
        return ctx.ack();
    }

    static List<String> selectedSessionIds(BlockActionRequest request) {
        ViewState state = request.getPayload().getState();
        Map<String, ViewState.Value> selection = state == null || state.getValues() == null ? null
                : state.getValues().get(ActionIds.SELECTION_BLOCK);
        ViewState.Value ticks = selection == null ? null : selection.get(ActionIds.ACTIVE_SELECT);
        if (ticks == null || ticks.getSelectedOptions() == null) {
            return List.of();
        }
        return ticks.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
    }
}
