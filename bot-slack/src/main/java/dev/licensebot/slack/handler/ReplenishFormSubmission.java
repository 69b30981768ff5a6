package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.metrics.LicenseMetrics.Outcome;
import dev.licensebot.core.replenish.ReplenishPlan;
import dev.licensebot.slack.blocks.ReplenishBlocks;
import dev.licensebot.slack.blocks.ReplenishForm;
import dev.licensebot.slack.identity.Asker;
import dev.licensebot.slack.identity.SlackIdentity;
import dev.licensebot.slack.reply.Answering;
import dev.licensebot.slack.reply.Interaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The Replenish form submitted. Slack shows field errors only in the answer to the submission
 * itself, so the core is asked while Slack waits: a refusal about an input goes under that input,
 * any other refusal replaces the form; otherwise the form closes and the same confirmation as
 * {@code /licenses replenish …} is posted where the form was opened from.
 */
public final class ReplenishFormSubmission implements ViewSubmissionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReplenishFormSubmission.class);

    private final SlackIdentity identity;
    private final Answering answering;
    private final LicenseCore core;

    public ReplenishFormSubmission(SlackIdentity identity, Answering answering, LicenseCore core) {
        this.identity = identity;
        this.answering = answering;
        this.core = core;
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        Interaction interaction = Interactions.of(request, ctx);
        ViewState state = request.getPayload().getView().getState();
        try {
            Asker asker = identity.resolve(interaction.teamId(), interaction.enterpriseId(), interaction.userId());
            ReplenishPlan plan = core.replenishments().request(asker.tenant(), asker.actor(),
                    selected(state, ReplenishForm.POOL_BLOCK, ReplenishForm.POOL_ACTION),
                    typed(state, ReplenishForm.AMOUNT_BLOCK, ReplenishForm.AMOUNT_ACTION),
                    typed(state, ReplenishForm.REASON_BLOCK, ReplenishForm.REASON_ACTION));
            answering.deliver(interaction, ReplenishBlocks.plan(plan, asker.tenant().zone()));
            answering.count(interaction, Outcome.ANSWERED);
            return ctx.ack();
        } catch (Refusal refusal) {
            answering.count(interaction, Outcome.REFUSED);
            LOG.info("Refused the Replenish form of Slack user {} in team {}: {} ({})", interaction.userId(),
                    interaction.teamId(), refusal.code(), refusal.userMessage());
            return ReplenishForm.blockOf(refusal)
                    .map(block -> ctx.ackWithErrors(Map.of(block, refusal.userMessage())))
                    .orElseGet(() -> ctx.ackWithUpdate(ReplenishForm.refused(refusal)));
        } catch (RuntimeException e) {
            LOG.error("The Replenish form of Slack user {} in team {} failed", interaction.userId(),
                    interaction.teamId(), e);
            answering.count(interaction, Outcome.FAILED);
            return ctx.ackWithUpdate(ReplenishForm.failed());
        }
    }

    private static String typed(ViewState state, String blockId, String actionId) {
        ViewState.Value value = value(state, blockId, actionId);
        return value == null ? null : value.getValue();
    }

    private static String selected(ViewState state, String blockId, String actionId) {
        ViewState.Value value = value(state, blockId, actionId);
        return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
    }

    private static ViewState.Value value(ViewState state, String blockId, String actionId) {
        Map<String, ViewState.Value> block = state == null || state.getValues() == null ? null
                : state.getValues().get(blockId);
        return block == null ? null : block.get(actionId);
    }
}
