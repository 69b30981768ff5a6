package dev.licensebot.slack.handler;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.model.view.ViewState;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.slack.alerts.SlackPlaces;
import dev.licensebot.slack.reply.DirectMessageReply;
import dev.licensebot.slack.reply.Interaction;
import dev.licensebot.slack.reply.Reply;
import dev.licensebot.slack.reply.ResponseUrlReply;

import java.util.List;
import java.util.Map;

/** Reads Bolt's payloads: who did what, where to answer, and what the pressed button or form carries. */
final class BoltPayloads {

    static final String COMMAND = "command";
    private static final String FORM = "form";

    private BoltPayloads() {
    }

    static Interaction of(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        return new Interaction(COMMAND, payload.getTeamId(), ctx.getEnterpriseId(), payload.getUserId(),
                new ResponseUrlReply(ctx.getSlack(), payload.getResponseUrl()));
    }

    /** Buttons in messages answer through response_url; buttons on the Home tab have none. */
    static Interaction of(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String userId = payload.getUser() == null ? null : payload.getUser().getId();
        String teamId = payload.getTeam() == null ? null : payload.getTeam().getId();
        return new Interaction(actionId(request), teamId, ctx.getEnterpriseId(), userId,
                reply(ctx, payload.getResponseUrl(), userId));
    }

    /**
     * A submitted form answers where it was opened from: the response_url the opening press
     * left in private_metadata, or a direct message when it was opened from the Home tab.
     */
    static Interaction of(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        String userId = payload.getUser() == null ? null : payload.getUser().getId();
        String teamId = payload.getTeam() == null ? null : payload.getTeam().getId();
        String responseUrl = payload.getView() == null ? null : payload.getView().getPrivateMetadata();
        return new Interaction(payload.getView() == null ? FORM : payload.getView().getCallbackId(), teamId,
                ctx.getEnterpriseId(), userId, reply(ctx, responseUrl, userId));
    }

    /** The channel the command was typed in, as an alert place (its workspace: the channel's team). */
    static AlertPlace place(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        return SlackPlaces.of(ctx.getEnterpriseId(), payload.getTeamId(), payload.getChannelId(),
                payload.getChannelName());
    }

    /** The channel of the message whose button was pressed; null when Slack names none (the Home tab). */
    static AlertPlace place(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String teamId = payload.getTeam() == null ? null : payload.getTeam().getId();
        return payload.getChannel() == null ? null : SlackPlaces.of(ctx.getEnterpriseId(), teamId,
                payload.getChannel().getId(), payload.getChannel().getName());
    }

    /** At the response_url when there is one, otherwise in the app's direct messages. */
    private static Reply reply(Context ctx, String responseUrl, String userId) {
        return responseUrl != null && !responseUrl.isBlank() ? new ResponseUrlReply(ctx.getSlack(), responseUrl)
                : new DirectMessageReply(ctx.client(), userId);
    }

    /** Bolt hands a block action only to the handler registered for its action id: one of ours. */
    private static String actionId(BlockActionRequest request) {
        List<BlockActionPayload.Action> actions = request.getPayload().getActions();
        return actions == null || actions.isEmpty() ? "action" : actions.get(0).getActionId();
    }

    /** The pressed button's value (our own, set when the message was rendered). */
    static String value(BlockActionRequest request) {
        return action(request).getValue();
    }

    /** The chosen option of a select menu. */
    static String selectedValue(BlockActionRequest request) {
        BlockActionPayload.Action action = action(request);
        return action.getSelectedOption() == null ? null : action.getSelectedOption().getValue();
    }

    private static BlockActionPayload.Action action(BlockActionRequest request) {
        List<BlockActionPayload.Action> actions = request.getPayload().getActions();
        if (actions == null || actions.isEmpty()) {
            throw Refusal.invalid("action", "Slack sent a button press without the button; please try again.");
        }
        return actions.get(0);
    }

    /** The options ticked in a checkbox group of a message's state. */
    static List<String> ticked(ViewState state, String blockId, String actionId) {
        ViewState.Value ticks = value(state, blockId, actionId);
        return ticks == null || ticks.getSelectedOptions() == null ? List.of()
                : ticks.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
    }

    /** What was typed into a form's input. */
    static String typed(ViewState state, String blockId, String actionId) {
        ViewState.Value value = value(state, blockId, actionId);
        return value == null ? null : value.getValue();
    }

    /** The option chosen in a form's select menu. */
    static String chosen(ViewState state, String blockId, String actionId) {
        ViewState.Value value = value(state, blockId, actionId);
        return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
    }

    private static ViewState.Value value(ViewState state, String blockId, String actionId) {
        Map<String, ViewState.Value> block = state == null || state.getValues() == null ? null
                : state.getValues().get(blockId);
        return block == null ? null : block.get(actionId);
    }
}
