package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.teams.identity.Requester;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The one place an {@link Answer} becomes an Adaptive Card, for whoever asked. Refusals and
 * failures are one sentence each (the core's), shown as a notice.
 *
 * @param charts draws the usage graphs
 * @param who    null when it is not known who asked (then only a refusal or failure is rendered)
 * @param notice a sentence shown above a list (e.g. "tick an agent first"), or null
 */
public record TeamsCards(UsageCharts charts, Requester who, String notice) implements Answer.Renderer<ObjectNode> {

    /** The answer's whole text when it is only a sentence (a refusal, a failure); null otherwise. */
    public static String sentence(Answer answer) {
        if (answer instanceof Answer.Refused refused) {
            return refused.refusal().userMessage();
        }
        return answer instanceof Answer.Failed failed ? failed.sentence() : null;
    }

    @Override
    public ObjectNode usage(Answer.Usage answer) {
        return UsageCard.of(answer.overview(), charts, who);
    }

    @Override
    public ObjectNode activeAgents(Answer.ActiveAgents answer) {
        return ActiveAgentsCard.of(answer.view(), who, notice);
    }

    @Override
    public ObjectNode historyPage(Answer.HistoryPage answer) {
        HistoryKind kind = answer.request().kind();
        return TableCard.of(answer.table(), answer.view(), page -> ViewData.history(kind, answer.view().since(), page),
                otherHistories(kind), who.teamsUserId());
    }

    private static List<ObjectNode> otherHistories(HistoryKind shown) {
        return Arrays.stream(HistoryKind.values()).filter(kind -> kind != shown)
                .map(kind -> Actions.execute(kind.title(), ViewData.history(kind, null, 1))).toList();
    }

    @Override
    public ObjectNode auditPage(Answer.AuditPage answer) {
        return TableCard.of(answer.table(), answer.view(), page -> ViewData.audit(answer.view().since(), page),
                List.of(), who.teamsUserId());
    }

    @Override
    public ObjectNode digest(Answer.Digest answer) {
        return DigestCard.of(answer.digest(), charts, who.actor());
    }

    @Override
    public ObjectNode terminationPlanned(Answer.TerminationPlanned answer) {
        return ChangeCards.terminationPlanned(answer.plan());
    }

    @Override
    public ObjectNode terminated(Answer.Terminated answer) {
        return ChangeCards.terminated(answer.result(), zone());
    }

    @Override
    public ObjectNode replenishPlanned(Answer.ReplenishPlanned answer) {
        return ChangeCards.replenishPlanned(answer.plan(), zone());
    }

    @Override
    public ObjectNode replenished(Answer.Replenished answer) {
        return ChangeCards.replenished(answer.done(), zone());
    }

    @Override
    public ObjectNode cancelled(Answer.Cancelled answer) {
        return ChangeCards.cancelled(answer);
    }

    @Override
    public ObjectNode refused(Answer.Refused answer) {
        return notice(sentence(answer));
    }

    @Override
    public ObjectNode failed(Answer.Failed answer) {
        return notice(sentence(answer));
    }

    /**
     * One sentence in a card: it may hold what people typed, so escaped as a {@link Text#sentence};
     * the fallback text is plain.
     */
    private static ObjectNode notice(String sentence) {
        return AdaptiveCard.titled(sentence).add(Elements.attention(Text.sentence(sentence))).build();
    }

    @Override
    public ObjectNode alerts(Answer.Alerts answer) {
        return AlertCards.view(answer.view());
    }

    @Override
    public ObjectNode help(Answer.Help answer) {
        return HelpCard.of(answer, who.actor());
    }

    private ZoneId zone() {
        return who.tenant().zone();
    }
}
