package dev.licensebot.server.console;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.confirm.Confirmation;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.conversation.HelpTopics;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.replenish.ReplenishPlan;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.TerminationPlan;
import dev.licensebot.core.time.TenantTime;

import java.time.ZoneId;

/**
 * The only place an {@link Answer} becomes console text: the core's answer to a typed line or to a
 * typed "yes", with what the next line may continue (a confirmation, or a list to page through).
 */
final class ConsoleText implements Answer.Renderer<Reply> {

    static final String HOW_TO_ANSWER = "Type yes to confirm, anything else to cancel.";
    static final String LEAVING = "After a list, next and prev turn its pages. quit or exit leaves (so does Ctrl+D).";

    private final Caller caller;

    ConsoleText(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Reply usage(Answer.Usage answer) {
        return Reply.text(UsageText.render(answer.overview(), caller.actor()));
    }

    @Override
    public Reply activeAgents(Answer.ActiveAgents answer) {
        return ActiveAgentsText.reply(answer.view(), caller.actor().may(Action.TERMINATE));
    }

    /** A terminal is narrow: only the narrow columns unless the words asked for every one ("wide"). */
    @Override
    public Reply historyPage(Answer.HistoryPage answer) {
        LicenseRequest.History asked = answer.request();
        return TableText.reply(asked.wide() ? answer.table() : answer.table().narrow(), answer.view(),
                page -> new LicenseRequest.History(asked.kind(), asked.since(), page, asked.wide()));
    }

    @Override
    public Reply auditPage(Answer.AuditPage answer) {
        return TableText.reply(answer.table(), answer.view(),
                page -> new LicenseRequest.Audit(answer.request().since(), page));
    }

    @Override
    public Reply digest(Answer.Digest answer) {
        return Reply.text(DigestText.render(answer.digest()));
    }

    /** Exactly which sessions will end; the core checks the role when asked and again when confirmed. */
    @Override
    public Reply terminationPlanned(Answer.TerminationPlanned answer) {
        TerminationPlan plan = answer.plan();
        if (!plan.needsConfirmation()) {
            return Reply.text(plan.summary());
        }
        TextTable table = TextTable.of("Session", "Agent", "Since", "Interactions cut");
        for (AgentSession s : plan.toTerminate()) {
            table.row(s.id(), s.displayName(), TenantTime.sinceWithZone(s.startedAt(), plan.asOf(), plan.zone()),
                    ActiveAgentsText.interactions(s));
        }
        return ask(plan.summary(), table.render() + System.lineSeparator()
                + "Their open interactions are cut and their applications must be reloaded.", plan.confirmation(),
                plan.zone());
    }

    @Override
    public Reply terminated(Answer.Terminated answer) {
        return Reply.text(answer.result().summary() + " At "
                + TenantTime.dateTimeWithZone(answer.result().at(), caller.tenant().zone()) + ".");
    }

    @Override
    public Reply replenishPlanned(Answer.ReplenishPlanned answer) {
        ReplenishPlan plan = answer.plan();
        return ask(plan.summary(), plan.inUse() + " of the " + plan.pool().label() + " licenses are in use now.",
                plan.confirmation(), caller.tenant().zone());
    }

    @Override
    public Reply replenished(Answer.Replenished answer) {
        return Reply.text(answer.done().summary());
    }

    @Override
    public Reply cancelled(Answer.Cancelled answer) {
        return Reply.text(answer.sentence());
    }

    @Override
    public Reply refused(Answer.Refused answer) {
        return Reply.text(oneLine(answer.refusal()));
    }

    @Override
    public Reply failed(Answer.Failed answer) {
        return Reply.text(answer.sentence());
    }

    /** The sentence of what was done, then where alerts go, the levels and the incidents. */
    @Override
    public Reply alerts(Answer.Alerts answer) {
        Lines lines = new Lines().add(answer.view().sentence());
        answer.view().lines().forEach(lines::add);
        return Reply.text(lines.toString());
    }

    /** What this operator may ask, naming the words not understood. */
    @Override
    public Reply help(Answer.Help answer) {
        Lines lines = new Lines().add(answer.notUnderstood() == null ? "What licensebot can do:"
                : answer.notUnderstood() + " Here is what I can do:");
        for (HelpTopics.Topic topic : answer.topics()) {
            lines.add("  " + topic.words()).add("      " + topic.typedAnswer() + " Example: " + topic.example());
        }
        if (answer.topics().isEmpty()) {
            lines.add("  Nothing yet: your role allows none of licensebot's answers.");
        }
        return Reply.text(lines.add(LEAVING).toString());
    }

    /**
     * The question under every destructive action: what will happen, who may answer it and until when
     * (the core's single-use, 10-minute confirmation), and how to answer by typing.
     */
    private static Reply ask(String what, String details, Confirmation confirmation, ZoneId zone) {
        return new Reply(new Lines().add(what).add(details)
                .add("Only " + confirmation.requestedBy() + " can confirm this, until "
                        + TenantTime.timeWithZone(confirmation.expiresAt(), zone) + ".")
                .add(HOW_TO_ANSWER)
                .toString(), confirmation.id(), null);
    }

    /** A refusal is one line at the console, as it is one sentence in chat. */
    static String oneLine(Refusal refusal) {
        return Console.plain(refusal.userMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }
}
