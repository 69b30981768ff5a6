package dev.licensebot.teams.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.metrics.LicenseMetrics.Outcome;
import dev.licensebot.core.conversation.RequestParser;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.Text;
import dev.licensebot.teams.handler.CardActionHandlers;
import dev.licensebot.teams.handler.RequestHandlers;
import dev.licensebot.teams.identity.Requester;
import dev.licensebot.teams.identity.TeamsIdentity;
import dev.licensebot.teams.turn.Incoming;
import dev.licensebot.teams.turn.Turn;
import dev.licensebot.teams.turn.TurnHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A message: plain words, parsed by the core's shared parser, or the data of a card button from a
 * client without Universal Actions (Action.Submit). Either way the answer is a new card message.
 */
public final class MessageTurn implements TurnHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MessageTurn.class);

    private final TeamsIdentity identity;
    private final RequestHandlers requests;
    private final CardActionHandlers actions;
    private final LicenseMetrics metrics;

    public MessageTurn(TeamsIdentity identity, RequestHandlers requests, CardActionHandlers actions,
                       LicenseMetrics metrics) {
        this.identity = identity;
        this.requests = requests;
        this.actions = actions;
        this.metrics = metrics;
    }

    /** Answering and sending are apart: a reply that cannot be sent fails the turn once, in the gateway's log. */
    @Override
    public void onTurn(Turn turn) {
        ObjectNode card;
        String kind = turn.activity().value().isObject() ? "card_submit" : "message";
        try {
            card = answer(turn);
        } catch (Refusal refusal) {
            metrics.interaction(Surface.TEAMS, kind, Outcome.REFUSED);
            // Teams reads a message's text as markdown, and refusals may hold what people typed.
            turn.sendText(Text.sentence(refusal.userMessage()));
            return;
        } catch (RuntimeException e) {
            LOG.error("A Teams message could not be answered", e);
            metrics.interaction(Surface.TEAMS, kind, Outcome.FAILED);
            turn.sendText(Apology.SENTENCE);
            return;
        }
        metrics.interaction(Surface.TEAMS, kind, Outcome.ANSWERED);
        turn.sendCard(card);
    }

    private ObjectNode answer(Turn turn) {
        Incoming activity = turn.activity();
        Requester who = identity.resolve(turn);
        Optional<ActionData> submitted = activity.value().isObject()
                ? ActionData.read(null, activity.value()) : Optional.empty();
        if (submitted.isPresent()) {
            return actions.act(who, submitted.get());
        }
        return requests.answer(who, RequestParser.parse(activity.text()));
    }
}
