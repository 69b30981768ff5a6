package dev.licensebot.slack.handler;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.alerts.IncidentAction;
import dev.licensebot.core.conversation.Conversation;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.conversation.Press;
import dev.licensebot.core.metrics.LicenseMetrics.Outcome;
import dev.licensebot.core.sessions.Terminations;
import dev.licensebot.slack.answer.HomeAnswer;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.blocks.ButtonValues;
import dev.licensebot.slack.blocks.Notices;
import dev.licensebot.slack.blocks.ReplenishForm;
import dev.licensebot.slack.reply.Answering;
import dev.licensebot.slack.reply.HomeReply;
import dev.licensebot.slack.reply.Interaction;
import dev.licensebot.slack.reply.WebApi;

import java.util.List;
import java.util.function.Function;

/**
 * Every command, button, form and event of the Slack app and what serves it, in one place. A
 * button reads its payload as a request (or a Confirm/Cancel press) and asks the core's
 * conversation; the answer comes as a new message, or in place of the pressed one.
 */
public record SlackInteractions(Conversation conversation, Answering answering, HomeAnswer home, Operators operators) {

    private static final String HOME_TAB = "home";

    public void register(App app) {
        app.command(LicensesCommand.COMMAND, new LicensesCommand(answering, conversation));
        app.viewSubmission(ReplenishForm.CALLBACK_ID, new ReplenishFormSubmission(answering, conversation));

        app.blockAction(ActionIds.USAGE_REFRESH, inPlace(press -> new LicenseRequest.Usage()));
        app.blockAction(ActionIds.SHOW_ACTIVE, asNew(press -> new LicenseRequest.Active(null, null, 1)));
        BlockActionHandler activePage = inPlace(press -> ButtonValues.active(BoltPayloads.value(press)));
        for (String id : List.of(ActionIds.ACTIVE_PREVIOUS, ActionIds.ACTIVE_NEXT, ActionIds.ACTIVE_REFRESH)) {
            app.blockAction(id, activePage);
        }
        // Each option of the sort menu asks for the first page in its order.
        app.blockAction(ActionIds.ACTIVE_SORT, inPlace(press -> ButtonValues.active(
                BoltPayloads.selectedValue(press))));
        // A tick only matters when Terminate selected is pressed: it arrives then in the message's state.
        app.blockAction(ActionIds.ACTIVE_SELECT, (press, ctx) -> ctx.ack());
        app.blockAction(ActionIds.TERMINATE_SELECTED, this::terminateSelected);

        app.blockAction(ActionIds.SHOW_HISTORY, asNew(press -> ButtonValues.history(BoltPayloads.value(press))));
        BlockActionHandler historyPage = inPlace(press -> ButtonValues.history(BoltPayloads.value(press)));
        app.blockAction(ActionIds.HISTORY_PREVIOUS, historyPage);
        app.blockAction(ActionIds.HISTORY_NEXT, historyPage);
        for (HistoryKind kind : HistoryKind.values()) {
            app.blockAction(ActionIds.historyKind(kind), historyPage);
        }
        BlockActionHandler auditPage = inPlace(press -> ButtonValues.audit(BoltPayloads.value(press)));
        app.blockAction(ActionIds.AUDIT_PREVIOUS, auditPage);
        app.blockAction(ActionIds.AUDIT_NEXT, auditPage);

        // One Confirm and one Cancel: the core's confirmation knows whether it terminates or replenishes.
        BlockActionHandler confirm = pressing(id -> new Press.Confirm(id));
        BlockActionHandler cancel = pressing(id -> new Press.Cancel(id));
        app.blockAction(ActionIds.TERMINATE_CONFIRM, confirm);
        app.blockAction(ActionIds.REPLENISH_CONFIRM, confirm);
        app.blockAction(ActionIds.TERMINATE_CANCEL, cancel);
        app.blockAction(ActionIds.REPLENISH_CANCEL, cancel);

        // An alert's buttons: the list as /licenses active shows it, and the core's acknowledge and snooze.
        app.blockAction(ActionIds.ALERT_ACTIVE, asNew(press -> new LicenseRequest.Active(null, null, 1)));
        for (IncidentAction action : IncidentAction.values()) {
            app.blockAction(ActionIds.alert(action), alertPress(action));
        }

        app.blockAction(ActionIds.REPLENISH_OPEN, this::openReplenishForm);
        app.blockAction(ActionIds.HOME_REFRESH, (press, ctx) -> {
            publishHome(BoltPayloads.of(press, ctx).withReply(new HomeReply(ctx.client(),
                    press.getPayload().getUser().getId())));
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            // The Messages tab opens the same event; only the Home tab has something to publish.
            if (event != null && HOME_TAB.equals(event.getTab())) {
                publishHome(new Interaction("app_home_opened", payload.getTeamId(), payload.getEnterpriseId(),
                        event.getUser(), new HomeReply(ctx.client(), event.getUser())));
            }
            return ctx.ack();
        });
    }

