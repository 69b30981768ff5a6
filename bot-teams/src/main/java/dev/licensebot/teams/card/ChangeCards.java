package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.confirm.Confirmation;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.replenish.ReplenishPlan;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.TerminationPlan;
import dev.licensebot.core.sessions.TerminationResult;
import dev.licensebot.core.time.TenantTime;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A change that waits for Confirm (terminate, replenish), and what came of it: the outcome and the
 * cancellation replace the confirmation and have no buttons left to press.
 */
public final class ChangeCards {

    /** Enough to check by eye; more would crowd the card, and the summary above names them all. */
    static final int DETAILED = 25;
    static final int SUMMARY_LENGTH = 3000;

    private ChangeCards() {
    }

    /** Lists exactly what would end. */
    public static ObjectNode terminationPlanned(TerminationPlan plan) {
        String title = plan.needsConfirmation() ? "Terminate sessions?" : "Nothing to terminate";
        AdaptiveCard card = headed(title, Text.plain(plan.summary(), SUMMARY_LENGTH));
        if (!plan.needsConfirmation()) {
            return card.build();
        }
        List<AgentSession> sessions = plan.toTerminate();
        sessions.stream().limit(DETAILED).forEach(session -> card.add(detail(session, plan)));
        if (sessions.size() > DETAILED) {
            card.add(Elements.subtle("… and " + Text.count(sessions.size() - DETAILED, "more session",
                    "more sessions") + ", named above."));
        }
        return confirmable(card, plan.confirmation(), plan.zone(), "destructive");
    }

    /** The totals before and after. */
    public static ObjectNode replenishPlanned(ReplenishPlan plan, ZoneId zone) {
        AdaptiveCard card = headed("Change licenses?", Text.escape(plan.summary()))
                .add(Elements.facts(List.of(
                        new Elements.Fact("Total now", String.valueOf(plan.totalBefore())),
                        new Elements.Fact("Total after", String.valueOf(plan.totalAfter())),
                        new Elements.Fact("In use now", String.valueOf(plan.inUse())))));
        return confirmable(card, plan.confirmation(), zone, "positive");
    }

    public static ObjectNode terminated(TerminationResult result, ZoneId zone) {
        String title = result.terminatedCount() > 0 ? "Sessions terminated" : "Nothing was terminated";
        return done(title, Text.plain(result.summary(), SUMMARY_LENGTH), result.at(), zone);
    }

    public static ObjectNode replenished(Replenishment replenishment, ZoneId zone) {
        return done("Licenses updated", Text.escape(replenishment.summary()), replenishment.occurredAt(), zone);
    }

    public static ObjectNode cancelled(Answer.Cancelled cancelled) {
        return headed("Cancelled", Text.sentence(cancelled.sentence()))
                .add(Elements.subtle("By " + Text.escape(cancelled.by()) + "."))
                .build();
    }

    private static AdaptiveCard headed(String title, String markdown) {
        return AdaptiveCard.titled(title).add(Elements.heading(title)).add(Elements.text(markdown));
    }

    private static ObjectNode done(String title, String markdown, Instant at, ZoneId zone) {
        return headed(title, markdown).add(Elements.subtle("At " + TenantTime.dateTimeWithZone(at, zone) + "."))
                .build();
    }

    /** Who may confirm until when, and the one Confirm and Cancel every change shares. */
    private static ObjectNode confirmable(AdaptiveCard card, Confirmation confirmation, ZoneId zone, String style) {
        return card.add(Elements.subtle("Only " + Text.escape(confirmation.requestedBy()) + " can confirm this, until "
                        + TenantTime.timeWithZone(confirmation.expiresAt(), zone) + "."))
                .action(Actions.styled(style, "Confirm", ActionData.of(Verb.CONFIRM)
                        .with(Param.CONFIRMATION, confirmation.id())))
                .action(Actions.execute("Cancel", ActionData.of(Verb.CANCEL)
                        .with(Param.CONFIRMATION, confirmation.id())))
                .build();
    }

    private static ObjectNode detail(AgentSession session, TerminationPlan plan) {
        List<Elements.Fact> facts = List.of(
                new Elements.Fact("Since", TenantTime.sinceWithZone(session.startedAt(), plan.asOf(), plan.zone())),
                new Elements.Fact("Interactions cut", ActiveAgentsCard.interactions(session)));
        return Elements.entry("**" + Text.plain(session.displayName(), ActiveAgentsCard.NAME_LENGTH) + "** · "
                + Text.plain(session.id(), TableCard.VALUE_LENGTH), facts);
    }
}
