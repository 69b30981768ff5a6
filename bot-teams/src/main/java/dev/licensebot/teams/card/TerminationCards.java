package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.TerminationPlan;
import dev.licensebot.core.sessions.TerminationResult;
import dev.licensebot.core.time.TenantTime;

import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;

/**
 * Terminate: the confirmation that lists exactly what will end, and the outcome that replaces it,
 * which has no buttons left to press.
 */
public final class TerminationCards {

    /** Enough to check by eye; more would crowd the card, and the summary above names them all. */
    static final int DETAILED = 25;
    static final int SUMMARY_LENGTH = 3000;

    private TerminationCards() {
    }

    public static ObjectNode confirmation(TerminationPlan plan) {
        String title = plan.needsConfirmation() ? "Terminate sessions?" : "Nothing to terminate";
        AdaptiveCard card = AdaptiveCard.titled(title)
                .add(Elements.heading(title))
                .add(Elements.text(Text.plain(plan.summary(), SUMMARY_LENGTH)));
        if (!plan.needsConfirmation()) {
            return card.build();
        }
        List<AgentSession> sessions = plan.toTerminate();
        for (AgentSession session : sessions.subList(0, Math.min(DETAILED, sessions.size()))) {
            card.add(detail(session, plan));
        }
        if (sessions.size() > DETAILED) {
            card.add(Elements.subtle("… and " + Text.count(sessions.size() - DETAILED, "more session",
                    "more sessions") + ", named above."));
        }
        String confirmationId = plan.confirmation().id();
        return card.add(Elements.subtle("Only " + Text.escape(plan.confirmation().requestedBy())
                        + " can confirm this, until " + TenantTime.timeWithZone(plan.confirmation().expiresAt(),
                        plan.zone()) + "."))
                .action(Actions.destructive("Confirm", ActionData.of(Verbs.CONFIRM_TERMINATION)
                        .with(Verbs.CONFIRMATION, confirmationId)))
                .action(Actions.execute("Cancel", ActionData.of(Verbs.CANCEL_TERMINATION)
                        .with(Verbs.CONFIRMATION, confirmationId)))
                .build();
    }

    public static ObjectNode outcome(TerminationResult result, ZoneId zone) {
        String title = result.terminatedCount() > 0 ? "Sessions terminated" : "Nothing was terminated";
        return AdaptiveCard.titled(title)
                .add(Elements.heading(title))
                .add(Elements.text(Text.plain(result.summary(), SUMMARY_LENGTH)))
                .add(Elements.subtle("At " + TenantTime.dateTimeWithZone(result.at(), zone) + "."))
                .build();
    }

    public static ObjectNode cancelled(String byWhom) {
        return AdaptiveCard.titled("Termination cancelled")
                .add(Elements.heading("Termination cancelled"))
                .add(Elements.text("Cancelled by " + Text.escape(byWhom) + ". No session was terminated."))
                .build();
    }

    private static ObjectNode detail(AgentSession session, TerminationPlan plan) {
        List<Elements.Fact> facts = new ArrayList<>();
        facts.add(new Elements.Fact("Since", TenantTime.sinceWithZone(session.startedAt(), plan.asOf(), plan.zone())));
        facts.add(new Elements.Fact("Interactions cut", Interactions.of(session.openInteractions())));
        return Rows.row("**" + Text.plain(session.displayName(), ActiveAgentsCard.NAME_LENGTH) + "** · "
                + Text.plain(session.id(), Rows.VALUE_LENGTH), facts);
    }
}