    /** A button that asks again, answered as a new message (from the usage answer or Home). */
    private BlockActionHandler asNew(Function<BlockActionRequest, LicenseRequest> request) {
        return (press, ctx) -> {
            answering.show(BoltPayloads.of(press, ctx), caller -> conversation.answer(caller, request.apply(press)));
            return ctx.ack();
        };
    }

    /**
     * Acknowledge or Snooze on an alert's message (whose value is the incident's id), answered to
     * the presser alone with the core's sentence; the message changes when the alert is next delivered.
     */
    private BlockActionHandler alertPress(IncidentAction action) {
        return (press, ctx) -> {
            answering.showSentence(BoltPayloads.of(press, ctx), caller -> conversation.answer(caller,
                    BoltPayloads.place(press, ctx), new LicenseRequest.Alerts(new AlertsChange.Press(
                            BoltPayloads.value(press), action))));
            return ctx.ack();
        };
    }

    /** Paging, sorting, Refresh: the same message, updated in place. */
    private BlockActionHandler inPlace(Function<BlockActionRequest, LicenseRequest> request) {
        return (press, ctx) -> {
            answering.replace(BoltPayloads.of(press, ctx), caller -> conversation.answer(caller, request.apply(press)));
            return ctx.ack();
        };
    }

    /** Confirm or Cancel, whose value is the core's single-use confirmation id. */
    private BlockActionHandler pressing(Function<String, Press> press) {
        return (request, ctx) -> {
            answering.replace(BoltPayloads.of(request, ctx),
                    caller -> conversation.press(caller, press.apply(BoltPayloads.value(request))));
            return ctx.ack();
        };
    }

    /** The ticked rows, from the message's state, become a confirmation. */
    private Response terminateSelected(BlockActionRequest press, ActionContext ctx) {
        List<String> selected = BoltPayloads.ticked(press.getPayload().getState(), ActionIds.SELECTION_BLOCK,
                ActionIds.ACTIVE_SELECT);
        Interaction interaction = BoltPayloads.of(press, ctx);
        if (selected.isEmpty()) {
            answering.later(interaction, (caller, reply) -> {
                reply.show(Notices.info(Terminations.NOTHING_SELECTED));
                return Outcome.ANSWERED;
            });
        } else {
            answering.show(interaction, caller -> conversation.answer(caller, new LicenseRequest.Terminate(selected)));
        }
        return ctx.ack();
    }

    /**
     * The Replenish form, for those the core lets replenish. The response_url of the pressed message
     * travels in the form's private_metadata, so the confirmation appears under that message (from
     * Home there is none: it comes as a direct message). The trigger_id expires 3 seconds after the press.
     */
    private Response openReplenishForm(BlockActionRequest press, ActionContext ctx) {
        String triggerId = press.getPayload().getTriggerId();
        String responseUrl = press.getPayload().getResponseUrl();
        answering.later(BoltPayloads.of(press, ctx), (caller, reply) -> {
            operators.require(caller.tenant(), caller.actor(), Action.REPLENISH);
            WebApi.call("views.open", () -> ctx.client().viewsOpen(r -> r.triggerId(triggerId)
                    .view(ReplenishForm.form(responseUrl == null ? "" : responseUrl))),
                    ViewsOpenResponse::getResponseMetadata);
            return Outcome.ANSWERED;
        });
        return ctx.ack();
    }

    /** The Home tab, published afresh: on opening it and on its Refresh. */
    private void publishHome(Interaction interaction) {
        answering.later(interaction, (caller, reply) -> {
            reply.show(home.message(caller));
            return Outcome.ANSWERED;
        });
    }
}
