package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.slack.blocks.TerminationBlocks;
import dev.licensebot.slack.reply.Answering;

/** Cancel on a terminate confirmation: used up in the core, so a later Confirm does nothing. */
public final class CancelTerminationAction implements BlockActionHandler {

    private final Answering answering;
    private final LicenseCore core;

    public CancelTerminationAction(Answering answering, LicenseCore core) {
        this.answering = answering;
        this.core = core;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String confirmationId = Interactions.value(request);
        answering.later(Interactions.of(request, ctx), (asker, reply) -> {
            core.terminations().cancel(asker.tenant(), asker.actor(), confirmationId);
            reply.replace(TerminationBlocks.cancelled(asker.actor()));
        });
        return ctx.ack();
    }
}
