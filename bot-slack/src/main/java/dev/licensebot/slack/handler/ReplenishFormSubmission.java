package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.Conversation;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.slack.blocks.ReplenishForm;
import dev.licensebot.slack.reply.Answering;
import dev.licensebot.slack.reply.Interaction;

import java.util.Map;

/**
 * The Replenish form submitted. Slack shows field errors only in the answer to the submission
 * itself, so the core is asked while Slack waits: a refusal about an input goes under that input,
 * any other refusal replaces the form; otherwise the form closes and the same confirmation as
 * {@code /licenses replenish …} is posted where the form was opened from.
 */
record ReplenishFormSubmission(Answering answering, Conversation conversation) implements ViewSubmissionHandler {

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        Interaction interaction = BoltPayloads.of(request, ctx);
        ViewState state = request.getPayload().getView().getState();
        Answering.Answered answered = answering.answerNow(interaction, caller -> conversation.answer(caller,
                new LicenseRequest.ReplenishForm(
                        BoltPayloads.chosen(state, ReplenishForm.POOL_BLOCK, ReplenishForm.POOL_ACTION),
                        BoltPayloads.typed(state, ReplenishForm.AMOUNT_BLOCK, ReplenishForm.AMOUNT_ACTION),
                        BoltPayloads.typed(state, ReplenishForm.REASON_BLOCK, ReplenishForm.REASON_ACTION))));
        if (answered.answer() instanceof Answer.Refused refused) {
            return ReplenishForm.blockOf(refused.refusal())
                    .map(block -> ctx.ackWithErrors(Map.of(block, refused.refusal().userMessage())))
                    .orElseGet(() -> ctx.ackWithUpdate(ReplenishForm.notice(answered.message())));
        }
        if (answered.answer() instanceof Answer.Failed) {
            return ctx.ackWithUpdate(ReplenishForm.notice(answered.message()));
        }
        answering.deliver(interaction, answered.message());
        return ctx.ack();
    }
}
