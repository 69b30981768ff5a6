package dev.licensebot.teams.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.metrics.LicenseMetrics.Outcome;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.NoticeCard;
import dev.licensebot.teams.handler.CardActionHandlers;
import dev.licensebot.teams.identity.TeamsIdentity;
import dev.licensebot.teams.turn.Turn;
import dev.licensebot.teams.turn.TurnHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Universal Action (the adaptiveCard/action invoke of an Action.Execute button or a refresh):
 * the answer is the card that replaces the one in the conversation. A refusal replaces it with
 * its one sentence; other invokes are not the bot's business and get a 400.
 */
public final class InvokeTurn implements TurnHandler {

    static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";
    private static final Logger LOG = LoggerFactory.getLogger(InvokeTurn.class);

    private final TeamsIdentity identity;
    private final CardActionHandlers actions;
    private final LicenseMetrics metrics;

    public InvokeTurn(TeamsIdentity identity, CardActionHandlers actions, LicenseMetrics metrics) {
        this.identity = identity;
        this.actions = actions;
        this.metrics = metrics;
    }

    @Override
    public void onTurn(Turn turn) {
        if (!ADAPTIVE_CARD_ACTION.equals(turn.activity().name())) {
            // Unanswered, the SDK says 501; the app declares no other invoke, so it is the sender's mistake.
            LOG.debug("Refused a Teams invoke named {}", turn.activity().name());
            turn.answerInvoke(400, null);
            return;
        }
        ObjectNode card;
        Outcome outcome = Outcome.ANSWERED;
        try {
            card = answer(turn);
        } catch (Refusal refusal) {
            card = NoticeCard.of(refusal.userMessage());
            outcome = Outcome.REFUSED;
        } catch (RuntimeException e) {
            LOG.error("A Teams card action could not be answered", e);
            card = NoticeCard.of(Apology.SENTENCE);
            outcome = Outcome.FAILED;
        }
        metrics.interaction(Surface.TEAMS, "card_action", outcome);
        turn.answerInvoke(200, cardResponse(card));
    }

    private ObjectNode answer(Turn turn) {
        JsonNode value = turn.activity().value();
        JsonNode action = value.path("action");
        ActionData data = ActionData.read(action.path("verb").asText(null), action.path("data"))
                .orElseThrow(() -> Refusal.invalid("verb", "That button sent nothing I understand; nothing was done."));
        // Teams runs refresh actions by itself: they may show, never act.
        if ("automatic".equals(value.path("trigger").asText()) && !actions.isView(data.verb())) {
            throw Refusal.invalid("verb", "A card refresh cannot confirm anything; nothing was done.");
        }
        return actions.act(identity.resolve(turn), data);
    }

    /** The Universal Actions answer that makes Teams show {@code card} in place. */
    static ObjectNode cardResponse(ObjectNode card) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", 200);
        body.put("type", "application/vnd.microsoft.card.adaptive");
        body.set("value", card);
        return body;
    }
}
