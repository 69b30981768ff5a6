package dev.licensebot.teams.turn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.teams.card.TeamsCards;
import dev.licensebot.teams.identity.Requester;
import dev.licensebot.teams.identity.TeamsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a turn for whoever sent it, with the one error policy of every turn. The core's
 * Conversation never throws; what can fail on Teams' side around it (who sent the activity, what a
 * button carries, drawing the card) becomes an {@link Answer} just the same: a {@link Refusal} is
 * refused, anything else is logged and apologised for. Each turn is counted once, by its outcome.
 */
public final class Replies {

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private final TeamsIdentity identity;
    private final LicenseMetrics metrics;
    private final UsageCharts charts;

    public Replies(TeamsIdentity identity, LicenseMetrics metrics, UsageCharts charts) {
        this.identity = identity;
        this.metrics = metrics;
        this.charts = charts;
    }

    /** What a turn asks, once it is known who asks. */
    @FunctionalInterface
    interface Question {
        Reply ask(Requester who);
    }

    /** An answer, and a sentence to show above it (null: none). */
    record Reply(Answer answer, String notice) {

        static Reply of(Answer answer) {
            return new Reply(answer, null);
        }
    }

    /** The answer, for the turns that send a sentence instead of a card, and its card. */
    record Rendered(Answer answer, ObjectNode card) {
    }

    /** {@code kind}: how the metrics name this kind of turn. */
    Rendered reply(Turn turn, String kind, Question question) {
        Rendered rendered;
        try {
            Requester who = identity.resolve(turn);
            Reply reply = question.ask(who);
            rendered = new Rendered(reply.answer(), reply.answer().render(new TeamsCards(charts, who, reply.notice())));
        } catch (Refusal refusal) {
            rendered = alone(new Answer.Refused(refusal));
        } catch (RuntimeException e) {
            LOG.error("A Teams {} could not be answered", kind, e);
            rendered = alone(new Answer.Failed());
        }
        metrics.interaction(Surface.TEAMS, kind, rendered.answer().outcome());
        return rendered;
    }

    /** A refusal or failure, which needs nobody's view to be shown. */
    private Rendered alone(Answer answer) {
        return new Rendered(answer, answer.render(new TeamsCards(charts, null, null)));
    }
}
