package dev.licensebot.server.console;

import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.TerminationPlan;
import dev.licensebot.core.sessions.TerminationResult;
import dev.licensebot.core.time.TenantTime;

/**
 * `terminate ID…`: exactly which sessions will end, then the outcome once "yes" is typed. The core
 * checks the role when asked and again when confirmed.
 */
final class TerminationText implements ConsoleAnswer<LicenseRequest.Terminate> {

    static final String CANCELLED = "Cancelled: nothing was terminated.";

    @Override
    public Reply answer(LicenseRequest.Terminate request, ConsoleUser who) {
        TerminationPlan plan = who.core().terminations().request(who.tenant(), who.actor(), request.sessionIds());
        if (!plan.needsConfirmation()) {
            return Reply.text(plan.summary());
        }
        String id = plan.confirmation().id();
        return Reply.awaiting(ConfirmationText.ask(plan.summary(), details(plan), plan.confirmation(), plan.zone()),
                new Pending() {
                    @Override
                    public String confirm() {
                        return result(who.core().terminations().confirm(who.tenant(), who.actor(), id), who);
                    }

                    @Override
                    public String cancel() {
                        who.core().terminations().cancel(who.tenant(), who.actor(), id);
                        return CANCELLED;
                    }
                });
    }

    /** The sessions that will end and the interactions that go with them. */
    static String details(TerminationPlan plan) {
        TextTable table = TextTable.of("Session", "Agent", "Since", "Interactions cut");
        for (AgentSession s : plan.toTerminate()) {
            table.row(s.id(), s.displayName(), TenantTime.sinceWithZone(s.startedAt(), plan.asOf(), plan.zone()),
                    ActiveAgentsText.interactions(s));
        }
        return table.render() + System.lineSeparator()
                + "Their open interactions are cut and their applications must be reloaded.";
    }

    static String result(TerminationResult result, ConsoleUser who) {
        return result.summary() + " At " + TenantTime.dateTimeWithZone(result.at(), who.tenant().zone()) + ".";
    }
}
