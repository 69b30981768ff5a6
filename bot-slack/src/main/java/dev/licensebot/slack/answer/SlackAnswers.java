package dev.licensebot.slack.answer;

import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.Caller;
import dev.licensebot.slack.blocks.ActiveAgentsBlocks;
import dev.licensebot.slack.blocks.AlertsBlocks;
import dev.licensebot.slack.blocks.ConfirmationBlocks;
import dev.licensebot.slack.blocks.DigestBlocks;
import dev.licensebot.slack.blocks.HelpBlocks;
import dev.licensebot.slack.blocks.HistoryPageBlocks;
import dev.licensebot.slack.blocks.Notices;
import dev.licensebot.slack.blocks.UsageBlocks;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.reply.SlackMessage;

/**
 * The one place where the core's {@link Answer} becomes a Slack message. Drawn for a caller: the
 * usage answer's buttons follow their role, and times are written in their tenant's zone.
 * {@code caller} is null when Slack's side could not tell who asks, which is only ever refused.
 */
public record SlackAnswers(ChartImages charts, Caller caller) implements Answer.Renderer<SlackMessage> {

    @Override
    public SlackMessage usage(Answer.Usage answer) {
        return UsageBlocks.render(answer.overview(), caller.actor(), charts);
    }

    @Override
    public SlackMessage activeAgents(Answer.ActiveAgents answer) {
        return ActiveAgentsBlocks.render(answer.view());
    }

    @Override
    public SlackMessage historyPage(Answer.HistoryPage answer) {
        return HistoryPageBlocks.history(answer);
    }

    @Override
    public SlackMessage auditPage(Answer.AuditPage answer) {
        return HistoryPageBlocks.audit(answer);
    }

    @Override
    public SlackMessage digest(Answer.Digest answer) {
        return DigestBlocks.render(answer.digest(), charts);
    }

    @Override
    public SlackMessage terminationPlanned(Answer.TerminationPlanned answer) {
        return ConfirmationBlocks.terminate(answer.plan());
    }

    @Override
    public SlackMessage terminated(Answer.Terminated answer) {
        return Notices.done(answer.result().summary(), answer.result().at(), caller.tenant().zone());
    }

    @Override
    public SlackMessage replenishPlanned(Answer.ReplenishPlanned answer) {
        return ConfirmationBlocks.replenish(answer.plan(), caller.tenant().zone());
    }

    @Override
    public SlackMessage replenished(Answer.Replenished answer) {
        return Notices.done(answer.done().summary(), answer.done().occurredAt(), caller.tenant().zone());
    }

    @Override
    public SlackMessage cancelled(Answer.Cancelled answer) {
        return Notices.info(answer.sentence() + " By " + answer.by() + ".");
    }

    @Override
    public SlackMessage refused(Answer.Refused answer) {
        return Notices.refusal(answer.refusal());
    }

    @Override
    public SlackMessage failed(Answer.Failed answer) {
        return Notices.failure();
    }

    @Override
    public SlackMessage alerts(Answer.Alerts answer) {
        return AlertsBlocks.render(answer.view());
    }

    @Override
    public SlackMessage help(Answer.Help answer) {
        return HelpBlocks.render(answer.topics(), answer.unknownWords());
    }
}
