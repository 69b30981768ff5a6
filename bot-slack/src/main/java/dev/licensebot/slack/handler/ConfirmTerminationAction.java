package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.sessions.TerminationResult;
import dev.licensebot.slack.blocks.TerminationBlocks;
import dev.licensebot.slack.reply.Answering;

/**
 * Confirm on a terminate confirmation. The core redeems the single-use confirmation and checks
 * the role again; a second press or a stale one is refused there and told why in a new message,
 * leaving the first outcome in place.
 */
public final class ConfirmTerminationAction implements BlockActionHandler {

    private final Answering answering;
    private final LicenseCore core;

    public ConfirmTerminationAction(Answering answering, LicenseCore core) {
        this.answering = answering;
        this.core = core;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String confirmationId = Interactions.value(request);
        answering.later(Interactions.of(request, ctx), (asker, reply) -> {
            TerminationResult result = core.terminations().confirm(asker.tenant(), asker.actor(), confirmationId);
            reply.replace(TerminationBlocks.result(result, asker.tenant().zone()));
        });
        return ctx.ack();
    }
}
