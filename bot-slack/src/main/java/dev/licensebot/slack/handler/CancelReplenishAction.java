package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.slack.blocks.ReplenishBlocks;
import dev.licensebot.slack.reply.Answering;

/** Cancel on a replenish confirmation. */
public final class CancelReplenishAction implements BlockActionHandler {

    private final Answering answering;
    private final LicenseCore core;

    public CancelReplenishAction(Answering answering, LicenseCore core) {
        this.answering = answering;
        this.core = core;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String confirmationId = Interactions.value(request);
        answering.later(Interactions.of(request, ctx), (asker, reply) -> {
            core.replenishments().cancel(asker.tenant(), asker.actor(), confirmationId);
            reply.replace(ReplenishBlocks.cancelled(asker.actor()));
        });
        return ctx.ack();
    }
}
