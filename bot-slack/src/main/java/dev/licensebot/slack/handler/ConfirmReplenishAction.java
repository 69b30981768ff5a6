package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.slack.blocks.ReplenishBlocks;
import dev.licensebot.slack.reply.Answering;

/** Confirm on a replenish confirmation: the core applies it once and the message shows the new total. */
public final class ConfirmReplenishAction implements BlockActionHandler {

    private final Answering answering;
    private final LicenseCore core;

    public ConfirmReplenishAction(Answering answering, LicenseCore core) {
        this.answering = answering;
        this.core = core;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String confirmationId = Interactions.value(request);
        answering.later(Interactions.of(request, ctx), (asker, reply) -> {
            Replenishment done = core.replenishments().confirm(asker.tenant(), asker.actor(), confirmationId);
            reply.replace(ReplenishBlocks.done(done, asker.tenant().zone()));
        });
        return ctx.ack();
    }
}
