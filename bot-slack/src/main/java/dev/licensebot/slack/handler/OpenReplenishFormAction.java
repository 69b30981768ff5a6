package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Action;
import dev.licensebot.slack.blocks.ReplenishForm;
import dev.licensebot.slack.reply.Answering;
import dev.licensebot.slack.reply.Modals;

/**
 * Replenish on the usage answer or the Home tab: the form, for those the core lets replenish.
 * The response_url of the pressed message travels in the form's private_metadata, so the
 * confirmation appears under that message (from Home there is none: it comes as a direct message).
 */
public final class OpenReplenishFormAction implements BlockActionHandler {

    private final Answering answering;
    private final LicenseCore core;

    public OpenReplenishFormAction(Answering answering, LicenseCore core) {
        this.answering = answering;
        this.core = core;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String triggerId = request.getPayload().getTriggerId();
        String responseUrl = request.getPayload().getResponseUrl();
        Modals modals = new Modals(ctx.client());
        answering.later(Interactions.of(request, ctx), (asker, reply) -> {
            core.operators().require(asker.tenant(), asker.actor(), Action.REPLENISH);
            modals.open(triggerId, ReplenishForm.form(responseUrl == null ? "" : responseUrl));
        });
        return ctx.ack();
    }
}
